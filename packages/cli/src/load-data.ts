import { createReadStream } from 'node:fs'
import { open, readFile, stat } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import {
  fromPersonProfile,
  PeopleIndex,
  type PeopleIndexOptions,
  PeopleSearchError,
  type PersonProfileDocument,
  type Profile,
  validateProfile,
} from '@people-search/core'
import { LoadProgress } from './progress.js'

/** A data file that cannot be used; the message names the file, the line and what is wrong (exit 2). */
export class DataError extends Error {
  override name = 'DataError'
}

/** How a data file was read (packages/cli/README.md, "Data files"). */
export type DataFormat = 'snapshot' | 'json-lines' | 'json'

export interface DataFile {
  index: PeopleIndex
  format: DataFormat
  /** A few member ids to try as viewers, best connected first; unknown for a snapshot. */
  viewers: string[] | undefined
}

export interface LoadDataOptions {
  /** Options of the index that is built. */
  index?: PeopleIndexOptions
  /** How the file is named in messages (default: `path`), e.g. as the user typed it. */
  name?: string
  /** Progress of the load (default: none). */
  progress?: LoadProgress
}

/** The first line of every snapshot (docs/spec.md §7; packages/core/src/snapshot/format.ts). */
const SNAPSHOT_FORMAT = 'people-search-snapshot'
const BOM = '\uFEFF'
const BATCH = 10_000
const HEAD_BYTES = 64 * 1024

/**
 * Builds an index from a data file. The format is told from the content: a snapshot by its header
 * line, a JSON array by its `[`, one JSON document spread over lines by a first line that is not
 * JSON on its own, else JSON lines. Records are §1.1 profiles, §1.3 Person Profile documents,
 * `{"edge":[a,b]}` and `{"member":[id,group]}`, in any order (links are applied once every
 * profile is in). Errors name the 1-based line (JSON lines) or item (a JSON array).
 */
export async function loadData(path: string, options: PeopleIndexOptions = {}): Promise<PeopleIndex> {
  return (await loadDataFile(path, { index: options })).index
}

/** {@link loadData}, telling also the format found and a few viewer ids to try. */
export async function loadDataFile(path: string, options: LoadDataOptions = {}): Promise<DataFile> {
  const name = options.name ?? path
  const progress = options.progress ?? new LoadProgress(undefined)
  const size = await fileSize(path, name)
  const head = await readHead(path, name)
  try {
    const format = detect(head, size <= HEAD_BYTES, name)
    const indexOptions = options.index ?? {}
    if (format.kind === 'snapshot') return await readSnapshot(path, name, indexOptions, progress)
    if (format.kind === 'json') return await readJson(path, name, indexOptions, progress, format.guessed)
    return await readJsonLines(path, name, indexOptions, size, progress)
  } finally {
    progress.finish()
  }
}

type Detected =
  | { kind: 'snapshot' }
  | { kind: 'json-lines' }
  /** `guessed`: told only by a first line that is not JSON on its own (see {@link readJson}). */
  | { kind: 'json'; guessed: boolean }

function detect(head: string, whole: boolean, name: string): Detected {
  const text = stripBom(head)
  const lines = text.split('\n')
  const index = lines.findIndex((line) => line.trim() !== '')
  if (index === -1 && whole) throw new DataError(`${name} is empty: it holds no profiles`)
  // A first line longer than the head is JSON lines (no pretty-printed document starts so).
  if (index === -1 || (index === lines.length - 1 && !whole)) return { kind: 'json-lines' }
  const line = lines[index].trim()
  if (line.startsWith('[')) return { kind: 'json', guessed: false }
  let parsed: unknown
  try {
    parsed = JSON.parse(line)
  } catch {
    return line.startsWith('{') ? { kind: 'json', guessed: true } : { kind: 'json-lines' }
  }
  if (!isSnapshotHeader(parsed)) return { kind: 'json-lines' }
  if (head.startsWith(BOM)) {
    throw new DataError(
      `${name} is a snapshot with a byte-order mark (U+FEFF) before its header: snapshots are written without one, remove it`,
    )
  }
  return { kind: 'snapshot' }
}

