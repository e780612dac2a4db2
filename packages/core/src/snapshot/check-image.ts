import { LANGUAGE_CODES } from '../domain/languages.js'
import { isMemberId } from '../model/member-id.js'
import { ACCOUNT_LEVELS } from '../store/columns.js'
import { isIdByte, ProfileCheck } from '../store/profile-check.js'
import type {
  AdjacencyImage,
  IdTableImage,
  ListsImage,
  NameCountsImage,
  ProfileArenaImage,
  StoreImage,
} from '../store/store-image.js'
import { invalid, type SnapshotImage } from './image-sections.js'

/** A chunk's offset takes the low 32 bits of a position (byte-arena.ts). */
const CHUNK_SPAN = 2 ** 32
const MAX_UINT32 = 2 ** 32 - 1

/**
 * Checks every bound and reference of a version 3 image whose checksums passed, before any of
 * it is used, so that no later call on the loaded index can read outside an array or follow a
 * reference to nothing (docs/spec.md §7: a bad snapshot is refused, never half-loaded, and never
 * crashes the process): lengths of parallel arrays, slots below the slot count, token, name,
 * dictionary and item ids below their tables' sizes, offsets inside their arrays and ascending,
 * posting and name lists strictly ascending, id bytes of member ids, a record for each live slot
 * and none for a dead one (the records themselves: `checkRecords`), nodes and slots mapped both
 * ways, chains of full names that end, hash tables with room to end every probe, earlier versions
 * and incarnations of member ids. Refusals are `snapshot-image-invalid` errors naming the section.
 *
 * What it does not check is whether the derived structures agree with the profiles they were
 * derived from (a posting listing a member whose text lacks the token): that is analysing every
 * profile again, which version 3 exists to avoid. See docs/decisions.md.
 */
export function checkImage(path: string, image: SnapshotImage): void {
  const check = new ImageCheck(path, image.store)
  check.all()
  checkHistory(path, image)
}

/**
 * The part of `checkImage` that reads every profile's bytes, apart so that it can run while the
 * rest of the file is still being read (load-image.ts): each slot with a record must have it
 * inside its chunk, and it must be the record of a validated profile whose id is the slot's
 * (store/profile-check.ts). Which slots must have one (the live ones) `checkImage` checks.
 */
export function checkRecords(path: string, ids: IdTableImage, profiles: ProfileArenaImage): void {
  const { chunks, positions, lengths } = profiles
  const slots = lengths.length
  if (positions.length !== slots || ids.start.length !== slots || ids.length.length !== slots)
    invalid(
      path,
      'profiles.positions',
      `${positions.length} positions, ${lengths.length} lengths, ${ids.start.length} ids`,
    )
  const records = new ProfileCheck(profiles.strings)
  const idBytes = ids.bytes
  for (let slot = 0; slot < slots; slot++) {
    const length = lengths[slot]
    if (length === 0) continue
    const position = positions[slot]
    const bytes = chunkHolding(chunks, position, length)
    if (bytes === undefined)
      invalid(path, 'profiles.positions', `slot ${slot}: ${length} bytes at ${position}`)
    const idStart = ids.start[slot]
    const idLength = ids.length[slot]
    if (idStart + idLength > idBytes.length)
      invalid(path, 'ids.start', `slot ${slot}: ${idLength} bytes at ${idStart}`)
    if (!records.check(bytes, position % CHUNK_SPAN, length, idBytes, idStart, idLength))
      invalid(path, 'profiles.bytes', `slot ${slot}: not the record of a profile of its member`)
  }
}

/**
 * The chunk of an arena holding all `length` bytes of the record at `position` (a chunk's index
 * times 2^32 plus the record's offset in it, `position % CHUNK_SPAN`, as byte-arena.ts numbers
 * them), or undefined when no chunk holds them: a position from a file is not trusted.
 */
function chunkHolding(
  chunks: readonly Uint8Array[],
  position: number,
  length: number,
): Uint8Array | undefined {
  if (!Number.isSafeInteger(position) || position < 0) return undefined
  const bytes = chunks[Math.floor(position / CHUNK_SPAN)]
  return bytes !== undefined && (position % CHUNK_SPAN) + length <= bytes.length ? bytes : undefined
}

