/**
 * A refusal of the service under test: an error document (docs/spec.md §5.4, §8) whose `status`
 * equals the HTTP status. It carries that `status`, which is what `checkConformance` compares.
 */
export class HttpRefusal extends Error {
  override readonly name = 'HttpRefusal'

  constructor(
    readonly status: number,
    /** The error document as the service sent it. */
    readonly document: unknown,
  ) {
    super(`HTTP ${status}: ${messageOf(document)}`)
  }
}

/**
 * The service did not speak docs/spec.md §9 at all: unreachable, a body that is not JSON, an
 * error document whose `status` is not the HTTP status. It has no `status` on purpose, so a
 * conformance run reports it as a crash of the implementation, never as an answer to compare.
 */
export class ServiceFault extends Error {
  override readonly name = 'ServiceFault'
}

function messageOf(document: unknown): string {
  const message = (document as { message?: unknown } | null)?.message
  return typeof message === 'string' ? message : JSON.stringify(document)
}
