/**
 * `latency.svg`: our p50 latency against corpus size, one line per query class, both axes
 * logarithmic, written by hand from the measured figures. The peers' p50, where measured, are
 * drawn as small grey marks in the same column for scale.
 */
import type { EngineName, RunFigures } from './figures.js'
import { sizeLabel } from './format.js'
import { QUERY_SCENARIOS } from './scenarios.js'

const WIDTH = 960
const HEIGHT = 440
const LEFT = 80
const RIGHT = 380
const TOP = 40
const BOTTOM = 50
const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2']
const PEER_MARKS: Partial<Record<EngineName, string>> = {
  flexsearch: 'F',
  orama: 'O',
  minisearch: 'M',
}

export function latencyChart(run: RunFigures): string {
  const sizes = run.sizes.map((s) => s.size)
  const ours = (size: number, id: string) =>
    run.sizes.find((s) => s.size === size)?.engines.find((e) => e.engine === 'ours')?.queries[id]?.latency.p50
  const values: number[] = []
  for (const s of run.sizes) {
    for (const e of s.engines) {
      if (e.engine !== 'ours' && PEER_MARKS[e.engine] === undefined) continue
      for (const q of Object.values(e.queries)) values.push(q.latency.p50)
    }
  }
  const positive = values.filter((v) => v > 0)
  const lo = 10 ** Math.floor(Math.log10(Math.min(...positive, 0.1)))
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...positive, 1)))
  const minSize = Math.min(...sizes)
  const maxSize = Math.max(...sizes)
  const plotW = WIDTH - LEFT - RIGHT
  const plotH = HEIGHT - TOP - BOTTOM
  const x = (size: number) =>
    maxSize === minSize
      ? LEFT + plotW / 2
      : LEFT +
        ((Math.log10(size) - Math.log10(minSize)) / (Math.log10(maxSize) - Math.log10(minSize))) * plotW
  const y = (value: number) =>
    TOP +
    plotH -
    ((Math.log10(Math.max(value, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * plotH

  const out: string[] = []
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${LEFT}" y="22" font-size="14" font-weight="bold">p50 latency against corpus size (${run.mode} run, ${run.date.slice(0, 10)})</text>`,
  )
  for (let decade = lo; decade <= hi * 1.0001; decade *= 10) {
    const yy = y(decade).toFixed(1)
    out.push(
      `<line x1="${LEFT}" x2="${LEFT + plotW}" y1="${yy}" y2="${yy}" stroke="#ddd"/>`,
      `<text x="${LEFT - 6}" y="${yy}" text-anchor="end" dominant-baseline="middle">${tick(decade)}</text>`,
    )
  }
  for (const size of sizes) {
    const xx = x(size).toFixed(1)
    out.push(
      `<line x1="${xx}" x2="${xx}" y1="${TOP}" y2="${TOP + plotH}" stroke="#ddd"/>`,
      `<text x="${xx}" y="${TOP + plotH + 18}" text-anchor="middle">${sizeLabel(size)}</text>`,
    )
  }
  out.push(
    `<rect x="${LEFT}" y="${TOP}" width="${plotW}" height="${plotH}" fill="none" stroke="#888"/>`,
    `<text x="${LEFT + plotW / 2}" y="${HEIGHT - 10}" text-anchor="middle">profiles in the index (log scale)</text>`,
    `<text transform="translate(18 ${TOP + plotH / 2}) rotate(-90)" text-anchor="middle">p50 per search (log scale)</text>`,
  )
  // Peers: grey letters, offset a little to the right of the column.
  for (const s of run.sizes) {
    for (const e of s.engines) {
      const mark = PEER_MARKS[e.engine]
      if (mark === undefined) continue
      for (const q of Object.values(e.queries)) {
        out.push(
          `<text x="${(x(s.size) + 8).toFixed(1)}" y="${y(q.latency.p50).toFixed(1)}" fill="#aaa" font-size="9" dominant-baseline="middle">${mark}</text>`,
        )
      }
    }
  }
  QUERY_SCENARIOS.forEach((scenario, i) => {
    const colour = COLOURS[i % COLOURS.length]
    const points = sizes
      .map((size) => [size, ours(size, scenario.id)] as const)
      .filter((p): p is readonly [number, number] => p[1] !== undefined)
    if (points.length > 1) {
      const path = points.map(([size, v]) => `${x(size).toFixed(1)},${y(v).toFixed(1)}`).join(' ')
      out.push(`<polyline points="${path}" fill="none" stroke="${colour}" stroke-width="2"/>`)
    }
    for (const [size, v] of points) {
      out.push(`<circle cx="${x(size).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3.5" fill="${colour}"/>`)
    }
    const ly = TOP + 10 + i * 20
    out.push(
      `<line x1="${LEFT + plotW + 16}" x2="${LEFT + plotW + 36}" y1="${ly}" y2="${ly}" stroke="${colour}" stroke-width="2"/>`,
      `<text x="${LEFT + plotW + 42}" y="${ly}" dominant-baseline="middle">${scenario.id.toUpperCase()} ${escapeXml(short(scenario.title))}</text>`,
    )
  })
  const noteY = TOP + 10 + QUERY_SCENARIOS.length * 20 + 10
  out.push(
    `<text x="${LEFT + plotW + 16}" y="${noteY}" fill="#888" font-size="11">grey letters: the p50 of FlexSearch (F), Orama (O)</text>`,
    `<text x="${LEFT + plotW + 16}" y="${noteY + 15}" fill="#888" font-size="11">and MiniSearch (M) for each class, where they ran</text>`,
    '</svg>',
  )
  return `${out.join('\n')}\n`
}

function short(title: string): string {
  return title.length > 40 ? `${title.slice(0, 39)}…` : title
}

/** A decade as a short axis label: 100 µs, 1 ms, 10 s. */
function tick(valueMs: number): string {
  if (valueMs < 1) return `${Number((valueMs * 1000).toPrecision(1))} µs`
  if (valueMs < 1000) return `${Number(valueMs.toPrecision(1))} ms`
  return `${Number((valueMs / 1000).toPrecision(1))} s`
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
