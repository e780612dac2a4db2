/**
 * Where the time goes: CPU profiles of our build and of chosen query classes, one
 * `.cpuprofile` per phase (the format of `node --cpu-prof`, readable in Chrome DevTools), and a
 * summary of the functions with the most self and inclusive time (the profiler's own work left
 * out).
 *
 * `node --expose-gc --max-old-space-size=16000 bench/dist/bench/profile.js <size> [q3,q4,…]`
 * writes `bench/dist/profiles/<phase>-<size>.cpuprofile`. Unlike `--cpu-prof`, which covers the
 * whole process, each phase is profiled alone, so generating the world does not drown the build.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { fileURLToPath } from 'node:url'

const { makeCorpus } = await import('./corpus.js')
const { QUERY_SCENARIOS } = await import('./scenarios.js')
const { buildOurs } = await import('./scenarios/build.js')
const { vocabulary, worldFor } = await import('./workload.js')

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const size = Number(process.argv[2] ?? 100_000)
const classes = (process.argv[3] ?? 'q3,q4').split(',')
const out = fileURLToPath(new URL('../profiles/', import.meta.url))
mkdirSync(out, { recursive: true })

const session = new Session()
session.connect()
await session.post('Profiler.enable')
await session.post('Profiler.setSamplingInterval', { interval: 500 })

const profiled = async <T>(phase: string, work: () => T): Promise<T> => {
  await session.post('Profiler.start')
  const result = work()
  const { profile } = (await session.post('Profiler.stop')) as { profile: Profile }
  writeFileSync(`${out}${phase}-${size}.cpuprofile`, JSON.stringify(profile))
  console.log(`\n## ${phase} at ${size}\n`)
  console.log(summary(profile))
  return result
}

const corpus = makeCorpus(size)
const words = vocabulary(corpus)
const { index, figures } = await profiled('build', () => buildOurs(corpus))
console.log(
  `build ${(figures.totalMs / 1000).toFixed(1)} s (add ${(figures.addMs / 1000).toFixed(1)} s, graph ` +
    `${(figures.graphMs / 1000).toFixed(1)} s) under the profiler`,
)
for (const scenario of QUERY_SCENARIOS.filter((s) => classes.includes(s.id))) {
  const cases = scenario.cases(worldFor(corpus, words, scenario.id))
  const run = (k: number) =>
    index.searchAnswer(cases[k % cases.length].request, { viewer: cases[k % cases.length].viewer })
  for (let k = 0; k < cases.length; k++) run(k)
  const searches = await profiled(scenario.id, () => {
    const start = performance.now()
    let k = 0
    while (performance.now() - start < 3000) run(k++)
    return k
  })
  console.log(`${searches} searches in 3 s under the profiler`)
}

/** The top functions by self time and by inclusive time, as percentages of the samples. */
function summary(profile: Profile, rows = 12): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const time = new Map<number, number>()
  profile.samples.forEach((id, i) => {
    time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
  })
  const name = (n: ProfileNode) => {
    const f = n.callFrame
    const file = f.url.replace(/^.*\/(packages|bench|test)\//, '$1/')
    return `${f.functionName || '(anonymous)'} ${file}${file === '' ? '' : `:${f.lineNumber + 1}`}`
  }
  const self = new Map<string, number>()
  const inclusive = new Map<string, number>()
  let total = 0
  // The profiler's own work (serialising the profile inside `session.post`) is left out.
  const profilerOwn = (id: number) => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = (byId.get(at) as ProfileNode).callFrame
      if (f.url === 'node:inspector' || (f.functionName === 'dispatch' && f.url === '')) return true
    }
    return false
  }
  for (const n of profile.nodes) {
    const t = time.get(n.id) ?? 0
    if (t === 0 || profilerOwn(n.id)) continue
    total += t
    self.set(name(n), (self.get(name(n)) ?? 0) + t)
    const seen = new Set<string>()
    for (let at: number | undefined = n.id; at !== undefined; at = parent.get(at)) {
      const key = name(byId.get(at) as ProfileNode)
      if (seen.has(key)) continue
      seen.add(key)
      inclusive.set(key, (inclusive.get(key) ?? 0) + t)
    }
  }
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, rows)
      .map(([key, t]) => `| ${((100 * t) / total).toFixed(1)}% | \`${key}\` |`)
  return [
    '| self | function |',
    '| ---: | --- |',
    ...top(self),
    '',
    '| inclusive | function |',
    '| ---: | --- |',
    ...top(inclusive).slice(0, rows + 4),
  ].join('\n')
}
