import cliProgress from 'cli-progress'

/** Where progress goes: a terminal (`isTTY`) gets a bar; anything else gets nothing. */
export interface ProgressStream extends NodeJS.WritableStream {
  isTTY?: boolean
  columns?: number
}

export interface ProgressOptions {
  /** A load that finishes sooner shows nothing (default 1,000 ms). */
  delayMs?: number
  /** Milliseconds, for the delay; default `performance.now`. */
  now?: () => number
}

/**
 * Progress of one load on stderr: nothing when the stream is not a terminal, nothing for a load
 * that ends within the delay, else a bar (phase, percentage, count, ETA) that is cleared when
 * the load ends, so stderr keeps only what the user must read. `tick` is cheap: call it often.
 */
export class LoadProgress {
  private readonly enabled: boolean
  private readonly delayMs: number
  private readonly now: () => number
  private readonly startedAt: number
  private bar: cliProgress.SingleBar | undefined
  private label = ''
  private total: number | undefined
  private unit: 'records' | 'bytes' = 'records'
  private done = 0
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly stream: ProgressStream | undefined,
    options: ProgressOptions = {},
  ) {
    this.enabled = stream?.isTTY === true
    this.delayMs = options.delayMs ?? 1000
    this.now = options.now ?? (() => performance.now())
    this.startedAt = this.now()
  }

  /** Starts a phase: `total` units of work (records, or bytes), or `undefined` when unknown. */
  phase(label: string, total: number | undefined, unit: 'records' | 'bytes' = 'records'): void {
    if (!this.enabled) return
    this.bar?.stop()
    this.bar = undefined
    this.label = label
    this.total = total
    this.unit = unit
    this.done = 0
    this.show()
  }

  /** `done` units of the current phase are finished. */
  tick(done: number): void {
    if (!this.enabled) return
    this.done = done
    if (this.bar === undefined) this.show()
    else this.bar.update(this.total === undefined ? 0 : done)
  }

  /**
   * Shows the bar once the delay has passed even if nothing ticks (a load that only awaits),
   * until {@link finish}.
   */
  watch(): void {
    if (!this.enabled || this.timer !== undefined) return
    const wait = Math.max(0, this.delayMs - (this.now() - this.startedAt))
    this.timer = setTimeout(() => this.show(true), wait)
    this.timer.unref()
  }

  /** Ends the load: the bar, if any, is cleared. Safe to call more than once. */
  finish(): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = undefined
    this.bar?.stop()
    this.bar = undefined
  }

  private show(force = false): void {
    if (this.bar !== undefined || this.label === '') return
    if (!force && this.now() - this.startedAt < this.delayMs) return
    const known = this.total !== undefined
    const unit = this.unit
    const amount = (value: number) =>
      unit === 'bytes' ? `${(value / 1_048_576).toFixed(1)} MB` : value.toLocaleString('en-US')
    const format = known
      ? `${this.label} [{bar}] {percentage}% {value}/{total} ETA {eta_formatted}`
      : `${this.label} … {duration_formatted}`
    // The bar takes what the words leave of the line: ' [', '] 100% ', '/', ' ETA 10m59s' and a
    // free last column (cli-progress cuts whatever is wider than the terminal).
    const words = this.label.length + 22 + 2 * amount(this.total ?? 0).length
    const barsize = Math.max(10, Math.min(30, (this.stream?.columns || 80) - words))
    this.bar = new cliProgress.SingleBar({
      stream: this.stream,
      format,
      barsize,
      clearOnComplete: true,
      // Neither hides the cursor nor turns off line wrapping (the line is cut to the terminal's
      // width instead): a load stopped by Ctrl-C leaves the terminal as it was.
      hideCursor: false,
      linewrap: true,
      etaBuffer: 50,
      formatValue: (value, _options, type) =>
        type === 'value' || type === 'total' ? amount(value) : String(value),
    })
    this.bar.start(this.total ?? 0, known ? this.done : 0)
  }
}