async function fileSize(path: string, name: string): Promise<number> {
  try {
    const info = await stat(path)
    if (!info.isFile()) throw new DataError(`${name} is not a file`)
    return info.size
  } catch (error) {
    if (error instanceof DataError) throw error
    throw new DataError(fileProblem(error, name, path))
  }
}

function fileProblem(error: unknown, name: string, path: string): string {
  const code = (error as NodeJS.ErrnoException).code
  const where = name === path ? '' : ` (looked for ${path})`
  if (code === 'ENOENT' || code === 'ENOTDIR') return `Data file not found: ${name}${where}`
  if (code === 'EACCES' || code === 'EPERM') return `Cannot read ${name}: permission denied`
  if (code === 'EISDIR') return `${name} is not a file`
  return `Cannot read ${name}: ${(error as Error).message}`
}

async function readHead(path: string, name: string): Promise<string> {
  try {
    const handle = await open(path, 'r')
    try {
      const buffer = Buffer.alloc(HEAD_BYTES)
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0)
      return buffer.subarray(0, bytesRead).toString('utf8')
    } finally {
      await handle.close()
    }
  } catch (error) {
    throw new DataError(fileProblem(error, name, path))
  }
}

function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text
}

function isSnapshotHeader(value: unknown): boolean {
  const header = (value as { header?: { format?: unknown } } | null)?.header
  return typeof header === 'object' && header !== null && header.format === SNAPSHOT_FORMAT
}

async function readSnapshot(
  path: string,
  name: string,
  options: PeopleIndexOptions,
  progress: LoadProgress,
): Promise<DataFile> {
  progress.phase(`Loading snapshot ${name}`, undefined)
  progress.watch()
  try {
    return { index: await PeopleIndex.load(path, options), format: 'snapshot', viewers: undefined }
  } catch (error) {
    if (error instanceof PeopleSearchError) throw new DataError(error.message)
    throw error
  }
}

/**
 * Collects records into an index: profiles in batches, links until the end. `where(n)` names
 * record `n` (a line or an item) in messages; positions are kept as numbers so that a million
 * edges cost no strings.
 */
class Builder {
  readonly index: PeopleIndex
  private batch: Profile[] = []
  private batchAt: number[] = []
  private readonly links: { kind: 'edge' | 'member'; a: string[]; b: string[]; at: number[] }[] = [
    { kind: 'edge', a: [], b: [], at: [] },
    { kind: 'member', a: [], b: [], at: [] },
  ]
  private readonly firstIds: string[] = []
  profiles = 0

  constructor(
    private readonly name: string,
    private readonly where: (n: number) => string,
    options: PeopleIndexOptions,
  ) {
    this.index = new PeopleIndex(options)
  }

