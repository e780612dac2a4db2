/**
 * What one call of an implementation (or of the oracle) came to: the value it returned or
 * resolved to, the numeric HTTP `status` it threw or rejected with (docs/spec.md §8), or, for
 * anything else it threw, a crash with its message. Settling never throws, whatever was thrown:
 * a hostile object (a getter that throws, a Proxy) is a crash too.
 */
export type Outcome = { value: unknown } | { status: number } | { crash: string }

export async function settle(call: () => unknown): Promise<Outcome> {
  try {
    return { value: await call() }
  } catch (error) {
    return refusal(error)
  }
}

function refusal(error: unknown): Outcome {
  try {
    const status = (error as { status?: unknown } | null)?.status
    if (typeof status === 'number' && Number.isInteger(status)) return { status }
    return { crash: describe(error) }
  } catch {
    return { crash: 'threw a value that cannot be read' }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`
  return `threw ${typeof error === 'object' ? Object.prototype.toString.call(error) : String(error)}`
}
