import type { Lang } from '@shared/errors'

const pad = (n: number): string => String(n).padStart(2, '0')

function parse(iso: string): Date | null {
  // A bare date (2026-01-05) is a calendar day, not UTC midnight: read it in local time.
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (day) return new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]))
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? null : d
}

/** `2025年3月7日` in Chinese, `2025-03-07` in English (local time). */
export function formatDate(iso: string | Date, lang: Lang): string {
  const d = typeof iso === 'string' ? parse(iso) : iso
  if (!d) return String(iso)
  const y = d.getFullYear()
  const m = d.getMonth() + 1
  const day = d.getDate()
  return lang === 'zh' ? `${y}年${m}月${day}日` : `${y}-${pad(m)}-${pad(day)}`
}

/** `2025年3月7日 09:05` in Chinese, `2025-03-07 09:05` in English (local time). */
export function formatDateTime(iso: string | Date, lang: Lang): string {
  const d = typeof iso === 'string' ? parse(iso) : iso
  if (!d) return String(iso)
  return `${formatDate(d, lang)} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

const ZH_NUMERALS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** 2026年第一季度 in Chinese, 2026 Q1 in English. */
/** A quarter on its own: 第一季度 in Chinese, Q1 in English. */
export function quarterName(quarter: number, lang: Lang): string {
  return lang === 'zh' ? `第${ZH_NUMERALS[quarter] ?? quarter}季度` : `Q${quarter}`
}

export function formatQuarter(year: number, quarter: number, lang: Lang): string {
  return lang === 'zh' ? `${year}年第${ZH_NUMERALS[quarter] ?? quarter}季度` : `${year} Q${quarter}`
}

/**
 * A policy version for people: the shipped `default-2026` is 默认（2026年版）; an imported
 * version keeps the name the unit gave it.
 */
export function formatPolicyVersion(version: string, lang: Lang): string {
  const shipped = /^default-(\d{4})$/.exec(version)
  if (!shipped) return version
  return lang === 'zh' ? `默认（${shipped[1]}年版）` : `Default (${shipped[1]})`
}

/** `2025年3月7日 09:05:12`: the audit log's time, to the second. */
export function formatDateTimeSeconds(iso: string | Date, lang: Lang): string {
  const d = typeof iso === 'string' ? parse(iso) : iso
  if (!d) return String(iso)
  return `${formatDateTime(d, lang)}:${pad(d.getSeconds())}`
}

/** 1.2 MB, 640 KB, 12 B. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`
}

/** Today as YYYY-MM-DD in local time. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** 星期一 … 星期日 / Mon … Sun for a YYYY-MM-DD day. */
export function weekdayName(iso: string, lang: Lang): string {
  const d = parse(iso)
  if (!d) return ''
  const zh = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  const en = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
  return (lang === 'zh' ? zh : en)[d.getDay()] ?? ''
}

/** A weight or score with at most two decimals, without trailing zeros: 40, 12.5, 33.33. */
export function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100)
}
