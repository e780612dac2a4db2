import { link, open, readFile, rename, rm } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { fail } from '@people-search/core'
import { LOCK_FILE, syncDirectory, temporaryName } from './state-files.js'

/** Directories this process holds the lock of: a second open in one process is refused too. */
const held = new Set<string>()

/** How often a lock that vanished or was taken over under our hands is tried again. */
const ATTEMPTS = 5

interface Owner {
  pid: number
  host: string
}

/**
 * The one owner of a state directory (docs/spec.md §9.5): the file `lock`, holding the owner's
 * pid and host, created atomically with its content (written to a temporary file, then linked
 * into place: a link fails if the lock exists, and a reader never sees a lock without its pid).
 * A lock whose process is gone (a crashed or killed server) is taken over: it is renamed aside
 * (one process wins the rename), checked to still be the stale one, and removed. A lock of a
 * live process, of another host (whose processes cannot be checked) or that cannot be read is
 * refused with `state-locked`. Pids are those of this host's pid namespace: a directory shared by
 * two containers with the same host name is not protected.
 */
export class StateLock {
  private constructor(
    private readonly dir: string,
    private readonly owner: Owner,
  ) {}

  static async acquire(dir: string): Promise<StateLock> {
    if (held.has(dir)) fail('state-locked', { dir, owner: 'this process' })
    // Taken before the first await: two opens in one process cannot tell their pids apart.
    held.add(dir)
    try {
      return new StateLock(dir, await acquire(dir))
    } catch (error) {
      held.delete(dir)
      throw error
    }
  }

  /** Removes the lock, if it is still ours. */
  async release(): Promise<void> {
    held.delete(this.dir)
    const path = join(this.dir, LOCK_FILE)
    const owner = await readOwner(path)
    if (typeof owner === 'object' && owner.pid === this.owner.pid && owner.host === this.owner.host) {
      await rm(path, { force: true })
      await syncDirectory(this.dir)
    }
  }
}

/** Takes the lock of `dir` for this process; the owner it now names. */
async function acquire(dir: string): Promise<Owner> {
  const me: Owner = { pid: process.pid, host: hostname() }
  const path = join(dir, LOCK_FILE)
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (await createLock(dir, path, me)) return me
    const owner = await readOwner(path)
    if (owner === 'gone') continue
    if (owner === undefined)
      fail('state-locked', { dir, owner: `an unknown process (${path} cannot be read: remove it if none)` })
    if (owner.host !== me.host) fail('state-locked', { dir, owner: describe(owner) })
    // Our own pid in a lock we do not hold: left by an earlier process that had our pid.
    if (owner.pid !== me.pid && isAlive(owner.pid)) fail('state-locked', { dir, owner: describe(owner) })
    await takeOver(dir, path, owner)
  }
  return fail('state-locked', { dir, owner: 'other processes starting at the same time' })
}

/** Creates the lock holding `me`; false when there is one already (or another owner is clearing the directory). */
async function createLock(dir: string, path: string, me: Owner): Promise<boolean> {
  const temporary = join(dir, temporaryName(LOCK_FILE))
  try {
    const handle = await open(temporary, 'wx', 0o600)
    try {
      await handle.writeFile(`${JSON.stringify(me)}\n`)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await link(temporary, path)
    await syncDirectory(dir)
    return true
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code
    // ENOENT: our temporary file was removed under us, by the owner that just opened the
    // directory and cleared its leftovers; the caller then reads that owner.
    if (code === 'EEXIST' || code === 'ENOENT') return false
    throw error
  } finally {
    await rm(temporary, { force: true })
  }
}

/** Removes the stale lock of `stale`, unless another process has replaced it meanwhile. */
async function takeOver(dir: string, path: string, stale: Owner): Promise<void> {
  const aside = join(dir, temporaryName(LOCK_FILE, 'stale'))
  try {
    await rename(path, aside)
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code === 'ENOENT') return
    throw error
  }
  const moved = await readOwner(aside)
  if (typeof moved === 'object' && moved.pid === stale.pid && moved.host === stale.host) {
    await rm(aside, { force: true })
    return
  }
  // The lock of a process that took the stale one over just before us: put it back.
  await link(aside, path).catch(() => {})
  await rm(aside, { force: true })
  fail('state-locked', { dir, owner: typeof moved === 'object' ? describe(moved) : 'another process' })
}

/** The owner a lock file names; `undefined` if it names none, `'gone'` if there is no file. */
async function readOwner(path: string): Promise<Owner | undefined | 'gone'> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code === 'ENOENT') return 'gone'
    return undefined
  }
  try {
    const { pid, host } = JSON.parse(text) as Partial<Owner>
    return Number.isSafeInteger(pid) && (pid as number) > 0 && typeof host === 'string'
      ? { pid: pid as number, host }
      : undefined
  } catch {
    return undefined
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException)?.code !== 'ESRCH'
  }
}

function describe(owner: Owner): string {
  return owner.host === hostname() ? `process ${owner.pid}` : `process ${owner.pid} on host ${owner.host}`
}
