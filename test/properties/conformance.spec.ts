import {
  checkConformance,
  type Implementation,
  type ImplementationOptions,
  type Report,
  SPEC_SECTIONS,
} from '@people-search/conformance'
import { PeopleIndex } from '@people-search/core'
import { describe, expect, it } from 'vitest'
import { RUNS } from './helpers.js'

/** Worlds per section: 30 by default (each asks up to 8 requests), FC_RUNS=2000 gives 600. */
const WORLDS = Math.max(5, Math.round(RUNS * 0.3))
const TIMEOUT = Math.max(60_000, WORLDS * 2_000)

/** Our index as the kit's `Implementation` (docs/spec.md §1.2, §5.4, §7): each verb as it is. */
function adapt(index: PeopleIndex): Implementation {
  return {
    add: (profiles) => index.add(profiles),
    remove: (id) => index.remove(id),
    connect: (a, b) => index.connect(a, b),
    disconnect: (a, b) => index.disconnect(a, b),
    joinGroup: (member, group) => index.joinGroup(member, group),
    leaveGroup: (member, group) => index.leaveGroup(member, group),
    search: (url, { viewer }) => index.search(url, viewer === undefined ? {} : { viewer }),
  }
}

const ourIndex = (options: ImplementationOptions) => adapt(new PeopleIndex(options))

/** The report's counterexample, readable in an assertion message. */
const why = (report: Report) => JSON.stringify(report.failure, null, 1)

describe('checkConformance on our own index (issue 13)', () => {
  for (const section of SPEC_SECTIONS) {
    it(
      `conforms: ${section}`,
      async () => {
        const report = await checkConformance(ourIndex, { numRuns: WORLDS, seed: 1, sections: [section] })
        expect(report.ok, why(report)).toBe(true)
        expect(report.sections).toEqual([{ section, ok: true, runs: WORLDS, searches: expect.any(Number) }])
        expect(report.sections[0].searches).toBeGreaterThan(0)
      },
      TIMEOUT,
    )
  }
})

/** A page without its last person (docs/spec.md §3.5): the bug the kit must be seen to catch. */
function dropLastOfPage(implementation: Implementation): Implementation {
  return {
    ...implementation,
    search: (url, options) => {
      const document = implementation.search(url, options) as { people?: { values?: unknown[] } }
      document.people?.values?.pop()
      return document
    },
  }
}

/** Every verb answering through a promise, as a service adapter would. */
function later(implementation: Implementation): Implementation {
  const entries = Object.entries(implementation) as [keyof Implementation, (...args: unknown[]) => unknown][]
  return Object.fromEntries(
    entries.map(([verb, call]) => [verb, async (...args: unknown[]) => call(...args)]),
  ) as unknown as Implementation
}

describe('checkConformance reports what differs, and never throws', () => {
  it('a page missing its last person: ok false, shrunk, with the path of the difference', async () => {
    const report = await checkConformance((options) => dropLastOfPage(ourIndex(options)), {
      numRuns: 50,
      seed: 1,
      sections: ['search'],
    })
    expect(report.ok).toBe(false)
    expect(report.sections[0]).toMatchObject({ section: 'search', ok: false })
    const failure = report.failure
    if (!failure) throw new Error('no counterexample')
    expect(failure.path).toMatch(/^people\.values\[\d+\]$/)
    expect(failure.request).toMatch(/^\/v1\/people-search/)
    expect(failure.seed).toBe(1)
    expect(failure.replayPath).not.toBe('')
    expect(report.sections[0].failure).toEqual(failure)
    // The counterexample replays: its world lines rebuild a world on which the two answers differ.
    const lines = failure.world.split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines.every((line) => ['profile', 'connect', 'join'].includes(Object.keys(line)[0]))).toBe(true)
    expect(failure.actual).not.toEqual(failure.expected)
    expect(JSON.parse(failure.options)).toMatchObject({
      now: '2026-06-15T00:00:00.000Z',
      facetBucketLimit: expect.any(Number),
    })
  })

  it('awaits verbs that answer through promises', async () => {
    const report = await checkConformance((options) => later(ourIndex(options)), { numRuns: 5, seed: 2 })
    expect(report.ok, why(report)).toBe(true)
  })

  it('a search that throws without a status is a crash in the report, not a crash of the kit', async () => {
    const crashing = (options: ImplementationOptions): Implementation => ({
      ...ourIndex(options),
      search: () => {
        throw new TypeError('boom')
      },
    })
    const report = await checkConformance(crashing, { numRuns: 5, seed: 3, sections: ['search'] })
    expect(report.ok).toBe(false)
    expect(report.failure?.actual).toEqual({ crash: 'TypeError: boom' })
  })

  it('closes every implementation it made, once, failing or not', async () => {
    let open = 0
    let closes = 0
    const counted = (options: ImplementationOptions): Implementation => {
      open++
      return { ...dropLastOfPage(ourIndex(options)), close: () => void closes++ }
    }
    await checkConformance(counted, { numRuns: 5, seed: 4, sections: ['search', 'privacy'] })
    expect(open).toBeGreaterThan(0)
    expect(closes).toBe(open)
  })
})

describe('checkConformance and what a caller hands it', () => {
  it('refuses options that are not valid with a 400 invalid-argument', async () => {
    for (const options of [{ numRuns: 0 }, { numRuns: 1.5 }, { seed: Number.NaN }, { sections: ['nope'] }]) {
      await expect(
        checkConformance(ourIndex, options as never),
        JSON.stringify(options),
      ).rejects.toMatchObject({
        code: 'invalid-argument',
        status: 400,
      })
    }
  })

  it('reports a factory that throws, a document that is not JSON and a hostile throw, without crashing', async () => {
    const circular = (options: ImplementationOptions): Implementation => ({
      ...ourIndex(options),
      search: () => {
        const document: Record<string, unknown> = {}
        document.self = document
        return document
      },
    })
    const hostile = (options: ImplementationOptions): Implementation => ({
      ...ourIndex(options),
      search: () => {
        throw new Proxy(
          {},
          {
            get: () => {
              throw new Error('trap')
            },
          },
        )
      },
    })
    const factories: [string, (options: ImplementationOptions) => Implementation, RegExp][] = [
      [
        'factory',
        () => {
          throw new Error('no service')
        },
        /no service/,
      ],
      ['circular', circular, /not JSON/],
      ['hostile', hostile, /cannot be read/],
    ]
    for (const [name, factory, crash] of factories) {
      const report = await checkConformance(factory, { numRuns: 3, seed: 5, sections: ['search'] })
      expect(report.ok, name).toBe(false)
      expect(report.failure?.actual, name).toEqual({ crash: expect.stringMatching(crash) })
    }
  })
})
