/**
 * A module-resolution hook for the benchmark's child processes. The reference oracle
 * (`test/oracle`) imports a few core modules by their source path
 * (`../../packages/core/src/errors.js`); compiled into `bench/dist`, those paths point
 * nowhere, so they are sent to the same modules in `packages/core/dist`, the ones
 * `@people-search/core` itself loads.
 */
import { register } from 'node:module'

const CORE_SOURCE = '/packages/core/src/'

interface ResolveContext {
  parentURL?: string
}
type NextResolve = (specifier: string, context: ResolveContext) => Promise<{ url: string }>

export async function resolve(specifier: string, context: ResolveContext, next: NextResolve) {
  const at = specifier.indexOf(CORE_SOURCE)
  if (at >= 0 && specifier.startsWith('.')) {
    const coreDist = new URL('../../../packages/core/dist/', import.meta.url)
    return next(new URL(specifier.slice(at + CORE_SOURCE.length), coreDist).href, context)
  }
  return next(specifier, context)
}

/** Installs `resolve` for every module loaded after this call. */
export function installHooks(): void {
  register(import.meta.url)
}
