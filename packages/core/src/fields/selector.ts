/**
 * A parsed field selector (docs/spec.md §5.1): `(people:(id,location:(name)),num-results)` is
 * `[{ name: 'people', children: [{ name: 'id' }, { name: 'location', children: [{ name: 'name' }] }] },
 * { name: 'num-results' }]`. It knows nothing of resources; `checkSelector` judges it.
 */
export interface FieldNode {
  /** The field name as written (`first-name`). */
  name: string
  /** The sub-selection; absent when the field was named without one. */
  children?: FieldNode[]
}

export type Selector = FieldNode[]