  /** Takes one parsed record found at position `n`. */
  add(value: unknown, n: number): void {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new DataError(
        `${this.where(n)}: expected a JSON object (a profile, a Person Profile document, an edge or a membership), not ${describe(value)}`,
      )
    }
    const record = value as Record<string, unknown>
    if (Object.hasOwn(record, 'edge'))
      this.link(0, record.edge, n, '"edge" must be two member ids, ["a","b"]')
    else if (Object.hasOwn(record, 'member'))
      this.link(1, record.member, n, '"member" must be a member id and a group, ["id","group"]')
    else this.profile(record, n)
  }

  private profile(record: Record<string, unknown>, n: number): void {
    let profile: Profile
    if (isPersonProfileDocument(record)) {
      try {
        profile = fromPersonProfile(record as unknown as PersonProfileDocument)
      } catch (error) {
        if (error instanceof PeopleSearchError) throw new DataError(`${this.where(n)}: ${error.message}`)
        throw error
      }
    } else profile = record as unknown as Profile
    this.batch.push(profile)
    this.batchAt.push(n)
    this.profiles++
    if (this.firstIds.length < 5 && typeof profile.id === 'string') this.firstIds.push(profile.id)
    if (this.batch.length === BATCH) this.flush()
  }

  /** Adds the last profiles, then the links; returns a few well-connected viewer ids. */
  finish(progress: LoadProgress): string[] {
    this.flush()
    if (this.profiles === 0) throw new DataError(`${this.name} holds no profiles`)
    progress.phase(`Linking ${this.name}`, this.links[0].a.length + this.links[1].a.length)
    let done = 0
    for (const { kind, a, b, at } of this.links) {
      for (let i = 0; i < a.length; i++, done++) {
        if ((done & 0x7fff) === 0) progress.tick(done)
        try {
          if (kind === 'edge') this.index.connect(a[i], b[i])
          else this.index.joinGroup(a[i], b[i])
        } catch (error) {
          if (!(error instanceof PeopleSearchError)) throw error
          throw new DataError(
            `${this.where(at[i])}: ${kind} ${JSON.stringify([a[i], b[i]])}: ${error.message}`,
          )
        }
      }
    }
    return this.bestConnected()
  }

  private link(which: 0 | 1, pair: unknown, n: number, expected: string): void {
    if (
      !Array.isArray(pair) ||
      pair.length !== 2 ||
      typeof pair[0] !== 'string' ||
      typeof pair[1] !== 'string'
    ) {
      throw new DataError(`${this.where(n)}: ${expected}, not ${JSON.stringify(pair)?.slice(0, 80)}`)
    }
    const links = this.links[which]
    links.a.push(pair[0])
    links.b.push(pair[1])
    links.at.push(n)
  }

  private flush(): void {
    if (this.batch.length === 0) return
    try {
      this.index.add(this.batch)
    } catch (error) {
      if (!(error instanceof PeopleSearchError)) throw error
      // add() names the record by its place in the batch; find it again to name its line.
      for (let i = 0; i < this.batch.length; i++) {
        try {
          validateProfile(this.batch[i], idLabel(this.batch[i]))
        } catch (problem) {
          throw new DataError(`${this.where(this.batchAt[i])}: ${(problem as Error).message}`)
        }
      }
      throw new DataError(`${this.where(this.batchAt[0])}: ${error.message}`)
    }
    this.batch = []
    this.batchAt = []
  }

  private bestConnected(): string[] {
    const degree = new Map<string, number>()
    const edges = this.links[0]
    for (let i = 0; i < edges.a.length; i++) {
      degree.set(edges.a[i], (degree.get(edges.a[i]) ?? 0) + 1)
      degree.set(edges.b[i], (degree.get(edges.b[i]) ?? 0) + 1)
    }
    if (degree.size === 0) return this.firstIds
    // Stable: among equals, the member first named in the file comes first.
    return [...degree.entries()]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 5)
      .map(([id]) => id)
  }
}

/**
 * A Person Profile document (docs/spec.md §1.3) rather than a §1.1 profile: it has the snake_case
 * `public_identifier`, or it has no `id` but a snake_case name.
 */
function isPersonProfileDocument(record: Record<string, unknown>): boolean {
  if (Object.hasOwn(record, 'public_identifier')) return true
  return (
    !Object.hasOwn(record, 'id') &&
    (Object.hasOwn(record, 'first_name') ||
      Object.hasOwn(record, 'last_name') ||
      Object.hasOwn(record, 'full_name'))
  )
}

function idLabel(profile: unknown): string {
  const id = (profile as { id?: unknown } | null)?.id
  return typeof id === 'string' ? `(id ${JSON.stringify(id)})` : '(without an id)'
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return `a string (${JSON.stringify(value).slice(0, 40)})`
  return `${typeof value === 'number' ? 'the number' : ''} ${String(value)}`.trim()
}

