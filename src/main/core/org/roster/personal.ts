/**
 * The roster's optional personal columns for the 《公务员年度考核登记表》 (issue 10, 1b): 性别, 出生年月,
 * 政治面貌, 任现职时间. Months are read from text (1988-07, 1988.07, 1988/7, 1988年7月, 198807, a full
 * date) or from an Excel date cell; a number like 1988.1 is refused, since Excel has dropped a zero
 * from 1988.10 or not, and nobody can tell which.
 */
import type { RawCell } from '../../imports/cells'
import { cellText } from '../../imports/cells'
import { SERIAL_MIN, readDate } from '../../imports/normalize'
import type { Named } from '../../imports/issues'

const pad = (n: number) => String(n).padStart(2, '0')

function month(y: number, m: number): string | null {
  return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 ? `${y}-${pad(m)}` : null
}

/** YYYY-MM, or null when the cell is not a month. */
export function readMonth(cell: RawCell): string | null {
  if (cell.kind === 'date') return month(cell.year, cell.month)
  if (cell.kind === 'number') {
    const v = cell.value
    if (Number.isInteger(v) && v >= 190001 && v <= 209912) return month(Math.floor(v / 100), v % 100)
    // A date typed or pasted into the column arrives as its serial day number (or 19880701).
    if (v >= SERIAL_MIN) return readDate(cell)?.slice(0, 7) ?? null
    const [y, frac] = String(v).split('.')
    if (!frac || frac.length > 2 || (frac.length === 1 && frac === '1')) return null
    return month(Number(y), Number(frac))
  }
  const t = cellText(cell).normalize('NFKC').trim().replace(/\s+/g, '')
  let m = /^(\d{4})[-./年](\d{1,2})月?$/.exec(t) ?? /^(\d{4})(\d{2})$/.exec(t)
  if (m) return month(Number(m[1]), Number(m[2]))
  m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/.exec(t)
  if (m) return month(Number(m[1]), Number(m[2]))
  return null
}

/** 男 or 女 (男性, 女性, M, F accepted), or null when it is neither. */
export function readGender(cell: RawCell): '男' | '女' | null {
  const t = cellText(cell).trim().toLowerCase()
  if (['男', '男性', 'm', 'male'].includes(t)) return '男'
  if (['女', '女性', 'f', 'female'].includes(t)) return '女'
  return null
}

export const POLITICAL_MAX = 20

const q = (s: string) => `“${s}”`
const qe = (s: string) => `"${s}"`

export const personalText = {
  badGender: (c: Named, v: string) => ({
    zh: `${c.zh}${q(v)}无效，应为“男”或“女”`,
    en: `${c.en} (${c.zh}) ${qe(v)} is not 男 (male) or 女 (female)`,
  }),
  badMonth: (c: Named, v: string) => ({
    zh: `${c.zh}${q(v)}不是有效年月，应为 1988-07、1988.07、1988年7月 等形式（Excel 中请将该列设为“文本”）`,
    en: `${c.en} (${c.zh}) ${qe(v)} is not a valid year and month; use a form such as 1988-07, 1988.07 or 1988年7月 (format the column as Text in Excel)`,
  }),
  postBeforeBirth: (postSince: string, born: string) => ({
    zh: `任现职时间 ${postSince} 早于出生年月 ${born}`,
    en: `In post since ${postSince} is before the month of birth ${born}`,
  }),
}
