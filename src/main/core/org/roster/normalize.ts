import { isIsoDate, type IsoDate } from '../../calendar'
import { cellText, stripInvisible, type RawCell } from './cells'
import type { EmploymentStatus, PostCategory } from './types'

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
function codeKey(cell: RawCell): string {
  return stripInvisible(cellText(cell)).normalize('NFKC').replace(/\s+/g, '').toLowerCase()
}

const TRUE_WORDS = new Set(['是', 'y', 'yes', '1', 'true', '√', '✓', '✔', '有', '对'])
const FALSE_WORDS = new Set(['否', 'n', 'no', '0', 'false', '×', '✗', '✘', 'x', '无', '不是', '非'])

/** 风险岗位. Blank is "no" (most rosters mark only the risk posts); anything unknown is null. */
export function readBoolean(cell: RawCell): boolean | null {
  if (cell.kind === 'bool') return cell.value
  const k = codeKey(cell)
  if (k === '') return false
  if (TRUE_WORDS.has(k)) return true
  if (FALSE_WORDS.has(k)) return false
  return null
}

const CATEGORY_WORDS: ReadonlyMap<string, PostCategory> = new Map<string, PostCategory>([
  ['综合管理', 'general'],
  ['综合管理类', 'general'],
  ['综合', 'general'],
  ['综合类', 'general'],
  ['general', 'general'],
  ['行政执法', 'enforcement'],
  ['行政执法类', 'enforcement'],
  ['执法', 'enforcement'],
  ['执法类', 'enforcement'],
  ['enforcement', 'enforcement'],
  ['专业技术', 'technical'],
  ['专业技术类', 'technical'],
  ['专技', 'technical'],
  ['专技类', 'technical'],
  ['technical', 'technical'],
])

/** 岗位类别; null for blank or unknown (the caller tells those apart). */
export function readCategory(cell: RawCell): PostCategory | null {
  return CATEGORY_WORDS.get(codeKey(cell)) ?? null
}

export const CATEGORY_LABEL: Readonly<Record<PostCategory, string>> = {
  general: '综合管理类',
  enforcement: '行政执法类',
  technical: '专业技术类',
}

const STATUS_WORDS: ReadonlyMap<string, EmploymentStatus> = new Map<string, EmploymentStatus>([
  ['在职', 'active'],
  ['在岗', 'active'],
  ['正常', 'active'],
  ['active', 'active'],
  ['试用期', 'probation'],
  ['试用', 'probation'],
  ['见习', 'probation'],
  ['新录用', 'probation'],
  ['probation', 'probation'],
  ['长期病假', 'longLeave'],
  ['长病假', 'longLeave'],
  ['病休', 'longLeave'],
  ['长期休假', 'longLeave'],
  ['longleave', 'longLeave'],
  ['调离', 'transferred'],
  ['调出', 'transferred'],
  ['transferred', 'transferred'],
  ['退休', 'retired'],
  ['retired', 'retired'],
  ['离职', 'left'],
  ['辞职', 'left'],
  ['辞退', 'left'],
  ['开除', 'left'],
  ['left', 'left'],
])

export const STATUS_LABEL: Readonly<Record<EmploymentStatus, string>> = {
  active: '在职',
  probation: '试用期',
  longLeave: '长期病假',
  transferred: '调离',
  retired: '退休',
  left: '离职',
}

const STATUS_EN: Readonly<Record<EmploymentStatus, string>> = {
  active: 'active',
  probation: 'probation',
  longLeave: 'long leave',
  transferred: 'transferred',
  retired: 'retired',
  left: 'left',
}

export function statusNamed(s: EmploymentStatus): { zh: string; en: string } {
  return { zh: STATUS_LABEL[s], en: STATUS_EN[s] }
}

/** 在职状态: blank is `active`; unknown is null. */
export function readStatus(cell: RawCell): EmploymentStatus | null {
  const k = codeKey(cell)
  if (k === '') return 'active'
  return STATUS_WORDS.get(k) ?? null
}

/** Dates outside these years are typos (1024, 2204) rather than real join or leave dates. */
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
 * year and month, not a date; nobody on a roster today joined before 1927.
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
