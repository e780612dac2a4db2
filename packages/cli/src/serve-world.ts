import { resolve } from 'node:path'
import type { PeopleIndex, PeopleIndexOptions } from '@people-search/core'
import { loadDataFile } from './load-data.js'
import { LoadProgress, type ProgressOptions, type ProgressStream } from './progress.js'

/** Where the members `serve` starts from come from: a data file or the built-in sample world. */
export interface ServeSource {
  /** How notes name it: the file as the user typed it, or `the sample world`. */
  readonly label: string
  /**
   * A few member ids to give tokens to, when they can be known without building the index (the
   * sample world's are fixed by its seed); `undefined` when only {@link load} can tell.
   */
  readonly knownViewers: readonly string[] | undefined
  /** Builds the index, once: later calls answer the same promise. */
  load(options: PeopleIndexOptions): Promise<LoadedWorld>
  /** Whether {@link load} was called. */
  readonly loaded: boolean
}

export interface LoadedWorld {
  index: PeopleIndex
  /** A few member ids to try as viewers, best connected first; `undefined` for a snapshot. */
  viewers: string[] | undefined
}

export interface SourceOptions {
  data?: string
  size: number
  /** Where a relative `data` path starts. */
  base: string
  progress?: ProgressStream
  progressOptions?: ProgressOptions
}

/**
 * The source of `serve --data FILE` or, without `--data`, of the sample world of `size` members.
 * Loading problems are {@link DataError}s (exit 2), raised by {@link ServeSource.load}.
 */
export async function serveSource(options: SourceOptions): Promise<ServeSource> {
  const { data } = options
  const progress = () => new LoadProgress(options.progress, options.progressOptions)
  if (data !== undefined) {
    return once(data, undefined, async (indexOptions) => {
      const file = await loadDataFile(resolve(options.base, data), {
        name: data,
        index: indexOptions,
        progress: progress(),
      })
      return { index: file.index, viewers: file.viewers }
    })
  }
  // Imported here: a service started from --data never loads the sample world (nor faker).
  const { loadSample, samplePicks } = await import('./sample-world.js')
  const picks = samplePicks(options.size)
  return once('the sample world', picks, async (indexOptions) => {
    const { index } = loadSample(options.size, indexOptions, progress())
    return { index, viewers: picks }
  })
}

function once(
  label: string,
  knownViewers: readonly string[] | undefined,
  build: (options: PeopleIndexOptions) => Promise<LoadedWorld>,
): ServeSource {
  let loading: Promise<LoadedWorld> | undefined
  return {
    label,
    knownViewers,
    load(options) {
      loading ??= build(options)
      return loading
    },
    get loaded() {
      return loading !== undefined
    },
  }
}
