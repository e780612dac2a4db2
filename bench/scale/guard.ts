/**
 * Keeping a scale row from taking the machine down: before it starts, a refusal when the machine
 * has too little memory (or disk for the snapshot) for the size asked; while a process runs, a
 * watchdog that kills it once the machine's available memory falls below a floor, instead of
 * letting it swap, or the kernel's out-of-memory killer pick a victim.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, statfsSync } from 'node:fs'
import { freemem, totalmem } from 'node:os'
import type { ScaleFigures } from '../figures.js'
import { bytes, sizeLabel } from '../format.js'

const MiB = 2 ** 20
const GiB = 2 ** 30

/** What a member may take in all (issue 14's target), and what comes on top of the members. */
const BYTES_PER_MEMBER = 2048
const OVERHEAD = 2 * GiB
/** The snapshot's disk budget per member: twice the memory target, for a format not yet fixed. */
const SNAPSHOT_BYTES_PER_MEMBER = 4096
/** Below this much available memory the watchdog stops the process. */
export const FLOOR = GiB
const POLL_MS = 100

/**
 * `--max-old-space-size` of every process of a row, MiB: the machine's memory but 4 GiB for
 * what lives outside the V8 heap (typed arrays, Node itself, the system), so that a heap that
 * outgrows the machine ends in V8's own out-of-memory error. On a 24 GiB machine, about 20 GiB.
 */
export function heapLimitMb(): number {
  return Math.max(4096, Math.floor(totalmem() / MiB) - 4096)
}

/** Memory a row of `size` members may expect to need: the target per member, plus the overhead. */
export function requiredBytes(size: number): number {
  return size * BYTES_PER_MEMBER + OVERHEAD
}

/** 21.1 GiB; below a GiB, in MiB. */
export function gib(bytes: number): string {
  return bytes < GiB ? `${Math.round(bytes / MiB)} MiB` : `${(bytes / GiB).toFixed(1)} GiB`
}

/** Why a row of `size` members cannot run on this machine now, or undefined when it can. */
export function refusal(size: number, snapshotDir: string): string | undefined {
  const need = requiredBytes(size)
  const why =
    `a row of ${size.toLocaleString('en-US')} members needs about ${gib(need)} of memory ` +
    `(${BYTES_PER_MEMBER.toLocaleString('en-US')} bytes per member, the target, plus ${gib(OVERHEAD)} for Node and ` +
    'the corpus the build is given)'
  if (totalmem() < need)
    return `${why}, but this machine has ${gib(totalmem())} in all: run a smaller --size here, or use a machine with more memory`
  if (freemem() < need)
    return (
      `${why}, but only ${gib(freemem())} of this machine's ${gib(totalmem())} are available now: ` +
      'stop what else is running and try again'
    )
  mkdirSync(snapshotDir, { recursive: true })
  const { bavail, bsize } = statfsSync(snapshotDir)
  const disk = size * SNAPSHOT_BYTES_PER_MEMBER + GiB
  if (bavail * bsize < disk)
    return `the snapshot may need up to ${gib(disk)} of disk, but ${snapshotDir} has ${gib(bavail * bsize)} free: give --snapshot-dir elsewhere`
  return undefined
}

/**
 * Why FlexSearch should not be started at `size`: when an earlier row of at least 100k members
 * shows that its index alone would outgrow the memory available now (what it held there beyond
 * its empty process, after collection, per member, times `size`; its index lives on the heap
 * and grows about linearly). Only a sure miss: anything closer is left to V8 and the watchdog.
 */
export function flexsearchWontFit(size: number, rows: readonly ScaleFigures[]): string | undefined {
  const [known] = rows
    .filter((r) => r.size >= 100_000 && r.size < size && r.flexsearch !== undefined)
    .sort((a, b) => b.size - a.size)
  if (known?.flexsearch === undefined) return undefined
  const { memory, empty } = known.flexsearch
  const perMember = Math.max(0, memory.rss - empty.rss) / known.size
  const need = perMember * size
  const room = freemem() - FLOOR
  if (need <= room) return undefined
  return (
    `not run: it would not fit. At ${sizeLabel(known.size)} (the row of ${known.date.slice(0, 10)}) its index held ` +
    `${bytes(perMember)} per member, so at ${sizeLabel(size)} it would hold about ${gib(need)}, and the machine had ` +
    `${gib(room)} to spare`
  )
}

export interface Outcome {
  ok: boolean
  /** Why it gave no figures, when it did not. */
  why?: string
}

/**
 * Runs `node <args>` with the watchdog (which stops it once the machine has less than `floor`
 * bytes available), its output passed through. Resolves when it ends: ok when it exited with 0,
 * otherwise why not.
 */
export function runGuarded(args: readonly string[], floor = FLOOR): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] })
    let stopped: string | undefined
    let peak = 0
    const watch = setInterval(() => {
      peak = Math.max(peak, residentPeak(child.pid))
      const available = freemem()
      if (stopped === undefined && available < floor) {
        stopped =
          `stopped by the memory guard when the machine had ${gib(available)} available ` +
          `(the floor is ${gib(floor)})`
        child.kill('SIGKILL')
      }
    }, POLL_MS)
    child.on('error', (error) => {
      clearInterval(watch)
      resolve({ ok: false, why: `its process could not start (${error.message})` })
    })
    child.on('exit', (code, signal) => {
      clearInterval(watch)
      const at = peak > 0 ? `; its peak RSS was ${gib(peak)}` : ''
      if (stopped !== undefined) resolve({ ok: false, why: `${stopped}${at}` })
      else if (code === 0) resolve({ ok: true })
      else if (signal === 'SIGABRT')
        resolve({
          ok: false,
          why: `its process aborted (V8 does so when its heap reaches --max-old-space-size)${at}`,
        })
      else if (signal === 'SIGKILL')
        resolve({
          ok: false,
          why: `its process was killed (SIGKILL: most likely the kernel's out-of-memory killer)${at}`,
        })
      else resolve({ ok: false, why: `its process failed (${signal ?? `exit ${code}`})${at}` })
    })
  })
}

/** The peak resident set of a process, bytes (`VmHWM`; 0 where /proc is not there). */
function residentPeak(pid: number | undefined): number {
  if (pid === undefined) return 0
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]
    return kb === undefined ? 0 : Number(kb) * 1024
  } catch {
    return 0
  }
}
