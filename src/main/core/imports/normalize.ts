/**
 * Cell values to the app's values, the same way in every import: text cleaned, staff numbers kept as
 * typed, yes/no, dates, numbers and words from a fixed vocabulary. Each reader returns undefined or
 * null rather than throwing, so the caller can place the problem at its row and column.
 */
import { isIsoDate, type IsoDate } from '../calendar'
import { cellText, stripInvisible, type RawCell } from './cells'

/**
 * Full-width digits, Latin letters and the ideographic space (U+3000) to their ASCII forms. Only
 * these: NFKC on a whole department name would also turn '（' into '(', and the department would
 * no longer match the one already in the unit.
 */
export function foldWidth(s: string): string {
  return stripInvisible(s).replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
}

/** Free text (科室, 岗位, 职级): widths folded, whitespace runs collapsed to one space, trimmed. */
export function cleanText(s: string): string {
  return foldWidth(s).replace(/\s+/g, ' ').trim()
}

/**
 * 姓名: Chinese names have no spaces, so a space next to a Chinese character is an input slip
 * ('张 三' aligned by hand) and goes; a Latin-script name keeps its single spaces ('Zhang Wei').
 * The middle dot of minority names ('阿依古丽·买买提') is kept and its look-alikes unified to '·'.
 */
export function cleanName(s: string): string {
  return foldWidth(s)
    .replace(/[\u2022\u2027\u2219\u22C5\u30FB\uFF65\u0387]/g, '\u00B7')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ ?([^\p{ASCII}]) ?/gu, '$1')
}

/** Longest staff number accepted; longer values are almost certainly a different column's content. */
export const STAFF_NO_MAX = 32
const STAFF_NO = /^[0-9A-Za-z][0-9A-Za-z._/-]*$/

/**
 * Excel stores at most 15 significant digits; a longer number in a numeric cell has already lost
 * digits (an 18-digit ID shown as 1.23457E+17).
 */
export const EXCEL_SAFE_DIGITS = 15

export type StaffNoResult =
  | { ok: true; staffNo: string; fromNumber: boolean }
  | { ok: false; reason: 'notInteger' | 'tooManyDigits' | 'badChars' | 'tooLong' }

/**
 * 工号 from a cell. Text is kept as typed (leading zeros included) after NFKC and removing spaces.
 * A numeric cell is converted to its integer text: its leading zeros, if there were any, are gone
 * and cannot be recovered here; the caller flags it. `="00123"` (how some systems export text that
 * Excel must not turn into a number) is unwrapped.
 */
export function readStaffNo(cell: RawCell): StaffNoResult {
  if (cell.kind === 'number') {
    if (!Number.isInteger(cell.value) || cell.value < 0) return { ok: false, reason: 'notInteger' }
    const text = cellText(cell)
    if (text.length > EXCEL_SAFE_DIGITS) return { ok: false, reason: 'tooManyDigits' }
    return { ok: true, staffNo: text, fromNumber: true }
  }
  let text = stripInvisible(cellText(cell)).normalize('NFKC').replace(/\s+/g, '')
  const wrapped = /^="(.*)"$/.exec(text)
  if (wrapped) text = wrapped[1] ?? ''
  if (text.length > STAFF_NO_MAX) return { ok: false, reason: 'tooLong' }
  if (!STAFF_NO.test(text)) return { ok: false, reason: 'badChars' }
  return { ok: true, staffNo: text, fromNumber: false }
}

/** Comparable form of a code-like cell (是/否, 类别, 状态): NFKC, no spaces, lower case. */
export function codeKey(cell: RawCell): string {
  return stripInvisible(cellText(cell)).normalize('NFKC').replace(/\s+/g, '').toLowerCase()
}

/**
 * A word from a fixed vocabulary (keys already in codeKey form); null for blank or unknown, which
 * the caller tells apart because blank may have a default and unknown is an error.
 */
export function readCode<T>(cell: RawCell, words: ReadonlyMap<string, T>): T | null {
  return words.get(codeKey(cell)) ?? null
}

const TRUE_WORDS = new Set(['是', 'y', 'yes', '1', 'true', '√', '✓', '✔', '有', '对'])
const FALSE_WORDS = new Set(['否', 'n', 'no', '0', 'false', '×', '✗', '✘', 'x', '无', '不是', '非'])

