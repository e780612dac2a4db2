/**
 * One process of a scale row (`scale.ts` starts them, one after the other):
 *
 *     node --expose-gc --max-old-space-size=<MiB> child.js ours <size> <snapshot> <out.json>
 *     node --expose-gc --max-old-space-size=<MiB> child.js load <size> <snapshot> <ours.json> <out.json>
 *     node --expose-gc --max-old-space-size=<MiB> child.js flexsearch <size> <out.json>
 *
 * Each writes its figures to `out.json`; `ours` also writes what `load` checks the loaded index against.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { relative } from 'node:path'
import { SEED } from '../corpus.js'
import { flexsearchAtScale } from './flexsearch.js'
import { loadAtScale } from './load.js'
import { type OursOutput, oursAtScale } from './ours.js'

const USAGE =
  'usage: child.js ours <size> <snapshot> <out.json> | load <size> <snapshot> <ours.json> <out.json> | flexsearch <size> <out.json>'

const [kind, sizeText, ...rest] = process.argv.slice(2)
const size = Number(sizeText)
if (!Number.isSafeInteger(size) || size < 1) throw new Error(USAGE)
/** The command line, with the scratch files as placeholders. */
const command = (...shown: string[]) =>
  [
    'node',
    ...process.execArgv,
    relative(process.cwd(), process.argv[1] ?? 'child.js') || 'child.js',
    kind,
    sizeText,
    ...shown,
  ].join(' ')
const write = (path: string, value: unknown) => writeFileSync(path, `${JSON.stringify(value)}\n`)

if (kind === 'ours' && rest.length === 2) {
  const [snapshot, out] = rest
  write(out, await oursAtScale(size, SEED, snapshot, command('<snapshot>', '<out.json>')))
} else if (kind === 'load' && rest.length === 3) {
  const [snapshot, oursFile, out] = rest
  const { checks } = JSON.parse(readFileSync(oursFile, 'utf8')) as OursOutput
  write(out, await loadAtScale(size, snapshot, checks, command('<snapshot>', '<ours.json>', '<out.json>')))
} else if (kind === 'flexsearch' && rest.length === 1) {
  write(rest[0], flexsearchAtScale(size, SEED, command('<out.json>')))
} else throw new Error(USAGE)
