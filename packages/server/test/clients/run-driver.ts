// Runs a driver script of ./drivers in a Node process of its own, bounded in time: the way to use
// a client library that must not share the test's process.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** How long one driver process may run before it is killed and the test fails. */
const DRIVER_TIMEOUT_MS = 20_000

/**
 * The one JSON line that `drivers/<script>` prints on stdout, run with `args`. A driver that
 * fails, prints something else or outlives DRIVER_TIMEOUT_MS rejects with its stderr.
 */
export function runDriver(script: string, args: readonly string[]): Promise<unknown> {
  const path = fileURLToPath(new URL(`./drivers/${script}`, import.meta.url))
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path, ...args],
      { timeout: DRIVER_TIMEOUT_MS, killSignal: 'SIGKILL', encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`${script} failed: ${error.message}\n${stderr}`))
          return
        }
        try {
          resolve(JSON.parse(stdout))
        } catch {
          reject(new Error(`${script} printed no single JSON line:\n${stdout}\n${stderr}`))
        }
      },
    )
  })
}
