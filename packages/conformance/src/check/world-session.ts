import type { World } from '../generators/world.js'
import { Oracle } from '../oracle/oracle.js'
import { firstDifference } from './first-difference.js'
import type { Implementation, ImplementationFactory, ImplementationOptions } from './implementation.js'
import { optionsFor, optionsJson } from './implementation-options.js'
import { Mismatch } from './mismatch.js'
import { type Outcome, settle } from './outcome.js'
import { redactLinks } from './redact-links.js'
import { applyStep, applyToWorld, describeStep, type UpdateStep } from './update-steps.js'
import { worldLines } from './world-lines.js'

/**
 * A section's tally: searches compared up to its first failure (shrinking is not counted),
 * whether a run has failed, and how many runs fast-check has shrunk with since.
 */
export interface RunTally {
  searches: number
  failed: boolean
  shrinkRuns: number
}

/**
 * One world loaded into a fresh implementation and a fresh oracle, given the same options.
 * Every verb and search goes to both and must come to the same thing; the first difference
 * throws a {@link Mismatch} carrying the world so far (as JSON lines), the options, what was
 * asked and both answers. `current` is the world's plain state, for drawing requests from.
 */
export class WorldSession {
  readonly steps: UpdateStep[] = []
  readonly current: World

  private constructor(
    private readonly implementation: Implementation,
    private readonly oracle: Oracle,
    private readonly options: ImplementationOptions,
    private readonly world: World,
    private readonly tally: RunTally,
  ) {
    this.current = { ...structuredClone(world), profiles: [], edges: [], memberships: [] }
  }

  /** Makes both sides for `world`, empty. */
  static async create(factory: ImplementationFactory, world: World, tally: RunTally): Promise<WorldSession> {
    const options = optionsFor(world)
    const made = await settle(() => factory(optionsFor(world)))
    if (!('value' in made) || typeof made.value !== 'object' || made.value === null) {
      const actual = 'value' in made ? { crash: 'the factory returned no implementation' } : made
      throw new Mismatch({
        world: worldLines(world),
        options: optionsJson(options),
        request: '(factory)',
        viewer: undefined,
        expected: { ok: true },
        actual,
        path: firstDifference({ ok: true }, actual),
      })
    }
    return new WorldSession(made.value as Implementation, new Oracle(options), options, world, tally)
  }

  /** Loads the world into both: the profiles as one batch, then the edges, then the group memberships. */
  async load(): Promise<void> {
    await this.update({ add: this.world.profiles }, false)
    for (const pair of this.world.edges) await this.update({ connect: pair }, false)
    for (const pair of this.world.memberships) await this.update({ join: pair }, false)
  }

  /**
   * Applies `step` to both sides and compares how it went (done, or the same status). `logged`:
   * a step after loading, which the counterexample lists as a `{"step": …}` line.
   */
  async update(step: UpdateStep, logged = true): Promise<void> {
    if (logged) this.steps.push(step)
    const expected = shownUpdate(await settle(() => applyStep(this.oracle, step)))
    const actual = shownUpdate(await settle(() => applyStep(this.implementation, step)))
    this.expectEqual(describeStep(step), undefined, expected, actual)
    if ('ok' in expected) applyToWorld(this.current, step)
  }

  /** What the oracle answers `url` for `viewer`, as compared: the §5.4 document or `{ status }`. */
  async expected(url: string, viewer: string | undefined): Promise<unknown> {
    return shownDocument(await settle(() => this.oracle.search(url, viewer === undefined ? {} : { viewer })))
  }

  /**
   * Asks the implementation `url` for `viewer`; its answer must equal `expected` (default: the
   * oracle's). `original`: the world this answer must not differ from (privacy). Returns it.
   */
  async expectSearch(
    url: string,
    viewer: string | undefined,
    expected?: unknown,
    original?: string,
  ): Promise<unknown> {
    const wanted = expected === undefined ? await this.expected(url, viewer) : expected
    const actual = shownDocument(await settle(() => this.implementation.search(url, { viewer })))
    if (!this.tally.failed) this.tally.searches++
    this.expectEqual(url, viewer, wanted, actual, original)
    return actual
  }

  /** Lets the implementation go (`close()`), which must not fail either. */
  async close(): Promise<void> {
    const closed = await settle(() => this.implementation.close?.())
    this.expectEqual('(close)', undefined, { ok: true }, shownUpdate(closed))
  }

  private expectEqual(
    request: string,
    viewer: string | undefined,
    expected: unknown,
    actual: unknown,
    original?: string,
  ): void {
    const path = firstDifference(expected, actual)
    if (path === '') return
    throw new Mismatch({
      world: worldLines(this.world, this.steps),
      ...(original === undefined ? {} : { original }),
      options: optionsJson(this.options),
      request,
      viewer,
      expected,
      actual,
      path,
    })
  }
}

/** An update as compared: it was done (whatever it returned), or its status, or its crash. */
function shownUpdate(outcome: Outcome): { ok: true } | { status: number } | { crash: string } {
  return 'value' in outcome ? { ok: true } : outcome
}

/** A search answer as compared: the document as plain JSON with link tokens masked, or `{ status }`. */
function shownDocument(outcome: Outcome): unknown {
  if (!('value' in outcome)) return outcome
  try {
    const text = JSON.stringify(outcome.value)
    if (text === undefined) return { crash: `search returned ${typeof outcome.value}, not a document` }
    return redactLinks(JSON.parse(text))
  } catch (error) {
    return { crash: `search returned a value that is not JSON (${(error as Error)?.message})` }
  }
}
