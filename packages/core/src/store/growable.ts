/** Typed-array constructors the index stores columns in. */
export type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array

/**
 * A copy of `array` with room for at least `capacity` elements (doubling, so appends are
 * amortised O(1)); `array` itself when it is already large enough.
 */
export function ensureCapacity<T extends TypedArray>(array: T, capacity: number): T {
  if (capacity <= array.length) return array
  let size = Math.max(8, array.length)
  while (size < capacity) size *= 2
  const bigger = new (array.constructor as new (n: number) => T)(size)
  bigger.set(array)
  return bigger
}

/** An append-only list of uint32 values in one typed array: a posting list of slots or items. */
export class U32List {
  data: Uint32Array
  length = 0

  constructor(capacity = 4) {
    this.data = new Uint32Array(capacity)
  }

  push(value: number): void {
    if (this.length === this.data.length) this.data = ensureCapacity(this.data, this.length + 1)
    this.data[this.length++] = value
  }

  /** The last value pushed; lists are built in ascending order, so this dedupes cheaply. */
  last(): number {
    return this.length === 0 ? -1 : this.data[this.length - 1]
  }
}
