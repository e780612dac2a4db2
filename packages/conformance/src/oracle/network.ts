/**
 * docs/spec.md §1.2 graph and §3.2 network degree: plain sets, recomputed on every question.
 */

export type Degree = 'F' | 'S' | 'A' | 'O'

export class Network {
  /** member → its first-degree connections (kept symmetric: docs/spec.md §1.2 edges are undirected). */
  private readonly edges = new Map<string, Set<string>>()
  /** member → the groups it belongs to. */
  private readonly groups = new Map<string, Set<string>>()

  connect(a: string, b: string): void {
    if (a === b) return // docs/spec.md §8: connect(a, a) does nothing.
    this.neighbours(a).add(b)
    this.neighbours(b).add(a)
  }

  disconnect(a: string, b: string): void {
    this.edges.get(a)?.delete(b)
    this.edges.get(b)?.delete(a)
  }

  join(member: string, group: string): void {
    const mine = this.groups.get(member) ?? new Set<string>()
    mine.add(group)
    this.groups.set(member, mine)
  }

  leave(member: string, group: string): void {
    this.groups.get(member)?.delete(group)
  }

  /** docs/spec.md §1.2: removing a member removes its edges and memberships. */
  forget(member: string): void {
    for (const other of this.edges.get(member) ?? []) this.edges.get(other)?.delete(member)
    this.edges.delete(member)
    this.groups.delete(member)
  }

  connected(a: string, b: string): boolean {
    return this.edges.get(a)?.has(b) ?? false
  }

  /**
   * docs/spec.md §3.2, relative to `viewer`: F = connected to the viewer; S = connected to an F and
   * not F; A = shares a group with the viewer and not F or S; O = everyone else.
   */
  degree(viewer: string, member: string): Degree {
    if (this.connected(viewer, member)) return 'F'
    for (const other of this.edges.get(member) ?? []) {
      if (other !== viewer && this.connected(viewer, other)) return 'S'
    }
    for (const group of this.groups.get(member) ?? []) {
      if (this.groups.get(viewer)?.has(group)) return 'A'
    }
    return 'O'
  }

  private neighbours(member: string): Set<string> {
    let set = this.edges.get(member)
    if (set === undefined) {
      set = new Set<string>()
      this.edges.set(member, set)
    }
    return set
  }
}
