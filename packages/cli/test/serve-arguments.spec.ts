import { describe, expect, it } from 'vitest'
import { parseCommandLine, UsageError } from '../src/arguments.js'

function usageError(argv: string[]): string {
  try {
    parseCommandLine(argv)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
  throw new Error(`${JSON.stringify(argv)} was accepted`)
}

describe('parseCommandLine: serve', () => {
  it('defaults to the sample world on 127.0.0.1:8080, in memory, without a config', () => {
    expect(parseCommandLine(['serve'])).toEqual({
      name: 'serve',
      data: undefined,
      size: 20_000,
      state: undefined,
      config: undefined,
      host: '127.0.0.1',
      port: 8080,
    })
  })

  it('reads every serve option', () => {
    expect(
      parseCommandLine([
        'serve',
        '-d',
        'p.jsonl',
        '--state=st',
        '--config',
        'c.json',
        '--host',
        '::1',
        '-p',
        '0',
      ]),
    ).toEqual({
      name: 'serve',
      data: 'p.jsonl',
      size: 20_000,
      state: 'st',
      config: 'c.json',
      host: '::1',
      port: 0,
    })
    expect(parseCommandLine(['serve', '--size', '500', '--port=65535'])).toMatchObject({
      size: 500,
      port: 65_535,
    })
  })

  it('refuses a port out of range or not a number, naming the option as written', () => {
    expect(usageError(['serve', '--port', '65536'])).toBe(
      '--port must be an integer from 0 to 65535, not 65536',
    )
    expect(usageError(['serve', '-p', '80a'])).toBe('-p must be an integer from 0 to 65535, not 80a')
    expect(usageError(['serve', '--port=-1'])).toBe('--port must be an integer from 0 to 65535, not -1')
  })

  it('refuses empty paths, a bad host, and options of other commands', () => {
    expect(usageError(['serve', '--state='])).toBe('--state needs a directory')
    expect(usageError(['serve', '--config='])).toBe('--config needs a file name')
    expect(usageError(['serve', '--host', 'a b'])).toMatch(/^--host needs an address or a host name/)
    expect(usageError(['serve', '--viewer', 'x'])).toBe('--viewer does not apply to serve')
    expect(usageError(['serve', '-d', 'x.jsonl', '-s', '5'])).toBe(
      '-s sets the size of the sample world; it does not apply with --data',
    )
    expect(usageError(['serve', 'extra'])).toBe('Unexpected argument extra: serve takes none')
    expect(usageError(['/v1/people-search', '--port', '1'])).toBe('--port does not apply to search')
    expect(usageError(['viewers', '--state', 'st'])).toBe('--state does not apply to viewers')
  })

  it('--help still answers whatever else is given', () => {
    expect(parseCommandLine(['serve', '--port', '1', '--help'])).toEqual({ name: 'help' })
  })
})
