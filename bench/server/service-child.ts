/**
 * The service process as `load.ts` sees it: started on its own core where the machine has two
 * (`taskset`), spoken to over IPC, and asked one thing at a time.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'
import type { FromService, ToService } from './protocol.js'

const SCRIPT = fileURLToPath(new URL('./service-process.js', import.meta.url))

/** How the service and the load generator were kept on separate cores, in words for the report. */
export interface Pinning {
  server: string
  loadGenerator: string
  /** The command prefix that pins the service. */
  prefix: string[]
}

/**
 * The service on core 0 and this process (autocannon) on core 1, when the machine has two cores
 * and `taskset`; otherwise both share the machine, and the report says so.
 */
export function pinCores(): Pinning {
  const hasTaskset = spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0
  if (cpus().length < 2 || !hasTaskset) {
    const why = cpus().length < 2 ? 'one core' : 'no taskset'
    return { server: `not pinned (${why})`, loadGenerator: `not pinned (${why})`, prefix: [] }
  }
  const self = spawnSync('taskset', ['-a', '-pc', '1', String(process.pid)], { stdio: 'ignore' })
  return {
    server: 'core 0 (taskset -c 0)',
    loadGenerator: self.status === 0 ? 'core 1 (taskset -a -pc 1)' : 'not pinned (taskset -p failed)',
    prefix: ['taskset', '-c', '0'],
  }
}

export class ServiceChild {
  private readonly child: ChildProcess
  private readonly waiting: ((message: FromService) => void)[] = []
  private exited: string | undefined

  constructor(pinning: Pinning, size: number, figureMs: number) {
    const node = [
      process.execPath,
      '--expose-gc',
      '--max-old-space-size=8000',
      SCRIPT,
      String(size),
      String(figureMs),
    ]
    const [command, ...args] = [...pinning.prefix, ...node]
    this.child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    this.child.on('message', (message: FromService) => this.waiting.shift()?.(message))
    this.child.on('exit', (code, signal) => {
      this.exited = `the service process exited (${signal ?? `code ${code}`})`
      for (const reject of this.waiting.splice(0)) reject({ type: 'failed', message: this.exited })
    })
  }

  /** The next message of `type`; rejects when the process reports a failure or exits first. */
  next<T extends FromService['type']>(type: T): Promise<Extract<FromService, { type: T }>> {
    return new Promise((resolve, reject) => {
      if (this.exited !== undefined) {
        reject(new Error(this.exited))
        return
      }
      this.waiting.push((message) => {
        if (message.type === type) resolve(message as Extract<FromService, { type: T }>)
        else reject(new Error(message.type === 'failed' ? message.message : `unexpected ${message.type}`))
      })
    })
  }

  tell(message: ToService): void {
    this.child.send(message)
  }

  async ask<T extends FromService['type']>(
    message: ToService,
    reply: T,
  ): Promise<Extract<FromService, { type: T }>> {
    const answer = this.next(reply)
    this.tell(message)
    return answer
  }

  /** CPU time the service has used so far, microseconds. */
  async cpuMicros(): Promise<number> {
    return (await this.ask({ type: 'cpu' }, 'cpu')).micros
  }

  async stop(): Promise<void> {
    if (this.exited !== undefined) return
    const gone = new Promise((resolve) => this.child.once('exit', resolve))
    this.tell({ type: 'stop' })
    await gone
  }

  kill(): void {
    if (this.exited === undefined) this.child.kill('SIGKILL')
  }
}
