/**
 * One benchmark process: `node --expose-gc child.js <engine> <size> <quick|full> <out.json>`,
 * where the engine is `ours` or a peer. The session module is loaded only after the arguments are known.
 */

const { session } = await import('./session.js')
await session(process.argv.slice(2))
