import type { FacetCode } from '@people-search/core'
import fc from 'fast-check'
import {
  ALL_FACETS,
  INVALID_KINDS,
  materialize,
  type RequestPlan,
  requestPlanArb,
  SELECTORS,
} from '../generators/request.js'
import { type WorldOptions, worldArb } from '../generators/world.js'
import { hidingArb, privacyCase, replacementsArb } from './hidden-rewrite.js'
import type { ImplementationFactory } from './implementation.js'
import { inWorld } from './in-world.js'
import { legacyUrl } from './legacy-url.js'
import type { SpecSection } from './report.js'
import { tidyWorld } from './tidy-world.js'
import { existingLinkStep, UPDATE_IDS, type UpdateStep, updateStepArb } from './update-steps.js'
import { worldLines } from './world-lines.js'
import type { RunTally } from './world-session.js'

/** What every section's property is run with. */
export interface SectionSettings {
  factory: ImplementationFactory
  /** Most requests asked per world (per check, for `updates`). */
  requestsPerWorld: number
  /** Most runs spent shrinking a failure (then the smallest failure found so far is reported). */
  shrinkRuns: number
  tally: RunTally
}

/** The rate of invalid requests (one in eight), of every kind, field selectors included (§8). */
const INVALID_RATE = 1 / 8

/** The field selectors that show histograms (docs/spec.md §5.1: without one, no facets are returned). */
const FACET_SELECTORS = SELECTORS.flatMap((s, i) => (s.includes('facets:') ? [i] : []))

/**
 * The profile links of docs/spec.md §6.2, which no generator selector names: one in five
 * `search` requests without a selector asks for them (tokens are compared masked).
 */
const LINK_SELECTOR =
  '(people:(id,distance,public-profile-url,site-standard-profile-request,api-standard-profile-request),num-results)'
const linksArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant(false) },
  { weight: 1, arbitrary: fc.constant(true) },
)

const facetFilterArb = fc.record({
  code: fc.constantFrom<FacetCode>(...ALL_FACETS),
  anchored: fc.boolean(),
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  upper: fc.boolean(),
  pad: fc.boolean(),
})

/**
 * The widest histograms (§4.3): the best-connected viewer, no criteria, the facets with the most
 * values; at the default limit of 10 their bucket lists are cut, which is where a limit shows.
 */
const widePlanArb: fc.Arbitrary<RequestPlan> = fc
  .tuple(requestPlanArb({ invalidRate: 0 }), fc.constantFrom(...FACET_SELECTORS))
  .map(([plan, selector]) => ({
    viewer: plan.viewer,
    anchor: plan.anchor,
    facet: [],
    facets: ['location', 'current-company', 'past-company', 'language'],
    hub: true,
    selector,
    form: plan.form,
    seed: plan.seed,
  }))

/** Valid requests that always ask for histograms and mostly filter on facets (§4). */
const filteredPlanArb: fc.Arbitrary<RequestPlan> = fc
  .tuple(
    requestPlanArb({ invalidRate: 0 }),
    fc.uniqueArray(fc.constantFrom(...ALL_FACETS), { minLength: 1, maxLength: 4 }),
    fc.array(facetFilterArb, { maxLength: 2 }),
    fc.constantFrom(...FACET_SELECTORS),
  )
  .map(([plan, facets, filters, selector]) => ({
    ...plan,
    facets,
    facet: plan.facet.length > 0 ? plan.facet : filters,
    selector,
  }))

const facetPlanArb: fc.Arbitrary<RequestPlan> = fc.oneof(
  { weight: 5, arbitrary: filteredPlanArb },
  { weight: 1, arbitrary: widePlanArb },
)

/** Worlds as the generator makes them, without no-op links (readable counterexamples). */
const worlds = (options?: WorldOptions) => worldArb(options).map(tidyWorld)

const plansArb = <T>(plan: fc.Arbitrary<T>, most: number) =>
  fc.array(plan, { minLength: 1, maxLength: Math.max(1, most) })

/**
 * An update sequence: steps, links the world has undone (`unlink`, resolved when it is reached),
 * and checks (requests to compare) between them.
 */
/**
 * A step, an undoing of a link the world has, some searches, or (`ghost`) a search by both names
 * of a member removed earlier in the sequence: nothing drawn from the current world would ask
 * for it, and it must not be found (docs/spec.md §7).
 */
type UpdateItem = { step: UpdateStep } | { unlink: number } | { check: RequestPlan[] } | { ghost: number }

/** What a section's run came to (the parts of fast-check's `RunDetails` a report needs). */
export interface SectionRun {
  failed: boolean
  /** Worlds checked: up to and including the first failing one. */
  numRuns: number
  /** The thrown `Mismatch` of the smallest failing run (or whatever else it threw). */
  errorInstance: unknown
  /** fast-check's path to replay that run with the same seed. */
  counterexamplePath: string | null
}

