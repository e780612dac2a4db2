import { describe, expect, it } from 'vitest'
import { type Command, parseCommandLine, USAGE, UsageError } from '../src/arguments.js'

const URL = '/v1/people-search?keywords=java'

function usageError(argv: string[]): string {
  try {
    parseCommandLine(argv)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
  throw new Error(`${JSON.stringify(argv)} was accepted`)
}

describe('parseCommandLine', () => {
  it('takes a value as --viewer x, --viewer=x, -v x and -vx', () => {
    const expected: Command = { name: 'search', request: URL, viewer: 'ann', format: 'xml', size: 20_000 }
    for (const argv of [
      [URL, '--viewer', 'ann'],
      [URL, '--viewer=ann'],
      ['-v', 'ann', URL],
      [URL, '-vann'],
    ]) {
      expect(parseCommandLine(argv)).toEqual({ ...expected, data: undefined })
    }
  })

  it('reads every search option in long and short form', () => {
    expect(parseCommandLine([URL, '-v', 'a', '-f', 'json', '-d', 'p.jsonl'])).toEqual({
      name: 'search',
      request: URL,
      viewer: 'a',
      format: 'json',
      data: 'p.jsonl',
      size: 20_000,
    })
    expect(parseCommandLine([URL, '--format=json', '--size=400'])).toMatchObject({
      format: 'json',
      size: 400,
    })
    expect(parseCommandLine([URL, '-s', '400'])).toMatchObject({ size: 400 })
  })

  it('the last of a repeated option wins', () => {
    expect(parseCommandLine([URL, '-v', 'a', '--viewer=b'])).toMatchObject({ viewer: 'b' })
  })

  it('a value starting with - is given with =', () => {
    expect(parseCommandLine([URL, '--viewer=-ann'])).toMatchObject({ viewer: '-ann' })
    expect(usageError([URL, '--viewer', '-ann'])).toBe(
      "--viewer needs a value, not the option -ann (a value starting with '-' is written --viewer=-ann)",
    )
  })

  it('--help, -h, help and --version, -V answer whatever else is given', () => {
    for (const argv of [['--help'], ['-h'], ['help'], [URL, '--viewer', 'x', '--help'], ['viewers', '-h']]) {
      expect(parseCommandLine(argv)).toEqual({ name: 'help' })
    }
    for (const argv of [['--version'], ['-V'], [URL, '-V']]) {
      expect(parseCommandLine(argv)).toEqual({ name: 'version' })
    }
    expect(USAGE).toMatch(/^Usage: people-search/)
    for (const option of [
      '-v, --viewer',
      '-f, --format',
      '-d, --data',
      '-s, --size',
      '--viewers',
      '-h, --help',
    ]) {
      expect(USAGE).toContain(option)
    }
    expect(USAGE).toContain('-V, --version')
  })

  it('a legacy URL is an implicit search; `search URL` says it explicitly', () => {
    expect(parseCommandLine(['search', URL, '-v', 'a'])).toEqual(parseCommandLine([URL, '-v', 'a']))
    expect(parseCommandLine(['https://api.linkedin.com/v1/people-search?keywords=x'])).toMatchObject({
      name: 'search',
      request: 'https://api.linkedin.com/v1/people-search?keywords=x',
    })
    // After `--` everything is an operand, even what looks like an option.
    expect(parseCommandLine(['-v', 'a', '--', '/v1/people-search?keywords=--x'])).toMatchObject({
      request: '/v1/people-search?keywords=--x',
    })
  })

  it('viewers is a command, and --viewers its older spelling', () => {
    expect(parseCommandLine(['viewers'])).toEqual({ name: 'viewers', data: undefined, size: 20_000 })
    expect(parseCommandLine(['--viewers', '--size', '400'])).toEqual({
      name: 'viewers',
      data: undefined,
      size: 400,
    })
    expect(parseCommandLine(['viewers', '-d', 'x.jsonl'])).toEqual({
      name: 'viewers',
      data: 'x.jsonl',
      size: 20_000,
    })
  })

  it('refuses unknown options, naming them', () => {
    expect(usageError(['--colour'])).toBe('Unknown option --colour')
    expect(usageError([URL, '-z'])).toBe('Unknown option -z')
    expect(usageError([URL, '-hz'])).toBe('Unknown option -z')
    expect(usageError([URL, '--no-viewers'])).toBe('Unknown option --no-viewers')
  })

  it('refuses missing values and values given to flags', () => {
    expect(usageError([URL, '--viewer'])).toBe('--viewer needs a value')
    expect(usageError([URL, '-v'])).toBe('-v needs a value')
    expect(usageError([URL, '--viewer', '--format', 'json'])).toMatch(
      /^--viewer needs a value, not the option --format/,
    )
    expect(usageError(['--help=yes'])).toBe('--help takes no value')
    expect(usageError(['--viewers=1'])).toBe('--viewers takes no value')
    expect(usageError([URL, '--data='])).toBe('--data needs a file name')
  })

  it('refuses bad values, naming the option as it was written', () => {
    expect(usageError([URL, '--format', 'yaml'])).toBe('--format must be xml or json, not yaml')
    expect(usageError([URL, '-f', 'XML'])).toBe('-f must be xml or json, not XML')
    expect(usageError([URL, '--size', '1'])).toBe('--size must be an integer from 2 to 1000000, not 1')
    expect(usageError([URL, '-s', '2e3'])).toBe('-s must be an integer from 2 to 1000000, not 2e3')
    expect(usageError([URL, '--size=1000001'])).toBe(
      '--size must be an integer from 2 to 1000000, not 1000001',
    )
    expect(usageError([URL, '--size=-5'])).toBe('--size must be an integer from 2 to 1000000, not -5')
  })

  it('refuses options that do not apply and operands that are too many', () => {
    expect(usageError(['viewers', '--viewer', 'x'])).toBe('--viewer does not apply to viewers')
    expect(usageError(['viewers', '-f', 'json'])).toBe('-f does not apply to viewers')
    expect(usageError([URL, '--viewers'])).toBe('--viewers lists viewers; it takes no URL')
    expect(usageError([URL, '--data', 'x.jsonl', '--size', '5'])).toBe(
      '--size sets the size of the sample world; it does not apply with --data',
    )
    expect(usageError([URL, 'keywords=x'])).toBe('Unexpected argument keywords=x: give one URL, quoted')
    expect(usageError(['viewers', 'extra'])).toBe('Unexpected argument extra: viewers takes none')
  })

  it('a bare word is a command name: an unknown one is refused, not searched for', () => {
    expect(usageError(['frobnicate'])).toBe(
      'Unknown command frobnicate (commands: search, viewers, serve, help; a legacy URL starts with /v1/people-search)',
    )
    expect(usageError([])).toBe('Give a legacy URL to answer.')
    expect(usageError(['search', '-v', 'x'])).toBe('Give a legacy URL to answer.')
  })
})
