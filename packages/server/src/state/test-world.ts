import type { PeopleIndex } from '@people-search/core'
import type { TestModeSettings } from '../admin/test-mode-body.js'
import { applyWrite, checkWrite } from './apply-write.js'
import type { Write } from './write.js'

/**
 * The data of a service in test mode: one test world at a time, in memory only. A write is
 * checked and applied as a durable one is (all or nothing, the same 400s and 404s of §9.5) but
 * nothing is logged, which is why test mode is refused beside a state directory: a test world
 * must never reach a real log. `reset` replaces the world with an empty one.
 */
export class TestWorld {
  private current: PeopleIndex
  private writes = 0
  private prefix: string | undefined

  constructor(
    initial: PeopleIndex,
    private readonly create: (settings: TestModeSettings) => PeopleIndex,
  ) {
    this.current = initial
  }

  get index(): PeopleIndex {
    return this.current
  }

  /** The prefix of the world's viewer tokens (`<prefix><member id>`), if it has one. */
  get viewerTokens(): string | undefined {
    return this.prefix
  }

  async apply(write: Write): Promise<{ seq: number }> {
    checkWrite(this.current, write)
    applyWrite(this.current, write)
    this.writes++
    return { seq: this.writes }
  }

  /** A fresh, empty world with these settings; the old one is dropped. */
  reset(settings: TestModeSettings): void {
    this.current = this.create(settings)
    this.prefix = settings.viewerTokens
    this.writes = 0
  }
}
