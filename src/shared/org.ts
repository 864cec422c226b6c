import type { Label, PostCategory } from './guideline/model'

/**
 * The organisation's vocabulary (RULES.md §3), shared by main, the CLI and the renderer.
 */
export type { PostCategory }

/**
 * 在职状态. Small on purpose: RULES.md §3 only needs who is in post for the year, who takes part
 * without a grade (不定等次) and who has gone. An empty roster cell means `active`.
 */
export const EMPLOYMENT_STATUSES = ['active', 'probation', 'longLeave', 'transferred', 'retired', 'left'] as const
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number]

export const EMPLOYMENT_STATUS_LABELS: Record<EmploymentStatus, Label> = {
  active: { zh: '在职', en: 'active' },
  probation: { zh: '试用期', en: 'probation' },
  longLeave: { zh: '长期病假', en: 'long leave' },
  transferred: { zh: '调离', en: 'transferred' },
  retired: { zh: '退休', en: 'retired' },
  left: { zh: '离职', en: 'left' },
}

/** The statuses of people no longer in the unit; they are expected to have a 离岗日期. */
export const GONE_STATUSES: readonly EmploymentStatus[] = ['transferred', 'retired', 'left']

/** A date as the domain writes it: 'YYYY-MM-DD'. */
export type IsoDate = string
