const MEMBER_ID = /^[A-Za-z0-9_-]{1,64}$/

/** docs/spec.md §1.1: a member id is 1–64 characters of `[A-Za-z0-9_-]`. */
export function isMemberId(value: unknown): value is string {
  return typeof value === 'string' && MEMBER_ID.test(value)
}
