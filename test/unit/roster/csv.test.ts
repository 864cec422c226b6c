import { describe, expect, it } from 'vitest'
import { decodeCsvBytes, detectDelimiter, parseCsv } from '../../../src/main/core/imports/csv'
import { cellText } from '../../../src/main/core/imports/cells'

const grid = (text: string, delimiter: ',' | '\t' | ';' = ',') => {
  const r = parseCsv(text, delimiter)
  if (!r.ok) throw new Error(`not parsed: ${JSON.stringify(r)}`)
  return r.rows.map((row) => [row.row, row.cells.map(cellText)])
}

describe('RFC 4180 parsing', () => {
  it('splits fields and records, CRLF, LF and CR alike', () => {
    expect(grid('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      [1, ['a', 'b']],
      [2, ['c', 'd']],
      [3, ['e', 'f']],
      [4, ['g', 'h']],
    ])
  })

  it('handles quoted delimiters, doubled quotes and line breaks inside quotes, keeping record numbers', () => {
    expect(grid('"a,1","say ""hi"""\r\n"line1\r\nline2",x\r\nlast,"")')).toEqual([
      [1, ['a,1', 'say "hi"']],
      [2, ['line1\r\nline2', 'x']],
      [3, ['last', ')']],
    ])
  })

  it('keeps empty fields, drops blank records but counts them', () => {
    expect(grid('a,,c\r\n\r\n,,\r\nd,e,\r\n')).toEqual([
      [1, ['a', '', 'c']],
      [4, ['d', 'e', '']],
    ])
  })

  it('is lenient where Excel is: a quote inside an unquoted field is literal', () => {
    expect(grid('5" floppy,="00123"')).toEqual([[1, ['5" floppy', '="00123"']]])
  })

  it('reports an unterminated quote with the row it opened in', () => {
    expect(parseCsv('a,b\r\nc,"open\r\nnever closed', ',')).toEqual({ ok: false, unterminatedQuoteAtRow: 2 })
  })

  it('no trailing newline: the last record still counts', () => {
    expect(grid('a,b')).toEqual([[1, ['a', 'b']]])
  })

  it('detects tab and semicolon delimiters from the first line', () => {
    expect(detectDelimiter('工号\t姓名\t科室\r\n1,2\t3')).toBe('\t')
    expect(detectDelimiter('工号;姓名;科室')).toBe(';')
    expect(detectDelimiter('"a;b",c,d')).toBe(',')
    expect(detectDelimiter('\r\n\r\n工号,姓名')).toBe(',')
  })
})

describe('decoding', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s)
  it('BOM → UTF-8 without the BOM', () => {
    expect(decodeCsvBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('工号')]))).toEqual({ ok: true, text: '工号', encoding: 'utf-8-bom' })
  })
  it('valid UTF-8 without BOM → UTF-8', () => {
    expect(decodeCsvBytes(utf8('工号,姓名'))).toEqual({ ok: true, text: '工号,姓名', encoding: 'utf-8' })
  })
  it('otherwise GBK (工号 = B9 A4 BA C5)', () => {
    expect(decodeCsvBytes(Uint8Array.from([0xb9, 0xa4, 0xba, 0xc5, 0x2c, 0x31]))).toEqual({ ok: true, text: '工号,1', encoding: 'gbk' })
  })
  it('UTF-16 LE with BOM (Excel "Unicode 文本")', () => {
    const body = Buffer.from('工号\t姓名', 'utf16le')
    expect(decodeCsvBytes(Uint8Array.from([0xff, 0xfe, ...body]))).toEqual({ ok: true, text: '工号\t姓名', encoding: 'utf-16' })
  })
  it('binary content is refused', () => {
    expect(decodeCsvBytes(Uint8Array.from([0x41, 0x00, 0x42]))).toEqual({ ok: false, reason: 'binary' })
  })
  it('bytes that are neither UTF-8 nor GBK are refused', () => {
    expect(decodeCsvBytes(Uint8Array.from([0x41, 0xff, 0xff, 0x42]))).toEqual({ ok: false, reason: 'undecodable' })
    expect(decodeCsvBytes(Uint8Array.from([0x41, 0xb9, 0x20]))).toEqual({ ok: false, reason: 'undecodable' })
  })
})
