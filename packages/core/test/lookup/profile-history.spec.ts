import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ProfileHistory } from '../../src/lookup/profile-history.js'
import type { OwnedProfile } from '../../src/model/own-profile.js'

const IDS = ['a', 'b', 'c', 'd']
const DATED = '2026-01-02T03:04:05Z'

const profile = (id: string, dated: boolean) =>
  ({ id, firstName: 'F', lastName: 'L', ...(dated ? { updatedAt: DATED } : {}) }) as unknown as OwnedProfile

/** The image's add times as `[id, time]` pairs, in its order. */
const addedOf = (history: ProfileHistory) => {
  const { addedIds, addedTimes } = history.exportImage()
  return addedIds.map((id, i) => [id, addedTimes[i]])
}

const step = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), id: fc.constantFrom(...IDS), dated: fc.boolean() }),
  fc.record({ kind: fc.constant('remove' as const), id: fc.constantFrom(...IDS), dated: fc.constant(false) }),
)

describe('ProfileHistory add times', () => {
  it('equal a Map of id → time, order of the image included, under any adds, replaces and removes', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const history = new ProfileHistory()
        // The model: the Map the history once kept, and which members are current.
        const model = new Map<string, number>()
        const current = new Map<string, OwnedProfile>()
        steps.forEach(({ kind, id, dated }, k) => {
          const now = 1_000_000 + k
          if (kind === 'remove') {
            const gone = current.get(id)
            if (gone === undefined) return
            history.removed(gone)
            current.delete(id)
            model.delete(id)
            return
          }
          const next = profile(id, dated)
          history.replaced(current.get(id), next, now)
          current.set(id, next)
          if (dated) model.delete(id)
          else model.set(id, now)
        })
        for (const id of IDS) expect(history.addedAtOf(id), id).toBe(model.get(id))
        expect(addedOf(history)).toEqual([...model])
        // An image read back holds the same times in the same order.
        const copy = new ProfileHistory()
        copy.importImage(history.exportImage(), () => true)
        expect(addedOf(copy)).toEqual([...model])
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    )
  })
})
