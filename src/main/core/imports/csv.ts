/**
 * CSV for every import: decoding and an RFC 4180 parser. Hand-written because both halves are small and
 * the parts that matter here are not what CSV libraries are built around: Chinese Excel's
 * "CSV (逗号分隔)" is GBK with no marker, "CSV UTF-8" has a BOM, "Unicode 文本" is tab-separated
 * UTF-16; and an unterminated quote must become a located error, not a silently merged row.
 */
import type { SheetRow } from './cells'
import { DEFAULT_IMPORT_LIMITS, type ImportLimits, type LimitExceeded } from './limits'

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16' | 'gbk'

export type DecodeResult =
  | { ok: true; text: string; encoding: CsvEncoding }
  | { ok: false; reason: 'binary' | 'undecodable' | 'noGbk' }

/**
 * BOM → UTF-8 (or UTF-16); valid UTF-8 → UTF-8; otherwise GBK. Valid UTF-8 is tried before GBK
 * because the converse test is useless: almost any byte string decodes as GBK. A GBK file that
 * happens to be valid UTF-8 needs a run of very particular byte pairs, which whole files of Chinese
 * names and dates do not produce.
 *
 * GBK uses the WHATWG decoder behind TextDecoder('gbk') (really GB18030, a superset). It needs
 * full ICU, which Node's official builds and Electron both have; a small-ICU build throws, which is
 * reported as 'noGbk' rather than crashing the import.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return utf8(bytes.subarray(3), 'utf-8-bom')
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2))
    return text.includes('\0') ? { ok: false, reason: 'binary' } : { ok: true, text, encoding: 'utf-16' }
  }
  // NUL never occurs in a text export; it does in .xls, images and every other binary format.
  if (bytes.includes(0)) return { ok: false, reason: 'binary' }
  const asUtf8 = utf8(bytes, 'utf-8')
  if (asUtf8.ok) return asUtf8
  let gbk: InstanceType<typeof TextDecoder>
  try {
    gbk = new TextDecoder('gbk', { fatal: true })
  } catch {
    return { ok: false, reason: 'noGbk' }
  }
  // 0xFF is no byte of GBK (nor of GB18030), yet Node's ICU decoder skips it silently even when fatal.
  if (bytes.includes(0xff)) return { ok: false, reason: 'undecodable' }
  try {
    return { ok: true, text: gbk.decode(bytes), encoding: 'gbk' }
  } catch {
    return { ok: false, reason: 'undecodable' }
  }
}

function utf8(bytes: Uint8Array, encoding: 'utf-8' | 'utf-8-bom'): DecodeResult {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding }
  } catch {
    return { ok: false, reason: 'undecodable' }
  }
}

export type CsvDelimiter = ',' | '\t' | ';'

/**
 * The delimiter of the first non-blank line, counted outside quotes: tab for Excel's "Unicode 文本",
 * semicolon for exports from European-locale tools, comma otherwise.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ',': 0, '\t': 0, ';': 0 }
  let inQuotes = false
  let seenContent = false
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (seenContent) break
    } else if (!inQuotes && (ch === ',' || ch === '\t' || ch === ';')) counts[ch]++
    else if (ch.trim() !== '') seenContent = true
  }
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t'
  if (counts[';'] > counts[',']) return ';'
  return ','
}

export type CsvParse =
  | { ok: true; rows: SheetRow[] }
  | { ok: false; unterminatedQuoteAtRow: number }
  | { ok: false; exceeded: LimitExceeded }

/**
 * RFC 4180: fields separated by the delimiter, records by CRLF (LF and lone CR accepted too);
 * a quoted field may hold delimiters, line breaks and doubled quotes. Lenient where Excel is: a
 * quote inside an unquoted field is literal, text after a closing quote is appended. Row numbers
 * count records, so a quoted line break does not shift them (Excel shows such a record as one row).
 * Only non-blank records are returned. The policy's limits on rows (records, blank ones too), cells
 * and one cell's characters stop the parse at the first record past them, before the field grows.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter, limits: Pick<ImportLimits, 'maxRows' | 'maxCells' | 'maxCellChars'> = DEFAULT_IMPORT_LIMITS): CsvParse {
  const rows: SheetRow[] = []
  let record: string[] = []
  let field = ''
  let rowNo = 1
  let cells = 0
  let i = 0
  const n = text.length
  const over = (limit: LimitExceeded['limit'], max: number, found: number): CsvParse => ({ ok: false, exceeded: { limit, max, found, part: '', row: rowNo } })
  const endField = () => {
    record.push(field)
    field = ''
    cells++
  }
  const endRecord = () => {
    endField()
    if (record.some((f) => f.trim() !== '')) {
      rows.push({ row: rowNo, cells: record.map((t) => (t === '' ? { kind: 'empty' } : { kind: 'text', text: t })) })
    }
    record = []
    rowNo++
  }
  /** The first limit the record being read is past, if any. */
  const exceeded = (): CsvParse | null => {
    if (field.length > limits.maxCellChars) return over('maxCellChars', limits.maxCellChars, field.length)
    if (cells > limits.maxCells) return over('maxCells', limits.maxCells, cells)
    if (rowNo > limits.maxRows) return over('maxRows', limits.maxRows, rowNo)
    return null
  }
  while (i < n) {
    const past = exceeded()
    if (past) return past
    const ch = text[i]
    if (ch === '"' && field === '') {
      // Quoted field: runs to the next quote that is not doubled.
      const startRow = rowNo
      i++
      for (;;) {
        if (i >= n) return { ok: false, unterminatedQuoteAtRow: startRow }
        const c = text[i]
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          i++
          break
        }
        field += c
        i++
        if (field.length > limits.maxCellChars) return over('maxCellChars', limits.maxCellChars, field.length)
      }
      // Anything up to the next delimiter or line end is kept (lenient, like Excel).
      while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') field += text[i++]
      continue
    }
    if (ch === delimiter) {
      endField()
      i++
    } else if (ch === '\r' || ch === '\n') {
      endRecord()
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
    } else {
      field += ch
      i++
    }
  }
  if (field.length > limits.maxCellChars) return over('maxCellChars', limits.maxCellChars, field.length)
  if (field !== '' || record.length > 0) endRecord()
  if (cells > limits.maxCells) return { ok: false, exceeded: { limit: 'maxCells', max: limits.maxCells, found: cells, part: '', row: rowNo - 1 } }
  return { ok: true, rows }
}
