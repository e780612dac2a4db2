import { fail, type PeopleIndex, type Profile, validateProfiles } from '@people-search/core'
import type { Write } from './write.js'

/**
 * Refuses a write the index would not take whole, before it is logged (docs/spec.md §9.5), so a
 * batch is all or nothing: invalid profiles (400, core's §1.1 errors naming the record), a
 * member that is not in the index in any pair or remove (404 `unknown-member` naming it, as
 * core's `connect` and `joinGroup` do, docs/spec.md §8 Graph), a group that core's `joinGroup`
 * would refuse (400 `invalid-group`: not a non-empty string). Changes nothing.
 */
export function checkWrite(index: PeopleIndex, write: Write): void {
  switch (write.op) {
    case 'add':
      validateProfiles(write.profiles as unknown[])
      return
    case 'remove':
      member(index, write.id)
      return
    case 'connect':
    case 'disconnect':
      for (const [a, b] of write.pairs) {
        member(index, a)
        member(index, b)
      }
      return
    case 'join':
    case 'leave':
      for (const [id, group] of write.pairs) {
        member(index, id)
        if (group === '') fail('invalid-group', { group })
      }
  }
}

/**
 * Applies a write that `checkWrite` accepted. Replay calls it too, with the index clock at the
 * record's time: the same calls in the same order give the same state.
 */
export function applyWrite(index: PeopleIndex, write: Write): void {
  switch (write.op) {
    case 'add':
      index.add(write.profiles as Profile[])
      return
    case 'remove':
      index.remove(write.id)
      return
    case 'connect':
      index.connectMany(write.pairs)
      return
    case 'disconnect':
      for (const [a, b] of write.pairs) index.disconnect(a, b)
      return
    case 'join':
      for (const [id, group] of write.pairs) index.joinGroup(id, group)
      return
    case 'leave':
      for (const [id, group] of write.pairs) index.leaveGroup(id, group)
  }
}

function member(index: PeopleIndex, id: string): void {
  if (!index.has(id)) fail('unknown-member', { member: id })
}
