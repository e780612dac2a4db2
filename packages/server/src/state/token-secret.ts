import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fail } from '@people-search/core'

const FILE = 'token-secret'
const BYTES = 32

/**
 * The key of the profile-link tokens of a state directory (docs/spec.md §6.2) when the
 * configuration gives none: made once, kept in the directory (mode 0600), so that the links a
 * search answered before a restart still open after it, and a restarted service answers as it
 * did (§9.5). An unreadable or damaged file is refused rather than replaced: replacing it would
 * silently invalidate every link issued.
 */
export async function stateTokenSecret(dir: string): Promise<string> {
  const path = join(dir, FILE)
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 })
  } catch (error) {
    return fail('state-unusable', { dir, cause: error })
  }
  const made = randomBytes(BYTES).toString('hex')
  try {
    await writeFile(path, `${made}\n`, { flag: 'wx', mode: 0o600 })
    return made
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
      return fail('state-unusable', { dir, cause: error })
  }
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    return fail('state-unusable', { dir, cause: error })
  }
  const secret = text.trim()
  if (!/^[0-9a-f]{64}$/.test(secret))
    fail('state-corrupted', { dir, problem: `${path} is not a token secret` })
  return secret
}
