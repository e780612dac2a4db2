/** Number formats and names shared by the reports and the chart. */
import type { Latency } from './measure.js'
import type { PeerName } from './scenario.js'

/** Milliseconds, 3 significant figures; below 0.01 ms in microseconds. */
export function ms(value: number): string {
  if (value < 0.01) return `${(value * 1000).toFixed(2)} µs`
  if (value < 1) return `${value.toFixed(3)} ms`
  if (value < 10) return `${value.toFixed(2)} ms`
  if (value < 100) return `${value.toFixed(1)} ms`
  return `${Math.round(value).toLocaleString('en-US')} ms`
}

export function seconds(valueMs: number): string {
  return `${(valueMs / 1000).toFixed(valueMs < 10_000 ? 2 : 1)} s`
}

/** How many times faster we are: peer ÷ ours. */
export function speedup(ours: number, peer: number): string {
  if (!(ours > 0) || !(peer > 0)) return '—'
  const r = peer / ours
  return `${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toPrecision(2)}×`
}

export function bytes(value: number): string {
  if (Math.abs(value) < 1024) return `${Math.round(value)} B`
  return `${(value / 1024).toFixed(2)} KB`
}

/** 10000 → 10k, 1000000 → 1M. */
export function sizeLabel(size: number): string {
  if (size >= 1_000_000 && size % 1_000_000 === 0) return `${size / 1_000_000}M`
  if (size >= 1000 && size % 1000 === 0) return `${size / 1000}k`
  return String(size)
}

/** Short table titles, with the major.minor version that ran: `FlexSearch 0.8`. */
export function peerTitles(libraries: Record<string, string>): Record<PeerName, string> {
  const v = (name: string) => {
    const version = libraries[name]
    return version === undefined || version === '?' ? '' : ` ${version.split('.').slice(0, 2).join('.')}`
  }
  return {
    flexsearch: `FlexSearch${v('flexsearch')}`,
    orama: `Orama${v('@orama/orama')}`,
    minisearch: `MiniSearch${v('minisearch')}`,
    oracle: 'oracle',
  }
}

/** Half the range of the round p50s, relative to the p50: `±4%`; `—` with a single round. */
export function spreadLabel(latency: Latency): string {
  const r = latency.rounds
  if (r.length < 2 || !(latency.p50 > 0)) return '—'
  return `±${((50 * (Math.max(...r) - Math.min(...r))) / latency.p50).toFixed(0)}%`
}
