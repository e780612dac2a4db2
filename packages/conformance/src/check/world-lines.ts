import type { World } from '../generators/world.js'
import type { UpdateStep } from './update-steps.js'

/**
 * A world as the JSON lines of `Counterexample.world`: one `{"profile": …}` line per profile (in
 * the order of the batch they were added in), then `{"connect": [a, b]}` and
 * `{"join": [member, group]}` lines, then one `{"step": …}` line per update applied after loading.
 */
export function worldLines(world: World, steps: readonly UpdateStep[] = []): string {
  return [
    ...world.profiles.map((profile) => JSON.stringify({ profile })),
    ...world.edges.map((pair) => JSON.stringify({ connect: pair })),
    ...world.memberships.map((pair) => JSON.stringify({ join: pair })),
    ...steps.map((step) => JSON.stringify({ step })),
  ].join('\n')
}
