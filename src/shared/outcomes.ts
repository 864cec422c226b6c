import type { IsoDate } from './org'
import type { Label } from './guideline/model'

/** Results application (结果应用, RULES.md §8, issue 10): shapes shared by main, the CLI and the renderer. */

export const FOLLOWUP_KINDS = ['admonitionTalk', 'rectification', 'targetedTraining', 'reassignment', 'followUpAssessment', 'dismissalReview'] as const
export type FollowUpKind = (typeof FOLLOWUP_KINDS)[number]

export const FOLLOWUP_KIND_LABELS: Record<FollowUpKind, Label> = {
  admonitionTalk: { zh: '诫勉谈话', en: 'admonition talk' },
  rectification: { zh: '整改计划', en: 'rectification plan' },
  targetedTraining: { zh: '针对性培训', en: 'targeted training' },
  reassignment: { zh: '调整岗位或待岗培训', en: 'reassignment or standby training' },
  followUpAssessment: { zh: '跟踪考核', en: 'follow-up assessment' },
  dismissalReview: { zh: '辞退或降职建议', en: 'dismissal or demotion recommendation' },
}

/** What other pieces read (interfaces.md). */
export interface FollowUpSummary {
  id: number
  year: number
  kind: string
  label: Label
  ownerName: string | null
  dueOn: IsoDate
  doneOn: IsoDate | null
  note: string | null
}

export type FollowUpStatus = 'open' | 'overdue' | 'done' | 'cancelled'

export interface FollowUpView extends FollowUpSummary {
  kind: FollowUpKind
  personId: number
  staffNo: string
  name: string
  department: string | null
  ownerPersonId: number | null
  ownerRole: 'hr' | null
  earliestOn: IsoDate | null
  status: FollowUpStatus
  /** Whether the signed-in account may mark it done. */
  mayComplete: boolean
}

export interface OutcomeFlags {
  merit: boolean
  dismissal: boolean
  ineligibleNextYear: boolean
  talentPool: boolean
}

export interface BonusRow {
  personId: number
  staffNo: string
  name: string
  department: string | null
  grade: string
  /** Percent of the base; null for 不定等次 (and 待定). */
  percent: number | null
  amountFen: number | null
  /** Why no coefficient applies (不定等次), else null. */
  reason: Label | null
}

export interface BonusTable {
  year: number
  /** Whether the year's grades are final (publicity over): rows only then. */
  final: boolean
  baseFen: number | null
  budgetFen: number | null
  percents: { 优秀: number; 称职: number; 基本称职: number; 不称职: number }
  rows: BonusRow[]
  totalFen: number
  /** budget − total: positive means under budget, negative over; null without a budget. */
  remainingFen: number | null
}

export interface OutcomeListEntry {
  id: number
  list: 'commendation' | 'talentPool'
  year: number
  personId: number
  staffNo: string
  name: string
  department: string | null
  source: 'grade' | 'manual'
  reason: string
  addedAt: string
  removedAt: string | null
  removedReason: string | null
}

export interface FlagRow {
  personId: number
  staffNo: string
  name: string
  department: string | null
  grade: string
  flags: OutcomeFlags
}

export interface OutcomeLists {
  year: number
  commendation: OutcomeListEntry[]
  talentPool: OutcomeListEntry[]
  /** People with a 三等功 or dismissal flag, or not eligible next year. */
  flagged: FlagRow[]
}

export interface GenerateResult {
  year: number
  created: number
  existing: number
  cancelled: number
  listed: number
  rectificationPlans: number
}

/** Fen as yuan with two decimals (no float drift: integer arithmetic). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const a = Math.abs(fen)
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`
}