/** Yes/no (风险岗位). Blank is "no" (such columns usually mark only the yes rows); anything unknown is null. */
export function readBoolean(cell: RawCell): boolean | null {
  if (cell.kind === 'bool') return cell.value
  const k = codeKey(cell)
  if (k === '') return false
  if (TRUE_WORDS.has(k)) return true
  if (FALSE_WORDS.has(k)) return false
  return null
}

/** Dates outside these years are typos (1024, 2204) rather than real dates of anything imported. */
export const DATE_MIN_YEAR = 1900
export const DATE_MAX_YEAR = 2100

function iso(y: number, m: number, d: number): IsoDate | null {
  if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR) return null
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  return isIsoDate(s) ? s : null
}

/**
 * Excel serial day numbers are accepted from 10000 (1927-05-18) on. Smaller numbers are what
 * Excel makes of a typed '2015.07' (the number 2015.07, i.e. serial 2015 = 1905), which is a
 * year and month, not a date; no person, punch or rating imported today is dated before 1927.
 */
export const SERIAL_MIN = 10_000

/** An Excel serial day number; from 1900-03-01 on the epoch is 1899-12-30 (Excel counts a 1900-02-29). */
function fromSerial(serial: number): IsoDate | null {
  const days = Math.floor(serial)
  if (days < SERIAL_MIN) return null
  const d = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000)
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

const YMD_SEPARATED = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/
const YMD_CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/
const YMD_COMPACT = /^(\d{4})(\d{2})(\d{2})$/
const SERIAL = /^\d{5}(?:\.\d+)?$/

/**
 * A date cell to 'YYYY-MM-DD'; undefined for blank, null for anything that is not a real date.
 * Accepts Excel date cells, Excel serial numbers (numeric or as text, as CSV exports of date cells
 * sometimes carry), 2024-03-01, 2024/3/1, 2024.3.1 (with or without a time), 2024年3月1日 and
 * 20240301. Month-only values ('2015.07') are refused: the day matters for mid-year rules.
 */
export function readDate(cell: RawCell): IsoDate | null | undefined {
  switch (cell.kind) {
    case 'empty':
      return undefined
    case 'date':
      return iso(cell.year, cell.month, cell.day)
    case 'number': {
      const n = cell.value
      if (Number.isInteger(n) && n >= 10_000_000) return compact(String(n))
      return n > 0 ? fromSerial(n) : null
    }
    case 'bool':
    case 'error':
      return null
    case 'text': {
      const t = stripInvisible(cell.text).normalize('NFKC').trim().replace(/\s*([-/.年月日])\s*/g, '$1')
      if (t === '') return undefined
      let m = YMD_SEPARATED.exec(t) ?? YMD_CHINESE.exec(t)
      if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]))
      m = YMD_COMPACT.exec(t)
      if (m) return compact(t)
      if (SERIAL.test(t)) return fromSerial(Number(t))
      return null
    }
  }
}

function compact(t: string): IsoDate | null {
  const m = YMD_COMPACT.exec(t)
  return m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : null
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/

/**
 * A number cell, or text holding one ('8', '7.5', '８．５', ' 8 '), optionally followed by one of
 * `units` ('8小时', '8h'): machine exports write the unit into the cell more often than not.
 * Undefined for blank, null for anything else (thousands separators included: none of the
 * quantities imported reaches a thousand, so '1,5' is a typo, not 15).
 */
export function readNumber(cell: RawCell, units: readonly string[] = []): number | null | undefined {
  switch (cell.kind) {
    case 'empty':
      return undefined
    case 'number':
      return cell.value
    case 'text': {
      let t = stripInvisible(cell.text).normalize('NFKC').replace(/\s+/g, '').toLowerCase()
      if (t === '') return undefined
      const unit = units.find((u) => t.endsWith(u.normalize('NFKC').toLowerCase()))
      if (unit !== undefined) t = t.slice(0, t.length - unit.normalize('NFKC').length)
      if (!NUMBER.test(t)) return null
      const n = Number(t)
      return Number.isFinite(n) ? n : null
    }
    default:
      return null
  }
}
