import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PeopleIndex, PeopleSearchError } from '../../src/index.js'
import { smallWorld } from './snapshot-kit.js'

const RUNS = Number(process.env.FC_RUNS ?? 200)
const now = () => new Date('2026-06-15T00:00:00Z')

/** How loading the file ends: 'loaded', or the code of the badSnapshot error; anything else fails the test. */
async function loadOutcome(path: string): Promise<string> {
  try {
    await PeopleIndex.load(path, { now })
    return 'loaded'
  } catch (error) {
    if (error instanceof PeopleSearchError && error.kind === 'badSnapshot') return error.code
    throw error
  }
}

describe('a damaged version 3 snapshot is refused, never loaded and never a crash (docs/spec.md §7)', () => {
  let dir: string
  let good: Buffer
  let run = 0
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'people-search-corrupt-'))
    await smallWorld().save(join(dir, 'good'))
    good = await readFile(join(dir, 'good'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('the intact file loads', async () => {
    expect(await loadOutcome(join(dir, 'good'))).toBe('loaded')
  })

  it('any byte changed to any other value is refused with a badSnapshot error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(good.length - 1), fc.integer({ min: 1, max: 255 }), async (at, flip) => {
        const bad = Buffer.from(good)
        bad[at] ^= flip
        const path = join(dir, `flip-${run++}`)
        await writeFile(path, bad)
        expect(await loadOutcome(path), `byte ${at} ^ ${flip}`).not.toBe('loaded')
        await rm(path)
      }),
      { numRuns: RUNS },
    )
  })

  it('the file cut at any length, or with anything after it, is refused with a badSnapshot error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.nat(good.length - 1), fc.constantFrom(0, 1, 58, 59, 60, 75, good.length - 1)),
        fc.uint8Array({ maxLength: 3 }),
        async (length, tail) => {
          const path = join(dir, `cut-${run++}`)
          await writeFile(path, good.subarray(0, length))
          expect(await loadOutcome(path), `cut to ${length}`).not.toBe('loaded')
          if (tail.length > 0) {
            await writeFile(path, Buffer.concat([good, tail]))
            expect(await loadOutcome(path), `${tail.length} bytes more`).toBe('snapshot-image-size')
          }
          await rm(path)
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('every single byte of a small snapshot is covered: each flipped in turn is refused (FC_RUNS ≥ 1000)', async () => {
    if (RUNS < 1000) return
    for (let at = 0; at < good.length; at++) {
      const bad = Buffer.from(good)
      bad[at] ^= 0x5a
      const path = join(dir, 'each')
      await writeFile(path, bad)
      expect(await loadOutcome(path), `byte ${at}`).not.toBe('loaded')
    }
  })
})
