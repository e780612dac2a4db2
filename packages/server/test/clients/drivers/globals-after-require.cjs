// Usage: node globals-after-require.cjs <module>. Loads the module the way an application does and
// prints, as one JSON line, the globals it replaced or added: whether a client library can share
// a process with code that needs Node's own globals (the WHATWG `URL`, `fetch`).
const before = new Map(Object.getOwnPropertyNames(globalThis).map((name) => [name, globalThis[name]]))

require(process.argv[2])

const changed = Object.getOwnPropertyNames(globalThis).filter(
  (name) => !before.has(name) || !Object.is(before.get(name), globalThis[name]),
)
process.stdout.write(`${JSON.stringify(changed)}\n`)
