import { type ChildProcess, spawn } from 'node:child_process'
import { readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openState, removeDir, TestClock, tempDir } from './state-world.js'

let dir: string
const children: ChildProcess[] = []

beforeEach(async () => {
  dir = await tempDir()
})

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
  await removeDir(dir)
})

const lockOf = async () =>
  JSON.parse(await readFile(join(dir, 'lock'), 'utf8')) as { pid: number; host: string }
const writeLock = (content: string) => writeFile(join(dir, 'lock'), content)

/** A process that is alive until the test ends. */
async function liveProcess(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' })
  children.push(child)
  await new Promise((resolve) => child.once('spawn', resolve))
  return child.pid as number
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await new Promise((resolve) => child.once('exit', resolve))
  return child.pid as number
}

describe('the lock of a state directory', () => {
  it('holds the owner’s pid and host while it is open, and is removed at close', async () => {
    const { durable } = await openState(dir, new TestClock())
    expect(await lockOf()).toEqual({ pid: process.pid, host: hostname() })
    await durable.close()
    expect(await readdir(dir)).not.toContain('lock')
  })

  it('refuses a second open in the same process', async () => {
    const { durable } = await openState(dir, new TestClock())
    await expect(openState(dir, new TestClock())).rejects.toMatchObject({
      code: 'state-locked',
      values: { owner: 'this process' },
    })
    await durable.close()
    const { durable: again } = await openState(dir, new TestClock())
    await again.close()
  })

  it('refuses the same directory opened again under another name (a symlink)', async () => {
    const { durable } = await openState(join(dir, 'state'), new TestClock())
    await symlink(join(dir, 'state'), join(dir, 'alias'))
    await expect(openState(join(dir, 'alias'), new TestClock())).rejects.toMatchObject({
      code: 'state-locked',
    })
    await durable.close()
  })

  it('refuses a directory that a live process holds, naming it', async () => {
    const pid = await liveProcess()
    await writeLock(JSON.stringify({ pid, host: hostname() }))
    await expect(openState(dir, new TestClock())).rejects.toMatchObject({
      code: 'state-locked',
      status: 500,
      values: { owner: `process ${pid}` },
    })
    expect(await lockOf()).toEqual({ pid, host: hostname() })
  })

  it('takes over the lock of a process that is gone (a server killed with SIGKILL)', async () => {
    await writeLock(JSON.stringify({ pid: await deadPid(), host: hostname() }))
    const { durable } = await openState(dir, new TestClock())
    expect(await lockOf()).toEqual({ pid: process.pid, host: hostname() })
    expect((await readdir(dir)).filter((name) => name.startsWith('lock'))).toEqual(['lock'])
    await durable.close()
  })

  it('takes over a lock with its own pid that it does not hold (left by an earlier process with that pid)', async () => {
    await writeLock(JSON.stringify({ pid: process.pid, host: hostname() }))
    const { durable } = await openState(dir, new TestClock())
    await durable.close()
  })

  it('lets only one of two opens racing in one process win, even for a stale lock', async () => {
    await writeLock(JSON.stringify({ pid: await deadPid(), host: hostname() }))
    const results = await Promise.allSettled([
      openState(dir, new TestClock()),
      openState(dir, new TestClock()),
    ])
    const won = results.filter((result) => result.status === 'fulfilled')
    expect(won).toHaveLength(1)
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({
      reason: { code: 'state-locked', values: { owner: 'this process' } },
    })
    await (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof openState>>>).value.durable.close()
  })

  it('refuses a lock of another host, whose processes it cannot check, and one it cannot read', async () => {
    await writeLock(JSON.stringify({ pid: 1, host: 'elsewhere' }))
    await expect(openState(dir, new TestClock())).rejects.toMatchObject({
      code: 'state-locked',
      values: { owner: 'process 1 on host elsewhere' },
    })
    await writeLock('garbage')
    await expect(openState(dir, new TestClock())).rejects.toMatchObject({ code: 'state-locked' })
  })
})
