import { METHOD_NAMES } from '@shared/api/methodNames'
import type { Lang } from '@shared/errors'
import { formatQuarter } from '../format'

/**
 * The audit viewer in people's words: what an action code and a target are called, and which codes
 * a search by those names means. Besides the API methods, the log holds events main writes itself.
 */
export const AUDIT_EVENTS = [
  'auth.loginFailed',
  'auth.accountLocked',
  'auth.recoveryFailed',
  'auth.recoveryLocked',
  'backup.restored',
  'backupSigningKey.created',
  'backupSigningKey.handover',
  'tierKey.handover',
  'tierKey.recoveryCodeIssued',
  'audit.anchorMismatch',
  'audit.chainKeyed',
  'demo.build',
] as const

type Translate = (key: string, options?: Record<string, string | number | undefined>) => string
interface I18nLike {
  exists: (key: string) => boolean
}

/** 登录, 新增用户 … for a logged action; null when it has no name (shown as logged). */
export function auditActionLabel(action: string, t: Translate, i18n: I18nLike): string | null {
  if (!/^[a-zA-Z]+(\.[A-Za-z0-9]+)+$/.test(action)) return null
  for (const key of [`methods.${action}`, `audit.events.${action}`]) if (i18n.exists(key)) return t(key)
  return null
}

/**
 * The action codes a search means. A code (users.add, auth.) keeps matching by prefix; words
 * (登录, 备份) match every action whose name contains them. `prefix` for a code, else the codes.
 */
export function auditActionSearch(text: string, t: Translate, i18n: I18nLike): { prefix: string } | { codes: string[] } {
  const q = text.trim()
  if (/^[a-zA-Z][a-zA-Z0-9.]*$/.test(q)) return { prefix: q }
  const needle = q.toLowerCase()
  const codes = [...METHOD_NAMES, ...AUDIT_EVENTS].filter((code) => {
    const label = auditActionLabel(code, t, i18n)
    return label !== null && label.toLowerCase().includes(needle)
  })
  return { codes }
}

/**
 * guideline:2027:draft → 2027年度考核细则（草稿）, user:12 → 账户（编号 12）, quarter:2026Q1 →
 * 2026年第一季度; a target the viewer does not know is shown as logged.
 */
export function auditTargetLabel(target: string, t: Translate, i18n: I18nLike, lang: Lang): string {
  const guideline = /^guideline:(\d{4}):(draft|v(\d+))$/.exec(target)
  if (guideline) {
    return guideline[2] === 'draft'
      ? t('audit.target.guidelineDraft', { year: guideline[1] })
      : t('audit.target.guidelineVersion', { year: guideline[1], version: guideline[3] })
  }
  const quarter = /^quarter:(\d{4})Q([1-4])$/.exec(target)
  if (quarter) return formatQuarter(Number(quarter[1]), Number(quarter[2]), lang)
  const calendar = /^calendar:(\d{4})$/.exec(target)
  if (calendar) return t('audit.target.calendar', { year: calendar[1] })
  const numbered = /^([a-zA-Z]+):(\d+)$/.exec(target)
  if (numbered && i18n.exists(`audit.target.kind.${numbered[1]}`)) {
    return t('audit.target.numbered', { kind: t(`audit.target.kind.${numbered[1]}`), id: numbered[2] })
  }
  if (/^[a-zA-Z0-9]+$/.test(target) && i18n.exists(`audit.target.kind.${target}`)) return t(`audit.target.kind.${target}`)
  return target
}

/** A day range picked in local time, as the instants the log is searched between (to excluded). */
export function dayRangeInstants(from: string | null, to: string | null): { from?: string; to?: string } {
  const instant = (day: string, plus: number) => {
    const [y, m, d] = day.split('-').map(Number)
    return new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + plus).toISOString()
  }
  return { ...(from ? { from: instant(from, 0) } : {}), ...(to ? { to: instant(to, 1) } : {}) }
}
