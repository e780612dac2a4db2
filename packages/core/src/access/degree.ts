/**
 * A member's degree relative to the viewer (docs/spec.md §3.2): F first, S second, A a fellow
 * group member, O out of network. It decides what the viewer may see and how a link is typed.
 */
export type Degree = 'F' | 'S' | 'A' | 'O'