async function readJsonLines(
  path: string,
  name: string,
  options: PeopleIndexOptions,
  size: number,
  progress: LoadProgress,
): Promise<DataFile> {
  const builder = new Builder(name, (n) => `${name}:${n}`, options)
  const input = createReadStream(path, { encoding: 'utf8' })
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
  progress.phase(`Reading ${name}`, size, 'bytes')
  let lineNumber = 0
  try {
    for await (const raw of lines) {
      lineNumber++
      // A byte-order mark opens the file, or a line of it when files were concatenated.
      const line = stripBom(raw)
      if (line.trim() === '') continue
      let value: unknown
      try {
        value = JSON.parse(line)
      } catch (error) {
        throw new DataError(notJson(name, lineNumber, line, error))
      }
      builder.add(value, lineNumber)
      if ((lineNumber & 1023) === 0) progress.tick(input.bytesRead)
    }
  } catch (error) {
    // A read that fails half-way (the file removed, a disk error) is the file's problem.
    if (typeof (error as NodeJS.ErrnoException).code === 'string' && !(error instanceof PeopleSearchError))
      throw new DataError(fileProblem(error, name, path))
    throw error
  } finally {
    lines.close()
    input.destroy()
  }
  progress.tick(size)
  return { index: builder.index, format: 'json-lines', viewers: builder.finish(progress) }
}

/**
 * A whole-file JSON value: an array of records or one record (typically a pretty-printed Person
 * Profile document). When `guessed`, a first line that is not JSON on its own was the only sign
 * of one document; if the whole file is not JSON either and its second line is, the file is JSON
 * lines with a broken first line, and that line is reported.
 */
async function readJson(
  path: string,
  name: string,
  options: PeopleIndexOptions,
  progress: LoadProgress,
  guessed: boolean,
): Promise<DataFile> {
  progress.phase(`Reading ${name}`, undefined)
  progress.watch()
  let text: string
  try {
    text = stripBom(await readFile(path, 'utf8'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_STRING_TOO_LONG') {
      throw new DataError(`${name} is too large to read as one JSON document: write it as JSON lines`)
    }
    throw new DataError(fileProblem(error, name, path))
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const lines = guessed ? text.split('\n') : []
    const records = lines.map((line, i) => ({ line, i })).filter(({ line }) => line.trim() !== '')
    // A second line that is JSON on its own: these are JSON lines, and the first one is broken.
    if (records.length > 1 && isJson(records[1].line)) {
      const { line, i } = records[0]
      throw new DataError(notJson(name, i + 1, line, parseError(line)))
    }
    throw new DataError(notJson(name, undefined, text, error))
  }
  if (!Array.isArray(value)) {
    const builder = new Builder(name, () => name, options)
    builder.add(value, 1)
    return { index: builder.index, format: 'json', viewers: builder.finish(progress) }
  }
  const builder = new Builder(name, (n) => `${name}: item ${n}`, options)
  progress.phase(`Indexing ${name}`, value.length)
  for (let i = 0; i < value.length; i++) {
    builder.add(value[i], i + 1)
    if ((i & 1023) === 1023) progress.tick(i + 1)
  }
  progress.tick(value.length)
  return { index: builder.index, format: 'json', viewers: builder.finish(progress) }
}

function isJson(text: string): boolean {
  return parseError(text) === undefined
}

function parseError(text: string): unknown {
  try {
    JSON.parse(text)
    return undefined
  } catch (error) {
    return error
  }
}

/**
 * `name:line:column: not valid JSON (…)`. `text` is line `line` of the file, or the whole file
 * when `line` is `undefined`; the column (and the line) come from V8's "at position N".
 */
function notJson(name: string, line: number | undefined, text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const match = / in JSON at position (\d+)(?: \(line \d+ column \d+\))?/.exec(message)
  const where = line === undefined ? name : `${name}:${line}`
  if (match === null) return `${where}: not valid JSON (${message})`
  const before = text.slice(0, Number(match[1]))
  const column = before.length - before.lastIndexOf('\n')
  const at = line === undefined ? `:${before.split('\n').length}:${column}` : `:${column}`
  return `${where}${at}: not valid JSON (${message.replace(match[0], '')})`
}
