/**
 * `latency.svg`: p50 latency against corpus size, one panel per query class (its full title
 * above it), one line per engine, both axes logarithmic and every panel on the same scales, so
 * that panels compare with each other. Ours is the thick blue line; every peer has its own
 * colour, point shape and legend entry, named with the version that ran.
 *
 * Drawn with Vega-Lite, compiled to Vega and rendered to SVG in Node (`renderer: 'none'`: no
 * browser, no canvas); the spec below is the whole chart.
 */
import * as vega from 'vega'
import { compile, type TopLevelSpec } from 'vega-lite'
import { type EngineName, engineAt, type RunFigures, wasBusy } from './figures.js'
import { sizeLabel } from './format.js'
import { PEERS } from './scenario.js'
import { QUERY_SCENARIOS } from './scenarios.js'
import { textWidth } from './text-width.js'

const ENGINES: readonly EngineName[] = ['ours', ...PEERS]

const STYLE: Record<EngineName, { colour: string; shape: string; dash: number[] }> = {
  ours: { colour: '#1f4e9c', shape: 'circle', dash: [] },
  flexsearch: { colour: '#e08214', shape: 'square', dash: [] },
  orama: { colour: '#1b9e77', shape: 'triangle-up', dash: [] },
  minisearch: { colour: '#c2378f', shape: 'diamond', dash: [] },
  oracle: { colour: '#777777', shape: 'cross', dash: [5, 3] },
}

const FONT = 'DejaVu Sans, Verdana, sans-serif'
const COLUMNS = 3
const PANEL_WIDTH = 220
const PANEL_HEIGHT = 190
const HEADER_FONT_SIZE = 12
const SUBTITLE_FONT_SIZE = 11
/** About the width of the three columns of panels. */
const SUBTITLE_WIDTH = 800

/** Legend names, with the versions that ran. */
export function engineLabel(engine: EngineName, libraries: Record<string, string>): string {
  const v = (name: string) => (libraries[name] === undefined ? '' : ` ${libraries[name]}`)
  switch (engine) {
    case 'ours':
      return 'ours (@people-search/core)'
    case 'flexsearch':
      return `FlexSearch${v('flexsearch')}`
    case 'orama':
      return `Orama${v('@orama/orama')}`
    case 'minisearch':
      return `MiniSearch${v('minisearch')}`
    case 'oracle':
      return 'oracle (@people-search/conformance: a linear scan)'
  }
}

interface TextItem {
  fontSize?: number
  fontWeight?: string | number
}
const { textMetrics } = vega as unknown as {
  textMetrics: { width: (item: TextItem, text: unknown) => number }
}
textMetrics.width = (item, text) =>
  textWidth(
    String(text ?? '').trim(),
    item.fontSize ?? 11,
    item.fontWeight === 'bold' || Number(item.fontWeight) >= 600,
  )

export async function latencyChart(run: RunFigures, source: string): Promise<string> {
  const view = new vega.View(vega.parse(compile(latencySpec(run, source)).spec), { renderer: 'none' })
  const svg = await view.toSVG()
  view.finalize()
  return `${svg}\n`
}

