/**
 * The command lines of the measurements run apart from the suite (`scale.ts`, `network.ts`):
 * `--size <members>` (1M by default), flags, and options with a value. One reader, so both
 * refuse the same mistakes with the same messages.
 */
import { log } from './measure.js'

export interface SizeArgs {
  size: number
  /** The value given after `flag`, if any. */
  value(flag: string): string | undefined
}

/**
 * The arguments, or 2 (a usage error, already told) when one is unknown, a valued option lacks
 * its value, or the size is not a whole number from `minSize` to 2^32 − 1.
 */
export function readSizeArgs(
  args: readonly string[],
  spec: { valued: readonly string[]; flags: readonly string[]; minSize: number; usage: string },
): SizeArgs | 2 {
  const valued = ['--size', ...spec.valued]
  const value = (flag: string) => {
    const at = args.indexOf(flag)
    return at < 0 ? undefined : args[at + 1]
  }
  const unknown = args.filter(
    (a, i) => !valued.includes(a) && !spec.flags.includes(a) && !valued.includes(args[i - 1]),
  )
  if (unknown.length > 0 || valued.some((f) => args.includes(f) && value(f) === undefined)) {
    log(spec.usage)
    return 2
  }
  const size = Number(value('--size') ?? 1_000_000)
  if (!Number.isSafeInteger(size) || size < spec.minSize || size > 0xffffffff) {
    log(
      `--size must be a whole number of members from ${spec.minSize} to 2^32 − 1, not ${value('--size')}\n${spec.usage}`,
    )
    return 2
  }
  return { size, value }
}
