import type { ProfileHistory } from '../lookup/profile-history.js'
import type { ProfileVersion } from '../lookup/versions.js'
import type { Profile } from '../model/profile.js'
import type { IndexStore } from '../store/store.js'
import type { SnapshotRecord } from './format.js'

/**
 * The records of a snapshot of the index as it is now (docs/spec.md §7: one point in time),
 * taken synchronously, so that whatever changes after the call (an add, a replace, a remove, a
 * connect) while the snapshot is written is not in it. Profiles and earlier versions are taken
 * by reference: the index never changes a profile it stores (a replace stores a new one), so a
 * reference is a copy. Everything that does change in place is copied now: the list of current
 * profiles, add times, each member's list of earlier versions (pruning shortens it), edges,
 * memberships and incarnations. Lines are made only as the records are written.
 */
export function captureSnapshot(
  store: IndexStore,
  history: ProfileHistory,
  incarnations: Iterable<readonly [string, number]>,
): Iterable<SnapshotRecord> {
  const { profiles, ids, graph, slotCount } = store
  const current: Profile[] = []
  const added: [string, number][] = []
  const versions: ProfileVersion[] = []
  const edges: [string, string][] = []
  const members: [string, string][] = []
  for (let slot = 0; slot < slotCount; slot++) {
    const profile = profiles.get(slot)
    if (profile === undefined) continue
    current.push(profile)
    const id = ids.idOf(slot)
    const time = history.addedAtOf(id)
    if (time !== undefined) added.push([id, time])
    for (const version of history.versionsOf(id)) versions.push(version)
    for (const other of graph.neighboursOf(slot)) if (other > slot) edges.push([id, ids.idOf(other)])
    for (const group of graph.groupsOfMember(slot)) members.push([id, group])
  }
  const removed: [string, number][] = []
  for (const [id, count] of incarnations) removed.push([id, count])
  return records(current, added, versions, edges, members, removed)
}

function* records(
  current: readonly Profile[],
  added: readonly [string, number][],
  versions: readonly ProfileVersion[],
  edges: readonly [string, string][],
  members: readonly [string, string][],
  incarnations: readonly [string, number][],
): Generator<SnapshotRecord> {
  for (const profile of current) yield { profile }
  for (const entry of added) yield { added: entry }
  for (const { time, profile } of versions) yield { version: { time, profile } }
  for (const edge of edges) yield { edge }
  for (const member of members) yield { member }
  for (const incarnation of incarnations) yield { incarnation }
}
