import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { PeopleSearchError } from '@people-search/core'
import { readServerConfig, type ServerConfig, type ServerConfigInput } from '@people-search/server'
import { DataError } from './load-data.js'

/** The service's configuration as the user wrote it, and as the service will read it. */
export interface ServeConfig {
  /** The file's object (or `{}` without a file), to which generated credentials are added. */
  input: ServerConfigInput
  /** `input` read and checked by the server itself, with its defaults. */
  config: ServerConfig
}

/**
 * Reads `--config FILE` (relative to `base`, where the user ran the command): a JSON object in
 * the shape of the server's config file (packages/server/README.md). It is checked by the
 * server's own reader before anything is loaded or listens, so a typo in a key is a
 * {@link DataError} naming the file and the key (exit 2), not a service that starts open or
 * closed by surprise.
 */
export async function readServeConfig(file: string | undefined, base: string): Promise<ServeConfig> {
  if (file === undefined) return { input: {}, config: readServerConfig({}) }
  const path = resolve(base, file)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const where = path === file ? '' : ` (looked for ${path})`
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new DataError(`Config file not found: ${file}${where}`)
    if (code === 'EISDIR') throw new DataError(`Config file ${file} is a directory`)
    throw new DataError(`Cannot read config file ${file}: ${(error as Error).message}`)
  }
  let input: unknown
  try {
    input = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new DataError(`Config file ${file} is not JSON: ${(error as Error).message}`)
  }
  try {
    return { input: input as ServerConfigInput, config: readServerConfig(input) }
  } catch (error) {
    if (error instanceof PeopleSearchError) throw new DataError(`Config file ${file}: ${error.message}`)
    throw error
  }
}
