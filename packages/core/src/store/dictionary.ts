/**
 * Interns strings as dense ids starting at 1, so columns can hold a uint32 where a string
 * would cost an object; 0 stays free to mean "none".
 */
export class Dictionary {
  private readonly ids = new Map<string, number>()
  private readonly values: string[] = ['']

  /** The id of `value`, assigning the next one when it is new. */
  intern(value: string): number {
    let id = this.ids.get(value)
    if (id === undefined) {
      id = this.values.length
      this.values.push(value)
      this.ids.set(value, id)
    }
    return id
  }

  /** The id of `value`, or 0 when it was never interned (so it matches nothing). */
  find(value: string): number {
    return this.ids.get(value) ?? 0
  }

  value(id: number): string {
    return this.values[id]
  }

  /** Ids run from 1 to size − 1. */
  get size(): number {
    return this.values.length
  }

  /** Every value by id, 0 (the empty string) included: a copy (a snapshot's image). */
  exportImage(): string[] {
    return this.values.slice()
  }

  /**
   * Makes this dictionary, which must be new, hold `values` by id as `exportImage` gave them.
   * Returns false when they are not a dictionary's (id 0 not empty, a value twice); it must then
   * be dropped.
   */
  importImage(values: readonly string[]): boolean {
    if (values.length === 0 || values[0] !== '') return false
    for (let id = 1; id < values.length; id++) {
      const value = values[id]
      if (this.ids.has(value)) return false
      this.values.push(value)
      this.ids.set(value, id)
    }
    return true
  }
}
