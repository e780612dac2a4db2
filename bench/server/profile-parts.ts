/**
 * Where a CPU profile of the service spent its time, by part of the stack: Node's HTTP and
 * sockets, the framework, the service's own code, the core's parsing, search and documents, the
 * JSON and XML text, the garbage collector. A sample counts for the innermost frame that names a
 * part; built-ins without a script (JSON.stringify aside) count for their caller.
 */

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

/** The layout of a V8 `.cpuprofile` (what `node --cpu-prof` writes), as far as read here. */
export interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

export interface ProfileSummary {
  parts: { part: string; share: number }[]
  top: { name: string; share: number }[]
}

const FRAMEWORK =
  /\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?(fastify|@fastify|find-my-way|avvio|pino|light-my-request|fast-json-stringify|fast-querystring|fast-decode-uri-component|toad-cache|rfdc|secure-json-parse|process-warning|abstract-logging|safe-regex2|ret|json-schema-ref-resolver)\//

/** The core's modules that read a request (its parameters and selector) before anything is searched. */
const READING =
  /\/packages\/core\/dist\/(query\/(parse-request|read-request|paging-parameters|place-parameters|text-parameters|search-query)|fields\/(parse-selector|schema|selector))\.js/

/** The part a frame names, or undefined for a frame that inherits its caller's. */
function partOf(frame: ProfileNode['callFrame']): string | undefined {
  const { functionName, url } = frame
  if (url === '') {
    if (functionName === '(garbage collector)') return 'garbage collector'
    if (functionName === '(idle)') return 'idle (waiting for requests)'
    if (functionName === '(program)') return 'V8 and native code outside JavaScript'
    if (functionName === 'stringify') return 'JSON text (JSON.stringify)'
    return undefined
  }
  if (/\/packages\/xml\/|\/fast-xml-parser\//.test(url)) return 'XML text (@people-search/xml)'
  if (READING.test(url)) return 'core: reading the request and its selector'
  if (/\/packages\/core\/dist\/(fields\/|result\.js|links\/|access\/)/.test(url))
    return 'core: the result document'
  if (/\/packages\/core\/dist\/store\/network\.js/.test(url)) return "core: the viewer's network (degrees)"
  if (/\/packages\/core\//.test(url)) return 'core: matching, ranking, counting'
  if (/\/packages\/server\//.test(url)) return 'service: routes, credentials, throttles, errors'
  if (FRAMEWORK.test(url)) return 'Fastify (and its dependencies)'
  if (url.startsWith('node:')) return "Node's HTTP, sockets and streams"
  return 'other'
}

export function summariseProfile(profile: CpuProfile, rows = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const time = new Map<number, number>()
  profile.samples.forEach((id, i) => {
    time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
  })
  const parts = new Map<string, number>()
  const self = new Map<string, number>()
  let total = 0
  for (const [id, t] of time) {
    if (t <= 0) continue
    const leaf = byId.get(id) as ProfileNode
    let part: string | undefined
    for (let at: number | undefined = id; at !== undefined && part === undefined; at = parent.get(at)) {
      part = partOf((byId.get(at) as ProfileNode).callFrame)
    }
    total += t
    parts.set(part ?? 'other', (parts.get(part ?? 'other') ?? 0) + t)
    self.set(frameName(leaf), (self.get(frameName(leaf)) ?? 0) + t)
  }
  const shares = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).map(([key, t]) => ({ key, share: total === 0 ? 0 : t / total }))
  return {
    parts: shares(parts).map(({ key, share }) => ({ part: key, share })),
    top: shares(self)
      .slice(0, rows)
      .map(({ key, share }) => ({ name: key, share })),
  }
}

function frameName(node: ProfileNode): string {
  const f = node.callFrame
  const file = f.url
    .replace(/^.*\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '')
    .replace(/^.*\/(packages|bench)\//, '$1/')
  return `${f.functionName || '(anonymous)'}${file === '' ? '' : ` ${file}:${f.lineNumber + 1}`}`
}
