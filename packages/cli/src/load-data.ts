import { createReadStream } from 'node:fs'
import { access } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { PeopleIndex, type PeopleIndexOptions, type Profile } from '@people-search/core'
import { sampleEdges, sampleGroups, sampleProfiles } from '@people-search/sample'

/**
 * Builds an index from a JSON-lines file: profiles, `{"edge":[a,b]}` and `{"member":[id,group]}`
 * lines, in any order (links are applied once every profile is in).
 */
export async function loadData(path: string, options: PeopleIndexOptions = {}): Promise<PeopleIndex> {
  try {
    await access(path)
  } catch {
    throw new Error(`Data file not found: ${path}`)
  }
  const index = new PeopleIndex(options)
  const edges: [string, string][] = []
  const members: [string, string][] = []
  let batch: Profile[] = []
  let lineNumber = 0
  const lines = createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  })
  for await (const line of lines) {
    lineNumber++
    if (line.trim() === '') continue
    let record: Record<string, unknown>
    try {
      record = JSON.parse(line)
    } catch {
      throw new Error(`${path}:${lineNumber}: not a JSON object`)
    }
    if (Array.isArray(record.edge)) edges.push(record.edge as [string, string])
    else if (Array.isArray(record.member)) members.push(record.member as [string, string])
    else batch.push(record as unknown as Profile)
    if (batch.length === 10_000) {
      index.add(batch)
      batch = []
    }
  }
  index.add(batch)
  for (const [a, b] of edges) index.connect(a, b)
  for (const [member, group] of members) index.joinGroup(member, group)
  return index
}

/** The built-in world: a deterministic sample of `size` members with a graph and groups. */
export function loadSample(
  size: number,
  options: PeopleIndexOptions = {},
): { index: PeopleIndex; ids: string[] } {
  const index = new PeopleIndex(options)
  const ids: string[] = []
  let batch: Profile[] = []
  for (const profile of sampleProfiles({ size })) {
    ids.push(profile.id)
    batch.push(profile)
    if (batch.length === 10_000) {
      index.add(batch)
      batch = []
    }
  }
  index.add(batch)
  const edges = sampleEdges({ size })
  for (let i = 0; i < edges.length; i += 2) index.connect(ids[edges[i]], ids[edges[i + 1]])
  for (const { group, members } of sampleGroups({ size })) {
    for (const member of members) index.joinGroup(ids[member], group)
  }
  return { index, ids }
}
