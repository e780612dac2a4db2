/**
 * One benchmark process: `node --expose-gc child.js <engine> <size> <quick|full> <out.json>`,
 * where the engine is `ours` or a peer. It installs the oracle's module hook first, then loads everything else.
 */
import { installHooks } from './hooks.js'

installHooks()
const { session } = await import('./session.js')
await session(process.argv.slice(2))
