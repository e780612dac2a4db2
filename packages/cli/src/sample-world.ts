import { PeopleIndex, type PeopleIndexOptions, type Profile } from '@people-search/core'
import { sampleEdges, sampleGroups, sampleIds, sampleProfiles } from '@people-search/sample'
import { LoadProgress } from './progress.js'

/**
 * The built-in world: a deterministic sample of `size` members (seed 1) with a graph and groups.
 * `ids[i]` is member i's id. Progress, if given, counts members, then connections.
 */
export function loadSample(
  size: number,
  options: PeopleIndexOptions = {},
  progress: LoadProgress = new LoadProgress(undefined),
): { index: PeopleIndex; ids: string[] } {
  const index = new PeopleIndex(options)
  const ids: string[] = []
  let batch: Profile[] = []
  progress.phase('Sample world: members', size)
  for (const profile of sampleProfiles({ size })) {
    ids.push(profile.id)
    batch.push(profile)
    if ((ids.length & 511) === 0) progress.tick(ids.length)
    if (batch.length === 10_000) {
      index.add(batch)
      batch = []
    }
  }
  index.add(batch)
  const edges = sampleEdges({ size })
  progress.phase('Sample world: connections', edges.length / 2)
  // One bulk call: the lists are laid out once (a second per ~8M edges), so no ticks are needed.
  index.connectMany({ members: ids, pairs: edges })
  progress.tick(edges.length / 2)
  for (const { group, members } of sampleGroups({ size })) {
    for (const member of members) index.joinGroup(ids[member], group)
  }
  progress.finish()
  return { index, ids }
}

/** The members whose ids {@link samplePicks} names, by index: among the best connected of the world. */
const PICKS = [0, 1, 2, 10, 100]

/**
 * A few members of the sample world of `size` to try as viewers: they have many connections, so
 * their searches have a network to find. Cheap: an id is a function of the seed and the member's
 * index alone, so the world need not be built.
 */
export function samplePicks(size: number): string[] {
  const picks = PICKS.filter((i) => i < size)
  const ids = sampleIds({ size: Math.max(...picks) + 1 })
  return picks.map((i) => ids[i])
}
