import type { FileHandle } from 'node:fs/promises'

/** Bytes read from the file at a time. */
const CHUNK_BYTES = 1 << 20
const NEWLINE = 0x0a

/** Why `readLines` stopped early. */
export type LineProblem = { tooLong: { line: number; max: number } } | { unterminated: { line: number } }

/**
 * Reads `handle` to its end as lines ending in `\n`, handing each one (without its newline) to
 * `line` as bytes. It never holds more of a line than `maxBytes(lineNumber)`: a longer line
 * stops the read with `tooLong` as soon as that many bytes have come without a newline, so a
 * file of one huge line costs at most that much memory. Bytes after the last newline stop it with
 * `unterminated`. Resolves with `undefined` at the end of a whole file, and with how many
 * bytes it read.
 */
export async function readLines(
  handle: FileHandle,
  maxBytes: (lineNumber: number) => number,
  line: (bytes: Buffer, lineNumber: number) => void,
): Promise<{ problem: LineProblem | undefined; bytes: number }> {
  let lineNumber = 1
  let parts: Buffer[] = []
  let partBytes = 0
  let total = 0
  for (;;) {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null)
    if (bytesRead === 0) break
    total += bytesRead
    const chunk = buffer.subarray(0, bytesRead)
    let start = 0
    for (;;) {
      const end = chunk.indexOf(NEWLINE, start)
      const stop = end === -1 ? bytesRead : end
      const max = maxBytes(lineNumber)
      if (partBytes + (stop - start) > max)
        return { problem: { tooLong: { line: lineNumber, max } }, bytes: total }
      if (stop === bytesRead) {
        if (stop > start) {
          parts.push(chunk.subarray(start, stop))
          partBytes += stop - start
        }
        break
      }
      const piece = chunk.subarray(start, stop)
      const bytes = partBytes === 0 ? piece : Buffer.concat([...parts, piece], partBytes + piece.length)
      parts = []
      partBytes = 0
      line(bytes, lineNumber++)
      start = stop + 1
    }
  }
  if (partBytes > 0) return { problem: { unterminated: { line: lineNumber } }, bytes: total }
  return { problem: undefined, bytes: total }
}
