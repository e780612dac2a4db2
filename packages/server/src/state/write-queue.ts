/**
 * Runs tasks one at a time, in call order: a write's check, log append and apply never
 * interleave with another write's. A task that fails does not stop the ones after it.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task)
    this.tail = result.catch(() => {})
    return result
  }

  /** Resolves once every task queued so far has settled. */
  async idle(): Promise<void> {
    await this.tail
  }
}
