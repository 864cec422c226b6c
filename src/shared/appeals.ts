import type { Label } from './guideline/model'
import type { IsoDate } from './org'

/** Appeals (申诉, RULES.md §7), as the API returns them. */
export const APPEAL_ROUTES = ['internal', 'review', 'statutory'] as const
export type AppealRoute = (typeof APPEAL_ROUTES)[number]
export const APPEAL_STATUSES = ['pending', 'upheld', 'refused', 'withdrawn'] as const
export type AppealStatus = (typeof APPEAL_STATUSES)[number]
export const APPEAL_GRADES = ['优秀', '称职', '基本称职', '不称职'] as const
export type AppealGrade = (typeof APPEAL_GRADES)[number]
/** The text of an appeal or an answer, in characters. */
export const APPEAL_TEXT_MAX = 8000

export const ROUTE_LABELS: Record<AppealRoute, Label> = {
  internal: { zh: '申诉（领导小组）', en: 'appeal to the leadership group' },
  review: { zh: '复核', en: 'statutory review (复核)' },
  statutory: { zh: '申诉（法定）', en: 'statutory appeal (申诉)' },
}

/** A disputed item: `channel:leadership`, `channel:quarterly`, `channel:democratic` or `dimension:<key>`. */
export interface AppealItem {
  key: string
  label: Label
}

export interface RecusedMember {
  personId: number
  name: string
  reason: Label
}

export interface AppealView {
  id: number
  year: number
  personId: number
  staffNo: string
  name: string
  route: AppealRoute
  deliveredOn: IsoDate
  filedOn: IsoDate
  /** The last day to file (the window), and the last day to answer. */
  windowUntil: IsoDate
  dueOn: IsoDate
  overdue: boolean
  /** Calendar warnings of the deadlines (a year whose holiday table is not loaded). */
  warnings: Label[]
  items: AppealItem[]
  gradeBefore: string
  gradeAsked: string | null
  text: string
  recused: RecusedMember[]
  status: AppealStatus
  answeredOn: IsoDate | null
  answerReason: string | null
  gradeAfter: string | null
  /** Statutory routes: the body that decides and the document number. */
  body: string | null
  documentNo: string | null
  reviewOf: number | null
  extended: boolean
  newFormId: number | null
}

/** Whether the person may appeal the year's result now, and until when. */
export interface AppealWindow {
  year: number
  personId: number
  grade: string | null
  deliveredOn: IsoDate | null
  windowWorkingDays: number
  answerCalendarDays: number
  windowUntil: IsoDate | null
  open: boolean
  /** Why it is closed, in words (not delivered, period over, one already open). */
  reason: Label | null
  warnings: Label[]
  items: AppealItem[]
  openAppealId: number | null
}
