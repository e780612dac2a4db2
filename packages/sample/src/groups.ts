import type { Context } from './context.js'
import { Rng } from './prng.js'
import { AliasTable, zipfTable, zipfWeights } from './zipf.js'

export interface SampleGroup {
  /** The group id, `g<k>`. */
  group: string
  /** Member indexes, ascending. */
  members: Uint32Array
}

const MEMBERSHIP_WEIGHTS = [40, 35, 17, 8] // members in 0, 1, 2, 3 groups
const LOCAL_GROUP_SHARE = 0.5

/**
 * About size / 200 groups (at least one) with Zipf sizes (s = 1, q = 3 over the group ranks).
 * Each member joins 0–3 distinct groups (0.93 on average). Half of the groups are local to a
 * region ("Bay Area Java Developers"); half of a member's picks come from its own region's
 * groups, so groups, like connections, cluster by place. Empty groups are left out.
 */
export function groupsFor(ctx: Context): SampleGroup[] {
  const n = ctx.size
  if (n === 0) return []
  const groupCount = Math.max(1, Math.round(n / 200))
  const rng = new Rng(ctx.seed, 0x9e0)
  const regionCount = ctx.locations.regions.length
  // Each group's home region, or none; the local groups of each region, by global rank.
  const local: number[][] = Array.from({ length: regionCount }, () => [])
  for (let g = 0; g < groupCount; g++) {
    if (rng.chance(LOCAL_GROUP_SHARE)) local[ctx.locations.table.sample(rng)].push(g)
  }
  const globalTable = zipfTable(groupCount, 1, 3)
  const localTables = local.map((groups) =>
    groups.length === 0 ? undefined : new AliasTable(zipfWeights(groups.length, 1, 1)),
  )
  const membershipTable = new AliasTable(MEMBERSHIP_WEIGHTS)
  const regions = ctx.regions()

  const memberOf = new Uint32Array(n * 3)
  const groupOf = new Uint32Array(n * 3)
  const sizes = new Uint32Array(groupCount)
  let count = 0
  const picked = [0, 0, 0]
  for (let i = 0; i < n; i++) {
    const k = Math.min(membershipTable.sample(rng), groupCount)
    const own = local[regions[i]]
    const ownTable = localTables[regions[i]]
    let have = 0
    for (let tries = 0; have < k && tries < 12; tries++) {
      const g =
        ownTable !== undefined && rng.chance(0.5) ? own[ownTable.sample(rng)] : globalTable.sample(rng)
      if (have > 0 && (picked[0] === g || (have > 1 && picked[1] === g))) continue
      picked[have++] = g
      memberOf[count] = i
      groupOf[count] = g
      sizes[g]++
      count++
    }
  }
  const starts = new Uint32Array(groupCount + 1)
  for (let g = 0; g < groupCount; g++) starts[g + 1] = starts[g] + sizes[g]
  const all = new Uint32Array(count)
  const fill = starts.slice(0, groupCount)
  for (let m = 0; m < count; m++) all[fill[groupOf[m]]++] = memberOf[m]
  const groups: SampleGroup[] = []
  for (let g = 0; g < groupCount; g++) {
    if (sizes[g] > 0) groups.push({ group: `g${g}`, members: all.slice(starts[g], starts[g + 1]) })
  }
  return groups
}