class ImageCheck {
  private readonly slots: number

  constructor(
    private readonly path: string,
    private readonly store: StoreImage,
  ) {
    this.slots = store.slotCount
  }

  all(): void {
    this.scalars()
    this.ids()
    this.columns()
    this.items()
    this.profiles()
    this.postings()
    this.names()
    this.nameCounts()
    this.transitions()
    this.graph()
  }

  private bad(section: string, problem: string): never {
    return invalid(this.path, section, problem)
  }

  private length(section: string, array: ArrayLike<unknown>, expected: number): void {
    if (array.length !== expected) this.bad(section, `${array.length} entries where ${expected} belong`)
  }

  private scalars(): void {
    const s = this.store
    const count = (name: string, value: number, max = Number.MAX_SAFE_INTEGER) => {
      if (!Number.isSafeInteger(value) || value < 0 || value > max) this.bad('scalars', `${name} ${value}`)
    }
    count('slotCount', s.slotCount, MAX_UINT32)
    count('liveCount', s.liveCount, s.slotCount)
    count('versionCount', s.versionCount)
    count('maxItemCount', s.maxItemCount, MAX_UINT32)
    count('chunkBytes', s.profiles.chunkBytes, MAX_UINT32)
    if (s.profiles.chunkBytes < 1) this.bad('scalars', 'chunkBytes 0')
    count('graph.version', s.graph.version)
    count('graph.adjacency.abandoned', s.graph.adjacency.abandoned)
    count('graph.groups.abandoned', s.graph.groups.abandoned)
    if (!(s.publicLength >= 0 && Number.isFinite(s.publicLength)))
      this.bad('scalars', `publicLength ${s.publicLength}`)
    if (Number.isNaN(s.judgedAt) || s.judgedAt === Number.POSITIVE_INFINITY)
      this.bad('scalars', `judgedAt ${s.judgedAt}`)
  }

  private ids(): void {
    const { bytes, start, length } = this.store.ids
    this.length('ids.start', start, this.slots)
    this.length('ids.length', length, this.slots)
    for (let i = 0; i < bytes.length; i++)
      if (!isIdByte(bytes[i])) this.bad('ids.bytes', `byte ${bytes[i]} at ${i}, not of a member id`)
    for (let slot = 0; slot < this.slots; slot++)
      if (length[slot] < 1 || length[slot] > 64 || start[slot] + length[slot] > bytes.length)
        this.bad('ids.start', `slot ${slot}: ${length[slot]} bytes at ${start[slot]}`)
  }

  private columns(): void {
    const s = this.store
    const c = s.columns
    for (const [name, column] of Object.entries(c)) this.length(`columns.${name}`, column, this.slots)
    const below = (name: string, column: ArrayLike<number>, size: number) => {
      for (let slot = 0; slot < column.length; slot++)
        if (column[slot] >= size) this.bad(`columns.${name}`, `${column[slot]} at slot ${slot}, of ${size}`)
    }
    below('alive', c.alive, 2)
    below('firstKey', c.firstKey, s.nameKeys.length)
    below('lastKey', c.lastKey, s.nameKeys.length)
    below('location', c.location, s.locations.length)
    below('country', c.country, s.locations.length)
    below('industry', c.industry, s.industries.length)
    below('postalKey', c.postalKey, s.postalCodes.length)
    below('language', c.language, LANGUAGE_CODES.length)
    below('accountLevel', c.accountLevel, ACCOUNT_LEVELS.length)
    below('itemCount', c.itemCount, s.maxItemCount + 1)
    let live = 0
    let publicLength = 0
    const items = s.items.slot
    for (let slot = 0; slot < this.slots; slot++) {
      if (c.alive[slot] === 1) {
        live++
        publicLength += c.dlPublic[slot]
      }
      const first = c.firstItem[slot]
      const end = first + c.itemCount[slot]
      if (end > items.length)
        this.bad('columns.firstItem', `slot ${slot}: items ${first} to ${end} of ${items.length}`)
      for (let item = first; item < end; item++)
        if (items[item] !== slot)
          this.bad('items.slot', `item ${item} of slot ${slot} says slot ${items[item]}`)
    }
    if (live !== s.liveCount)
      this.bad('columns.alive', `${live} live slots where liveCount is ${s.liveCount}`)
    if (publicLength !== s.publicLength)
      this.bad(
        'columns.dlPublic',
        `lengths add up to ${publicLength} where publicLength is ${s.publicLength}`,
      )
  }

