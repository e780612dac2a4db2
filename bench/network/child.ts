/**
 * One process of the network bench (`network.ts` starts them, one after the other):
 *
 *     node --expose-gc --max-old-space-size=<MiB> child.js <ours|flexsearch> <size> <out.json>
 */
import { writeFileSync } from 'node:fs'
import { relative } from 'node:path'
import { SEED } from '../corpus.js'
import { flexsearchNetwork } from './flexsearch.js'
import { oursNetwork } from './ours.js'

const USAGE = 'usage: child.js <ours|flexsearch> <size> <out.json>'
const [kind, sizeText, out, ...rest] = process.argv.slice(2)
const size = Number(sizeText)
if (!Number.isSafeInteger(size) || size < 2 || out === undefined || rest.length > 0) throw new Error(USAGE)
const command = [
  'node',
  ...process.execArgv,
  relative(process.cwd(), process.argv[1] ?? 'child.js'),
  kind,
  sizeText,
  '<out.json>',
].join(' ')
const figures =
  kind === 'ours'
    ? oursNetwork(size, SEED, command)
    : kind === 'flexsearch'
      ? flexsearchNetwork(size, SEED, command)
      : undefined
if (figures === undefined) throw new Error(USAGE)
writeFileSync(out, `${JSON.stringify(figures)}\n`)
