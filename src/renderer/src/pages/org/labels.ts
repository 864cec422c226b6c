import type { Lang } from '@shared/errors'
import { POST_CATEGORY_LABELS, type PostCategory } from '@shared/guideline/model'
import { EMPLOYMENT_STATUS_LABELS, GONE_STATUSES, type EmploymentStatus } from '@shared/org'

/** 综合管理类 / general-management posts. */
export function categoryLabel(category: PostCategory, lang: Lang): string {
  const label = POST_CATEGORY_LABELS[category][lang]
  return lang === 'en' ? label.charAt(0).toUpperCase() + label.slice(1) : label
}

/** 在职 / 试用期 / … */
export function statusLabel(status: EmploymentStatus, lang: Lang): string {
  const label = EMPLOYMENT_STATUS_LABELS[status][lang]
  return lang === 'en' ? label.charAt(0).toUpperCase() + label.slice(1) : label
}

export function statusColor(status: EmploymentStatus): string {
  if (GONE_STATUSES.includes(status)) return 'gray'
  if (status === 'active') return 'green'
  return 'orange'
}

/** 王芳（A0012）: how a person is named in pickers. */
export function personLabel(p: { name: string; staffNo: string }, lang: Lang): string {
  return lang === 'zh' ? `${p.name}（${p.staffNo}）` : `${p.name} (${p.staffNo})`
}