  private items(): void {
    const s = this.store
    const i = s.items
    const n = i.slot.length
    for (const [name, column] of Object.entries(i)) this.length(`items.${name}`, column, n)
    for (let item = 0; item < n; item++) {
      if (i.slot[item] >= this.slots) this.bad('items.slot', `item ${item}: slot ${i.slot[item]}`)
      if (i.kind[item] > 1) this.bad('items.kind', `item ${item}: ${i.kind[item]}`)
      if (i.current[item] > 1) this.bad('items.current', `item ${item}: ${i.current[item]}`)
      if (i.visibility[item] > 2) this.bad('items.visibility', `item ${item}: ${i.visibility[item]}`)
      if (i.org[item] >= s.orgs.length) this.bad('items.org', `item ${item}: ${i.org[item]}`)
    }
  }

  /** A record for each live slot and none for a dead one (the records themselves: `checkRecords`). */
  private profiles(): void {
    const { profiles, columns } = this.store
    this.length('profiles.positions', profiles.positions, this.slots)
    this.length('profiles.lengths', profiles.lengths, this.slots)
    const { lengths } = profiles
    const alive = columns.alive
    for (let slot = 0; slot < this.slots; slot++)
      if (lengths[slot] > 0 !== (alive[slot] === 1))
        this.bad('profiles.lengths', `slot ${slot}: a record of ${lengths[slot]} bytes, alive ${alive[slot]}`)
  }

  private postings(): void {
    const s = this.store
    const vocabulary = s.vocabulary
    if (vocabulary.length === 0 || vocabulary[0] !== '')
      this.bad('vocabulary', 'token 0 is not the empty string')
    const { lists, tfPublic, tfConnections, publicDocs } = s.postings
    this.lists('postings', lists, vocabulary.length, this.slots)
    this.length('postings.tfPublic', tfPublic, lists.values.length)
    this.length('postings.tfConnections', tfConnections, lists.values.length)
    this.length('postings.publicDocs', publicDocs, lists.present.length)
    for (let token = 0; token < publicDocs.length; token++)
      if (publicDocs[token] > lists.offsets[token + 1] - lists.offsets[token])
        this.bad('postings.publicDocs', `token ${token}: ${publicDocs[token]}, more than its posting holds`)
    const items = s.items.slot.length
    this.lists('itemPostings.c', s.itemPostings.c, vocabulary.length, items)
    this.lists('itemPostings.t', s.itemPostings.t, vocabulary.length, items)
    this.lists('itemPostings.s', s.itemPostings.s, vocabulary.length, items)
  }

  private names(): void {
    const s = this.store
    this.lists('firstNameSlots', s.firstNameSlots, s.nameKeys.length, this.slots)
    this.lists('lastNameSlots', s.lastNameSlots, s.nameKeys.length, this.slots)
    const { keys, values } = s.fullNames
    this.length('fullNames.keys', keys, values.length)
    if (values.length === 0 || values.length > 2 ** 31 || (values.length & (values.length - 1)) !== 0)
      this.bad('fullNames.values', `a table of ${values.length} entries, not a power of two`)
    let used = 0
    for (let at = 0; at < values.length; at++) {
      if (values[at] === 0) continue
      used++
      if (values[at] > this.slots || !Number.isSafeInteger(keys[at]) || keys[at] < 0)
        this.bad('fullNames.values', `entry ${at}: slot ${values[at] - 1} for key ${keys[at]}`)
    }
    // At most half full, as `KeyTable.set` keeps it: every probe then meets an empty entry.
    if (used * 2 > values.length)
      this.bad('fullNames.values', `${used} entries in a table of ${values.length}`)
    const next = s.fullNameNext
    this.length('fullNameNext', next, this.slots)
    // Each link goes to an earlier slot, so every chain of full names ends.
    for (let slot = 0; slot < next.length; slot++)
      if (next[slot] > slot) this.bad('fullNameNext', `slot ${slot} links to slot ${next[slot] - 1}`)
  }

