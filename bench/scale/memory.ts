/** What a process holds, as the operating system and V8 see it, once the garbage is collected. */
import type { MemoryFigures } from '../figures.js'

/**
 * `process.memoryUsage()` after three forced full collections (one may free what the previous one
 * only finalised), and the peak resident set so far. Needs `node --expose-gc`.
 */
export function settledMemory(): MemoryFigures {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc === undefined) throw new Error('run node with --expose-gc to measure memory')
  for (let k = 0; k < 3; k++) gc()
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage()
  // maxRSS is in kilobytes (KiB) on every platform Node runs on.
  return { rss, heapUsed, heapTotal, external, arrayBuffers, peakRss: process.resourceUsage().maxRSS * 1024 }
}
