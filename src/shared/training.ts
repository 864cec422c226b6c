import type { IsoDate } from './org'
import type { Label } from './guideline/model'

/**
 * Training and coaching (培训辅导, plan §六(四)): each year's assessor training for everyone who rates
 * (考核标准解读 + 沟通技巧), the staff workshops (绩效工作坊, 案例教学) as sessions with attendance, and the
 * enrolments HR makes from the archive's training needs. Pure data for main and the renderer.
 */

export const TRAINING_KINDS = ['assessor', 'workshop', 'caseStudy'] as const
export type TrainingKind = (typeof TRAINING_KINDS)[number]

export const TRAINING_KIND_LABELS: Record<TrainingKind, Label> = {
  assessor: { zh: '考核者培训（考核标准解读 + 沟通技巧）', en: 'Assessor training (standards + communication)' },
  workshop: { zh: '绩效工作坊', en: 'Performance workshop' },
  caseStudy: { zh: '案例教学', en: 'Case teaching' },
}

export const ENROLMENT_STATUSES = ['planned', 'attended', 'cancelled'] as const
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number]

export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, Label> = {
  planned: { zh: '已安排', en: 'planned' },
  attended: { zh: '已参加', en: 'attended' },
  cancelled: { zh: '已取消', en: 'cancelled' },
}

/** Why a person counts as a rater of the year. */
export const RATER_REASONS = ['supervisor', 'leadershipGroup', 'sheetRater', 'peerRater'] as const
export type RaterReason = (typeof RATER_REASONS)[number]

export const RATER_REASON_LABELS: Record<RaterReason, Label> = {
  supervisor: { zh: '直接上级', en: 'supervisor' },
  leadershipGroup: { zh: '领导小组成员', en: 'leadership group member' },
  sheetRater: { zh: '领导评价表评分人', en: 'leadership sheet rater' },
  peerRater: { zh: '互评评分人', en: 'peer rater' },
}

export interface TrainingSessionView {
  id: number
  year: number
  kind: TrainingKind
  title: string
  heldOn: IsoDate
  hours: number
  trainer: string | null
  location: string | null
  attendees: { personId: number; staffNo: string; name: string }[]
}

export interface AttendanceResult {
  session: TrainingSessionView
  /** People newly recorded by this call. */
  added: number
  /** People already recorded (left as they were). */
  already: number
  /** Enrolments linked to the session that became attended. */
  enrolmentsAttended: number
}

export interface RaterStatus {
  personId: number
  staffNo: string
  name: string
  department: string | null
  reasons: RaterReason[]
  attended: boolean
}

export interface TrainingReport {
  year: number
  assessorSessions: number
  raters: RaterStatus[]
  /** The raters who have not attended the year's assessor training. */
  missing: RaterStatus[]
}

export interface AssessorReminder {
  year: number
  /** The signed-in person rates someone this year. */
  rater: boolean
  attended: boolean
  /** Show the reminder: a rater who has not attended. */
  show: boolean
  /** The year's next (or latest) assessor session, to point the rater to; `held` once its day has come. */
  session: { title: string; heldOn: IsoDate; location: string | null; held: boolean } | null
}

export interface EnrolmentView {
  id: number
  year: number
  personId: number
  staffNo: string
  name: string
  need: string
  needLabel: Label
  suggestion: string
  status: EnrolmentStatus
  sessionId: number | null
  sessionTitle: string | null
  cancelReason: string | null
}

/** A training need with the enrolment made from it, if any. */
export interface NeedRow {
  personId: number
  staffNo: string
  name: string
  year: number
  key: string
  label: Label
  score: number
  unitMean: number
  reason: 'belowMean' | 'belowFloor'
  suggestion: string
  enrolmentId: number | null
  enrolmentStatus: EnrolmentStatus | null
}