  private nameCounts(): void {
    const s = this.store
    this.counts('locationNames', s.locationNames, s.locations.length)
    this.counts('industryNames', s.industryNames, s.industries.length)
    this.counts('orgNames.0', s.orgNames[0], s.orgs.length)
    this.counts('orgNames.1', s.orgNames[1], s.orgs.length)
  }

  private counts(name: string, counts: NameCountsImage, ids: number): void {
    const { firstNames, firstCounts, otherIds, otherNames, otherCounts } = counts
    this.length(`${name}.firstCounts`, firstCounts, firstNames.length)
    if (firstNames.length > ids) this.bad(`${name}.firstCounts`, `${firstNames.length} ids of ${ids}`)
    for (let id = 0; id < firstCounts.length; id++)
      if (!Number.isSafeInteger(firstCounts[id]) || firstCounts[id] < 0)
        this.bad(`${name}.firstCounts`, `id ${id}: ${firstCounts[id]}`)
    this.length(`${name}.otherNames`, otherNames, otherIds.length)
    this.length(`${name}.otherCounts`, otherCounts, otherIds.length)
    for (let i = 0; i < otherIds.length; i++) {
      if (!Number.isSafeInteger(otherIds[i]) || otherIds[i] < 0 || otherIds[i] >= ids)
        this.bad(`${name}.otherIds`, `entry ${i}: id ${otherIds[i]}`)
      if (!Number.isSafeInteger(otherCounts[i]) || otherCounts[i] < 1)
        this.bad(`${name}.otherCounts`, `entry ${i}: ${otherCounts[i]}`)
    }
  }

  private transitions(): void {
    const { instants, slots } = this.store.transitions
    this.length('transitions.instants', instants, slots.length)
    for (let i = 0; i < slots.length; i++)
      if (slots[i] >= this.slots) this.bad('transitions.slots', `entry ${i}: slot ${slots[i]}`)
  }

  /** Nodes and slots mapped both ways, free nodes free, every neighbour a node in use, every group id named. */
  private graph(): void {
    const { graph, columns } = this.store
    const { nodeOfSlot, slotOfNode, freeNodes } = graph
    const nodes = slotOfNode.length
    for (let slot = 0; slot < nodeOfSlot.length; slot++) {
      const node = nodeOfSlot[slot] - 1
      if (node < 0) continue
      if (slot >= this.slots || node >= nodes || slotOfNode[node] !== slot || columns.alive[slot] !== 1)
        this.bad('graph.nodeOfSlot', `slot ${slot}: node ${node}`)
    }
    const free = new Uint8Array(nodes)
    let unused = 0
    for (let node = 0; node < nodes; node++) {
      const slot = slotOfNode[node]
      if (slot === -1) unused++
      else if (slot < 0 || slot >= nodeOfSlot.length || nodeOfSlot[slot] !== node + 1)
        this.bad('graph.slotOfNode', `node ${node}: slot ${slot}`)
    }
    for (const node of freeNodes) {
      if (node >= nodes || slotOfNode[node] !== -1 || free[node] === 1)
        this.bad('graph.freeNodes', `node ${node}`)
      free[node] = 1
    }
    if (freeNodes.length !== unused)
      this.bad('graph.freeNodes', `${freeNodes.length} free nodes of ${unused} unused`)
    // A byte per node, 1 when in use: what every neighbour must be (past the nodes it reads undefined).
    const inUse = new Uint8Array(nodes)
    for (let node = 0; node < nodes; node++) inUse[node] = slotOfNode[node] >= 0 ? 1 : 0
    {
      const { start, length, arena } = this.blocks('graph.adjacency', graph.adjacency, inUse)
      for (let node = 0; node < start.length; node++) {
        const from = start[node]
        const to = from + length[node]
        for (let at = from; at < to; at++) {
          const other = arena[at]
          if (inUse[other] !== 1 || other === node)
            this.bad('graph.adjacency.arena', `node ${node}: neighbour ${other}`)
        }
      }
    }
    const groups = graph.groupIds.length
    const { start, length, arena } = this.blocks('graph.groups', graph.groups, inUse)
    for (let node = 0; node < start.length; node++) {
      const from = start[node]
      const to = from + length[node]
      for (let at = from; at < to; at++)
        if (arena[at] === 0 || arena[at] >= groups || (at > from && arena[at] <= arena[at - 1]))
          this.bad('graph.groups.arena', `node ${node}: group ${arena[at]}`)
    }
  }

