// Times a world of the given size (default 1,000,000) and reports heap and RSS.
// Build first: `npx tsc -b packages/core packages/sample`, then
// `node --expose-gc packages/sample/scripts/measure.mjs 1000000`.
import { sampleEdges, sampleGroups, sampleIds, sampleProfiles } from '../dist/index.js'

const size = Number(process.argv[2] ?? 1_000_000)
const seed = Number(process.argv[3] ?? 1)
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`
let peakHeap = 0
const sample = () => {
  const { heapUsed, arrayBuffers } = process.memoryUsage()
  peakHeap = Math.max(peakHeap, heapUsed + arrayBuffers)
}
const step = (name, run) => {
  const t = performance.now()
  const result = run()
  sample()
  const ms = performance.now() - t
  console.log(
    `${name.padEnd(10)} ${(ms / 1000).toFixed(2).padStart(7)} s   heap+buffers now ${mb(process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers)}`,
  )
  return { result, ms }
}

const start = performance.now()
const profiles = step('profiles', () => {
  let count = 0
  let positions = 0
  for (const profile of sampleProfiles({ size, seed })) {
    count++
    positions += profile.positions?.length ?? 0
    if ((count & 0xffff) === 0) sample()
  }
  return { count, positions }
})
const edges = step('edges', () => sampleEdges({ size, seed }))
const groups = step('groups', () => sampleGroups({ size, seed }))
const ids = step('ids', () => sampleIds({ size, seed }))
const total = (performance.now() - start) / 1000
const degree = new Uint32Array(size)
for (const v of edges.result) degree[v]++
let max = 0
for (const d of degree) max = Math.max(max, d)
console.log(
  `size ${size}: ${profiles.result.count} profiles (${profiles.result.positions} positions), ${edges.result.length / 2} edges ` +
    `(mean degree ${(edges.result.length / size).toFixed(1)}, max ${max}), ${groups.result.length} groups, ${ids.result.length} ids`,
)
console.log(
  `total ${total.toFixed(1)} s; peak heap+buffers ${mb(peakHeap)}; max RSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
)
