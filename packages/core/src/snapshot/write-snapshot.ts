import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type SnapshotRecord } from './format.js'

/**
 * Writes records to `path` through a temporary file that is flushed to disk and then renamed
 * over `path`, so an earlier snapshot survives until the new one is complete.
 */
export async function writeSnapshot(path: string, records: Iterable<SnapshotRecord>): Promise<void> {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`
  const out = createWriteStream(temporary, { encoding: 'utf8' })
  const hash = createHash('sha256')
  let count = 0
  try {
    const write = async (record: SnapshotRecord) => {
      const line = `${JSON.stringify(record)}\n`
      hash.update(line)
      count++
      if (!out.write(line)) await once(out, 'drain')
    }
    await write({ header: { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION } })
    for (const record of records) await write(record)
    out.end(`${JSON.stringify({ end: { records: count, sha256: hash.digest('hex') } })}\n`)
    await once(out, 'finish')
    const handle = await open(temporary, 'r+')
    await handle.sync()
    await handle.close()
    await rename(temporary, path)
  } catch (error) {
    out.destroy()
    await rm(temporary, { force: true })
    throw error
  }
}