  /** Blocks inside the arena, lists inside their blocks, and a list only for a node in use. */
  private blocks(name: string, image: AdjacencyImage, inUse: Uint8Array): AdjacencyImage {
    const { start, length, capacity, arena } = image
    this.length(`${name}.length`, length, start.length)
    this.length(`${name}.capacity`, capacity, start.length)
    for (let node = 0; node < start.length; node++) {
      const n = length[node]
      if (n > capacity[node] || (capacity[node] > 0 && start[node] + capacity[node] > arena.length))
        this.bad(
          `${name}.start`,
          `node ${node}: ${n} of ${capacity[node]} at ${start[node]} in ${arena.length}`,
        )
      if (n > 0 && inUse[node] !== 1) this.bad(`${name}.length`, `node ${node} not in use holds ${n}`)
    }
    return image
  }

  /** Lists by key (`ListsImage`): keys below `keys`, offsets ascending within `values`, values strictly ascending below `bound`. */
  private lists(name: string, image: ListsImage, keys: number, bound: number): void {
    const { present, offsets, values } = image
    if (present.length > keys) this.bad(`${name}.present`, `${present.length} keys of ${keys}`)
    this.length(`${name}.offsets`, offsets, present.length + 1)
    if (offsets[0] !== 0 || offsets[present.length] !== values.length)
      this.bad(
        `${name}.offsets`,
        `from ${offsets[0]} to ${offsets[present.length]} over ${values.length} values`,
      )
    for (let key = 0; key < present.length; key++) {
      const from = offsets[key]
      const to = offsets[key + 1]
      if (!Number.isInteger(to) || to < from || present[key] > 1 || (present[key] === 0 && to !== from))
        this.bad(`${name}.offsets`, `key ${key}: ${from} to ${to}, present ${present[key]}`)
      let previous = -1
      for (let at = from; at < to; at++) {
        const value = values[at]
        if (value <= previous || value >= bound)
          this.bad(`${name}.values`, `key ${key}: ${value} after ${previous}, of ${bound}`)
        previous = value
      }
    }
  }
}

/** Earlier versions: records of validated profiles of member ids, at finite times; add times finite; incarnations of member ids, at least 1. */
function checkHistory(path: string, image: SnapshotImage): void {
  const { versions, times, addedIds, addedTimes } = image.history
  const bad: (section: string, problem: string) => never = (section, problem) =>
    invalid(path, section, problem)
  const count = times.length
  if (versions.positions.length !== count || versions.lengths.length !== count)
    bad('history.positions', `${versions.positions.length} positions for ${count} versions`)
  const records = new ProfileCheck(versions.strings)
  for (let i = 0; i < count; i++) {
    if (!Number.isFinite(times[i])) bad('history.times', `version ${i}: ${times[i]}`)
    const position = versions.positions[i]
    const length = versions.lengths[i]
    const bytes = chunkHolding(versions.chunks, position, length)
    if (bytes === undefined) bad('history.positions', `version ${i}: ${length} bytes at ${position}`)
    if (!records.check(bytes, position % CHUNK_SPAN, length, undefined))
      bad('history.bytes', `version ${i}: not a profile's record`)
  }
  if (addedIds.length !== addedTimes.length)
    bad('history.addedTimes', `${addedTimes.length} for ${addedIds.length} ids`)
  for (let i = 0; i < addedTimes.length; i++)
    if (!Number.isFinite(addedTimes[i])) bad('history.addedTimes', `entry ${i}: ${addedTimes[i]}`)
  const { ids, counts } = image.incarnations
  if (ids.length !== counts.length) bad('incarnations.counts', `${counts.length} for ${ids.length} ids`)
  for (let i = 0; i < ids.length; i++)
    if (!isMemberId(ids[i]) || !Number.isSafeInteger(counts[i]) || counts[i] < 1)
      bad('incarnations.counts', `entry ${i}: ${counts[i]} for ${JSON.stringify(ids[i]).slice(0, 80)}`)
}
