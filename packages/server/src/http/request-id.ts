import { randomBytes } from 'node:crypto'

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

/**
 * A request id like the recorded ones (`IC4IG64OXE`): ten upper-case letters and digits. It is
 * sent as `x-li-request-id` and in every error document (docs/spec.md §3.7, §9.3).
 */
export function newRequestId(): string {
  const bytes = randomBytes(10)
  let id = ''
  for (const byte of bytes) id += LETTERS[byte % LETTERS.length]
  return id
}
