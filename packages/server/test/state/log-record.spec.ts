import { describe, expect, it } from 'vitest'
import { decodeLine, encodeLine, type LogRecord, readHeader, readRecord } from '../../src/state/log-record.js'

const RECORD: LogRecord = {
  seq: 7,
  at: 1_700_000_000_000,
  op: 'add',
  profiles: [{ id: 'ann', firstName: 'Ann', lastName: 'Lee', headline: 'Zoë, "quoted"\nand on two lines ✓' }],
}

const withoutNewline = (line: Buffer) => line.subarray(0, line.length - 1)

describe('a log line', () => {
  it('is the CRC-32 of its JSON, a space, the JSON and one newline at the very end', () => {
    const line = encodeLine(RECORD)
    const text = line.toString('utf8')
    expect(text).toMatch(/^[0-9a-f]{8} \{"seq":7,"at":1700000000000,"op":"add","profiles":\[.*\]\}\n$/)
    expect(text.indexOf('\n')).toBe(text.length - 1)
    expect(decodeLine(withoutNewline(line))).toEqual({ value: RECORD })
  })

  it('tells every changed byte, anywhere on the line', () => {
    const line = withoutNewline(encodeLine(RECORD))
    for (let at = 0; at < line.length; at++) {
      for (const flip of [0x01, 0x80, 0xff]) {
        const changed = Buffer.from(line)
        changed[at] ^= flip
        expect(decodeLine(changed), `byte ${at} ^ ${flip}`).toHaveProperty('problem')
      }
    }
  })

  it('tells every cut: a line missing any bytes at its end is not whole', () => {
    const line = withoutNewline(encodeLine(RECORD))
    for (let end = 0; end < line.length; end++)
      expect(decodeLine(line.subarray(0, end)), `cut at ${end}`).toHaveProperty('problem')
  })
})

describe('reading a decoded record', () => {
  it('gives back exactly the write, its seq and its time', () => {
    expect(readRecord(RECORD)).toEqual(RECORD)
    const connect = { seq: 1, at: 0, op: 'connect', pairs: [['a', 'b']] }
    expect(readRecord(connect)).toEqual(connect)
  })

  it('refuses what is not a record: no seq, no time, not a write', () => {
    for (const bad of [
      null,
      [],
      { at: 0, op: 'remove', id: 'a' },
      { seq: 0, at: 0, op: 'remove', id: 'a' },
      { seq: 1.5, at: 0, op: 'remove', id: 'a' },
      { seq: 1, op: 'remove', id: 'a' },
      { seq: 1, at: null, op: 'remove', id: 'a' },
      { seq: 1, at: 0, op: 'remove' },
      { seq: 1, at: 0, op: 'connect', pairs: [['a']] },
      { seq: 1, at: 0, op: 'rename', id: 'a' },
    ])
      expect(typeof readRecord(bad), JSON.stringify(bad)).toBe('string')
  })

  it('reads a header of this format and version only', () => {
    expect(readHeader({ format: 'people-search-wal', version: 1, first: 3 })).toEqual({
      format: 'people-search-wal',
      version: 1,
      first: 3,
    })
    for (const bad of [
      { format: 'x', version: 1, first: 1 },
      { format: 'people-search-wal', version: 2, first: 1 },
      { format: 'people-search-wal', version: 1 },
    ])
      expect(typeof readHeader(bad)).toBe('string')
  })
})
