import type { World } from '../generators/world.js'
import type { ImplementationFactory } from './implementation.js'
import { type RunTally, WorldSession } from './world-session.js'

/**
 * Runs `body` on `world` loaded into a fresh implementation and oracle, and always closes the
 * implementation afterwards, even when loading or `body` found a difference (which is rethrown;
 * a failing `close()` is the difference only when nothing else was).
 */
export async function inWorld(
  factory: ImplementationFactory,
  world: World,
  tally: RunTally,
  body: (session: WorldSession) => Promise<void>,
): Promise<void> {
  const session = await WorldSession.create(factory, world, tally)
  let failure: { error: unknown } | undefined
  try {
    await session.load()
    await body(session)
  } catch (error) {
    failure = { error }
  }
  try {
    await session.close()
  } catch (error) {
    failure ??= { error }
  }
  if (failure) throw failure.error
}
