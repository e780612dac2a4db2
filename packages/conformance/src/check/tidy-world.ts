import type { World } from '../generators/world.js'

/**
 * `world` without the links that change nothing: a member connected to itself, an edge or a
 * membership given twice (docs/spec.md §1.2; the `updates` section still sends those as steps).
 * The generator draws at least 20 edges in most worlds, which shrinking cannot go below, so
 * without this a small counterexample would still list many `{"connect": [x, x]}` lines.
 */
export function tidyWorld(world: World): World {
  const seen = new Set<string>()
  const once = (key: string) => !seen.has(key) && Boolean(seen.add(key))
  const edges = world.edges.filter(([a, b]) => a !== b && once(JSON.stringify(a < b ? [a, b] : [b, a])))
  const memberships = world.memberships.filter((pair) => once(JSON.stringify(['join', ...pair])))
  return { ...world, edges, memberships }
}