/** Checks one section of docs/spec.md (see `SPEC_SECTIONS`) with fast-check; never throws. */
export async function checkSection(
  section: SpecSection,
  settings: SectionSettings,
  parameters: { numRuns: number; seed: number },
): Promise<SectionRun> {
  const { factory, tally, requestsPerWorld: most } = settings
  // After the first failure fast-check runs ever smaller cases; past the budget they pass
  // without running, which ends shrinking at the smallest failure found so far (deterministic).
  const guard = async (run: () => Promise<void>): Promise<void> => {
    if (tally.failed && tally.shrinkRuns++ >= settings.shrinkRuns) return
    try {
      await run()
    } catch (error) {
      tally.failed = true
      throw error
    }
  }
  const anyPlan = requestPlanArb({ invalidRate: INVALID_RATE, invalidKinds: INVALID_KINDS })
  switch (section) {
    case 'search': {
      const plans = plansArb(fc.tuple(anyPlan, linksArb), most)
      const property = fc.asyncProperty(worlds(), plans, (world, ps) =>
        guard(() =>
          inWorld(factory, world, tally, async (session) => {
            for (const [plan, links] of ps) {
              const m = materialize(plan, world)
              const fields = m.fields ?? (links ? LINK_SELECTOR : undefined)
              await session.expectSearch(legacyUrl({ ...m, fields }), m.viewer)
            }
          }),
        ),
      )
      return fc.check(property, parameters)
    }
    case 'facets': {
      const property = fc.asyncProperty(worlds(), plansArb(facetPlanArb, most), (world, ps) =>
        guard(() =>
          inWorld(factory, world, tally, async (session) => {
            for (const plan of ps) {
              const m = materialize(plan, world)
              await session.expectSearch(legacyUrl(m), m.viewer)
            }
          }),
        ),
      )
      return fc.check(property, parameters)
    }
    case 'privacy': {
      const property = fc.asyncProperty(
        worlds(),
        fc.nat(),
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        fc.option(hidingArb, { freq: 3 }),
        replacementsArb,
        plansArb(requestPlanArb({ invalidRate: 0 }), Math.ceil(most / 2)),
        (world, viewerPick, targetPicks, hiding, replacements, ps) =>
          guard(async () => {
            const pair = privacyCase(world, viewerPick, targetPicks, hiding, replacements)
            if (pair === undefined) return
            const urls = ps.map((plan) => legacyUrl(materialize(plan, pair.vocabulary)))
            const answers: unknown[] = []
            await inWorld(factory, pair.before, tally, async (session) => {
              for (const url of urls) answers.push(await session.expectSearch(url, pair.viewer))
            })
            await inWorld(factory, pair.after, tally, async (session) => {
              for (const [i, url] of urls.entries())
                await session.expectSearch(url, pair.viewer, answers[i], worldLines(pair.before))
            })
          }),
      )
      return fc.check(property, parameters)
    }
    case 'updates': {
      const item: fc.Arbitrary<UpdateItem> = fc.oneof(
        { weight: 4, arbitrary: updateStepArb.map((step) => ({ step })) },
        { weight: 1, arbitrary: fc.nat().map((unlink) => ({ unlink })) },
        { weight: 2, arbitrary: plansArb(anyPlan, Math.ceil(most / 3)).map((check) => ({ check })) },
        { weight: 1, arbitrary: fc.nat().map((ghost) => ({ ghost })) },
      )
      const finalCheck = plansArb(anyPlan, most)
      const property = fc.asyncProperty(
        worlds({ maxProfiles: 8, idPool: UPDATE_IDS }),
        fc.array(item, { maxLength: 20 }),
        finalCheck,
        (world, items, last) =>
          guard(() =>
            inWorld(factory, world, tally, async (session) => {
              const removed: { firstName: string; lastName: string }[] = []
              for (const x of [...items, { check: last }]) {
                if ('step' in x) {
                  const gone = 'remove' in x.step ? x.step.remove : undefined
                  const profile = session.current.profiles.find((p) => p.id === gone)
                  await session.update(x.step)
                  if (profile !== undefined && !session.current.profiles.some((p) => p.id === gone))
                    removed.push({ firstName: profile.firstName, lastName: profile.lastName })
                  continue
                }
                if ('ghost' in x) {
                  const ghost = removed[x.ghost % Math.max(1, removed.length)]
                  const viewers = session.current.profiles
                  if (ghost === undefined || viewers.length === 0) continue
                  const query = new URLSearchParams({
                    'first-name': ghost.firstName,
                    'last-name': ghost.lastName,
                  })
                  const viewer = viewers[(x.ghost >>> 4) % viewers.length].id
                  await session.expectSearch(`/v1/people-search?${query}`, viewer)
                  continue
                }
                if ('unlink' in x) {
                  const step = existingLinkStep(session.current, x.unlink)
                  if (step) await session.update(step)
                  continue
                }
                for (const plan of x.check) {
                  const m = materialize(plan, session.current)
                  await session.expectSearch(legacyUrl(m), m.viewer)
                }
              }
            }),
          ),
      )
      return fc.check(property, parameters)
    }
  }
}
