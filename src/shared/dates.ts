import type { IsoDate } from './org'

/** The calendar date of a moment on this workstation's clock, as 'YYYY-MM-DD' (local time, not UTC). */
export function localDate(d: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** 'YYYY-MM-DD' → 'YYYY年M月D日', the form Chinese official documents use. */
export function chineseDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number)
  return `${y}年${m}月${d}日`
}
