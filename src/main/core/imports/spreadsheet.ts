/**
 * Bytes → sheets of placed cells, for .xlsx and .csv alike. The file type is told by its content (a
 * .csv that is really an .xlsx still reads); the name only decides what to call an unreadable file.
 */
import type { SheetRow } from './cells'
import { decodeCsvBytes, detectDelimiter, parseCsv, type CsvDelimiter, type CsvEncoding } from './csv'
import { commonText, type FileKind } from './issues'
import type { ImportLimits, LimitExceeded } from './limits'
import { loadXlsx, looksLikeOle2, looksLikeZip } from './xlsx'
import { checkWorkbookZip } from './zipCheck'

export type SpreadsheetSource =
  | { kind: 'xlsx'; sheet: string }
  | { kind: 'csv'; encoding: CsvEncoding; delimiter: CsvDelimiter }

export interface Sheet {
  /** The tab name; '' for CSV. */
  name: string
  /** Rows that hold at least one cell, up to `lastRow` when given. */
  readRows(lastRow?: number): SheetRow[]
}

export type SpreadsheetRead =
  | { ok: true; sheets: Sheet[]; csv: { encoding: CsvEncoding; delimiter: CsvDelimiter } | null }
  /** Why the file cannot be read, as a complete sentence; `row` is 0 unless a row is to blame. */
  | { ok: false; row: number; zh: string; en: string }
  /** A limit of the policy the file is past: nothing of it was parsed. */
  | { ok: false; exceeded: LimitExceeded }

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase()
}

/**
 * Reads the workbook or the CSV; `kind` names the file in the messages ("upload the roster as…").
 * The limits are checked first: a workbook's zip before ExcelJS loads it, a CSV's records as they
 * are parsed.
 */
export async function readSpreadsheet(bytes: Uint8Array, fileName: string, kind: FileKind, limits: ImportLimits): Promise<SpreadsheetRead> {
  const unreadable = (zh: string, en: string): SpreadsheetRead => ({ ok: false, row: 0, ...commonText.unreadable(kind, zh, en) })
  if (bytes.byteLength > limits.maxFileBytes) return { ok: false, exceeded: { limit: 'maxFileBytes', max: limits.maxFileBytes, found: bytes.byteLength, part: '', row: 0 } }
  const ext = extensionOf(fileName)
  if (looksLikeZip(bytes)) {
    const checked = checkWorkbookZip(bytes, limits)
    if (!checked.ok) {
      if ('exceeded' in checked) return { ok: false, exceeded: checked.exceeded }
      return unreadable(`文件已损坏或不是有效的 Excel 工作簿（${checked.damaged.zh}）`, `the file is damaged or not a valid Excel workbook (${checked.damaged.en})`)
    }
    const loaded = await loadXlsx(bytes)
    if (!loaded.ok) {
      return unreadable(`文件已损坏或不是有效的 Excel 工作簿（${loaded.detail}）`, `the file is damaged or not a valid Excel workbook (${loaded.detail})`)
    }
    return { ok: true, sheets: loaded.sheets, csv: null }
  }
  if (looksLikeOle2(bytes)) {
    return unreadable('这是旧版 .xls 文件或设置了打开密码的工作簿，请在 Excel 中取消密码并“另存为” .xlsx', 'this is an old .xls file or a password-protected workbook; remove the password and "Save As" .xlsx in Excel')
  }
  if (ext === 'xlsx' || ext === 'xlsm' || ext === 'xls') {
    return unreadable(`文件名是 .${ext}，但内容不是 Excel 工作簿`, `the name says .${ext} but the content is not an Excel workbook`)
  }
  if (ext !== 'csv' && ext !== 'txt' && ext !== 'tsv') {
    return unreadable(`不支持的文件类型“.${ext}”`, `unsupported file type ".${ext}"`)
  }
  const decoded = decodeCsvBytes(bytes)
  if (!decoded.ok) {
    if (decoded.reason === 'binary') return unreadable('内容不是文本（可能是改了扩展名的其他文件）', 'the content is not text (perhaps another kind of file renamed)')
    if (decoded.reason === 'noGbk') return unreadable('本程序的运行环境不支持 GBK 编码，请在 Excel 中另存为“CSV UTF-8”', 'this runtime cannot decode GBK; save the file as "CSV UTF-8" in Excel')
    return unreadable('无法识别文件编码（应为 UTF-8 或 GBK）', 'the encoding is neither UTF-8 nor GBK')
  }
  const delimiter = detectDelimiter(decoded.text)
  const parsed = parseCsv(decoded.text, delimiter, limits)
  if (!parsed.ok) {
    if ('exceeded' in parsed) return { ok: false, exceeded: parsed.exceeded }
    return { ok: false, row: parsed.unterminatedQuoteAtRow, ...commonText.unterminatedQuote(parsed.unterminatedQuoteAtRow) }
  }
  const rows = parsed.rows
  return {
    ok: true,
    sheets: [{ name: '', readRows: (last) => (last === undefined ? rows : rows.filter((r) => r.row <= last)) }],
    csv: { encoding: decoded.encoding, delimiter },
  }
}