export function latencySpec(run: RunFigures, source: string): TopLevelSpec {
  const sizes = run.sizes.map((s) => s.size)
  const ran = ENGINES.filter((e) => sizes.some((size) => engineAt(run, size, e) !== undefined))
  const labels = ran.map((e) => engineLabel(e, run.libraries))
  const panels = QUERY_SCENARIOS.map((s) =>
    wrap(`${s.id.toUpperCase()} ${s.title}`, PANEL_WIDTH, HEADER_FONT_SIZE, true).join('|'),
  )
  const rows: { panel: string; engine: string; ours: boolean; size: number; p50: number }[] = []
  // Ours last, so that its line is drawn over the peers'.
  for (const engine of [...ran].reverse()) {
    for (const [i, scenario] of QUERY_SCENARIOS.entries()) {
      for (const size of sizes) {
        const q = engineAt(run, size, engine)?.queries[scenario.id]
        if (q === undefined || !(q.latency.p50 > 0)) continue
        const label = engineLabel(engine, run.libraries)
        rows.push({ panel: panels[i], engine: label, ours: engine === 'ours', size, p50: q.latency.p50 })
      }
    }
  }

  const values = rows.map((r) => r.p50)
  const loExp = Math.floor(Math.log10(Math.min(...values)))
  const hiExp = Math.ceil(Math.log10(Math.max(...values)))
  const decades = Array.from({ length: hiExp - loExp + 1 }, (_, i) => 10 ** (loExp + i))
  const minSize = Math.min(...sizes)
  const maxSize = Math.max(...sizes)
  const legend = {
    title: null,
    orient: 'top',
    direction: 'horizontal',
    labelLimit: 0,
    symbolSize: 110,
    offset: 16,
  } as const
  const byEngine = <T>(pick: (e: EngineName) => T) => ({ domain: labels, range: ran.map(pick) })
  const when = `${run.date.slice(0, 16).replace('T', ' ')} UTC`

  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'p50 latency of one search against corpus size, per query class (lower is better)',
      subtitle: [
        `Measured by \`${run.command}\` (${run.mode} run, ${when}, core ${run.core.commit}` +
          `${run.core.dirty.length > 0 ? ' + uncommitted changes' : ''}, ${run.machine.cpu}, ${run.machine.cores} cores).`,
        ...wrap(
          [
            `Drawn by \`pnpm bench:render\` from bench/${source}.`,
            'In each panel: p50 per search (up) against profiles in the index (across), both logarithmic;',
            'all panels on the same scales. The peers answer the closest query they can express, which is often',
            'less work than ours (no network, no privacy, no disjunctive facets; FlexSearch does not count the',
            'matches): see RESULTS.md, "What was compared".',
            wasBusy(run)
              ? 'Other work competed with this run (load above the number of cores): its figures are noisier and slower.'
              : '',
            run.core.changedDuringRun
              ? 'packages/core/dist was rebuilt during this run: its sizes may have measured different code.'
              : '',
          ].join(' '),
          SUBTITLE_WIDTH,
          SUBTITLE_FONT_SIZE,
          false,
        ),
      ],
      anchor: 'start',
      fontSize: 15,
      subtitleFontSize: SUBTITLE_FONT_SIZE,
      subtitleColor: '#444',
      subtitlePadding: 6,
      offset: 14,
    },
    background: 'white',
    padding: 16,
    data: { values: rows },
    facet: {
      field: 'panel',
      type: 'nominal',
      sort: panels,
      title: null,
      header: {
        labelExpr: "split(datum.value, '|')",
        labelFontSize: HEADER_FONT_SIZE,
        labelFontWeight: 'bold',
        labelLimit: 0,
        labelAnchor: 'start',
        labelAlign: 'left',
        labelPadding: 6,
      },
    },
    columns: COLUMNS,
    spacing: { row: 18, column: 18 },
    resolve: { axis: { x: 'independent', y: 'independent' } },
    spec: {
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT,
      encoding: {
        x: {
          field: 'size',
          type: 'quantitative',
          title: null,
          scale: { type: 'log', domain: [minSize / 1.6, maxSize * 1.6], nice: false },
          axis: {
            values: sizes,
            labelExpr: `${sizes.map((s) => `datum.value === ${s} ? '${sizeLabel(s)}' : `).join('')}''`,
            labelFlush: false,
          },
        },
        y: {
          field: 'p50',
          type: 'quantitative',
          title: null,
          scale: { type: 'log', domain: [decades[0], decades[decades.length - 1]], nice: false },
          axis: {
            values: decades,
            labelExpr: `[${decades.map((d) => `'${tick(d)}'`).join(', ')}][round(log(datum.value) / LN10) - (${loExp})]`,
          },
        },
        color: { field: 'engine', type: 'nominal', scale: byEngine((e) => STYLE[e].colour), legend },
        shape: { field: 'engine', type: 'nominal', scale: byEngine((e) => STYLE[e].shape), legend },
        strokeDash: { field: 'engine', type: 'nominal', scale: byEngine((e) => STYLE[e].dash), legend },
      },
      layer: [
        {
          mark: { type: 'line', clip: true },
          encoding: { strokeWidth: { condition: { test: 'datum.ours', value: 3.2 }, value: 1.6 } },
        },
        { mark: { type: 'point', filled: true, size: 48, opacity: 1 } },
      ],
    },
    config: {
      // No ARIA attributes: they would make up most of the file.
      aria: false,
      font: FONT,
      view: { stroke: '#999' },
      axis: { labelFontSize: 10.5, labelColor: '#333', gridColor: '#e6e6e6', grid: true },
      legend: {
        labelFontSize: 12,
        symbolStrokeWidth: 2.4,
        rowPadding: 7,
        columnPadding: 22,
      },
    },
  }
  return spec
}

/** Splits a text into lines no wider than `width` pixels, at spaces. */
function wrap(text: string, width: number, fontSize: number, bold: boolean): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const longer = line === '' ? word : `${line} ${word}`
    if (line !== '' && textWidth(longer, fontSize, bold) > width) {
      lines.push(line)
      line = word
    } else line = longer
  }
  if (line !== '') lines.push(line)
  return lines
}

/** A decade as a short axis label: 100 µs, 1 ms, 10 s. */
function tick(valueMs: number): string {
  if (valueMs < 1) return `${Number((valueMs * 1000).toPrecision(1))} µs`
  if (valueMs < 1000) return `${Number(valueMs.toPrecision(1))} ms`
  return `${Number((valueMs / 1000).toPrecision(1))} s`
}
