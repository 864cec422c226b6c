import type { Label } from './guideline/model'
import type { IsoDate } from './org'

/**
 * 季度评估 (RULES.md §5) as the API shows it: the person's summary, the supervisor's 业绩 and 潜力
 * ratings, peers' ratings (互评, only ever as a mean, or to the rater their own), the score and grade,
 * 不达标, the follow-ups two consecutive 不达标 quarters open, and the 9-box.
 */
export const QUARTERS = [1, 2, 3, 4] as const
export type Quarter = (typeof QUARTERS)[number]

export const QUARTERLY_GRADE_NAMES = ['good', 'fairlyGood', 'fair', 'poor'] as const
export type QuarterlyGradeName = (typeof QUARTERLY_GRADE_NAMES)[number]

/**
 * What a status row warns about: no peer ratings (the supervisor counts 100%); fewer than 3 peers
 * assigned although the department has enough people; not rated yet; no summary; scored with the
 * shipped default guideline because none of the year was in force.
 */
export const QUARTERLY_STATUS_FLAGS = [
  'NO_PEER_RATINGS',
  'FEW_PEERS',
  'NOT_RATED',
  'NO_SUMMARY',
  'DEFAULT_GUIDELINE',
  'PEER_MEAN_HIDDEN',
  'SUMMARY_CHANGED_AFTER_RATING',
  'RATED_WITHOUT_SUMMARY',
  'AMENDED',
] as const
export type QuarterlyStatusFlag = (typeof QUARTERLY_STATUS_FLAGS)[number]

export const QUARTERLY_STATUS_FLAG_LABELS: Record<QuarterlyStatusFlag, Label> = {
  NO_PEER_RATINGS: { zh: '无互评，主管评分按 100% 计', en: 'no peer ratings: the supervisor’s rating counts 100%' },
  FEW_PEERS: { zh: '互评人少于政策规定的人数（本科室人数足够）', en: 'fewer peers assigned than the policy asks, although the department has enough people' },
  NOT_RATED: { zh: '主管尚未评价', en: 'not rated by the supervisor yet' },
  NO_SUMMARY: { zh: '尚未提交季度工作小结', en: 'no quarterly summary submitted' },
  DEFAULT_GUIDELINE: { zh: '该年度无生效指引，按默认参数计分', en: 'no guideline of the year in force: scored with the default parameters' },
  SUMMARY_CHANGED_AFTER_RATING: { zh: '主管评价后本人又修改了工作小结', en: 'the summary was changed after the supervisor rated' },
  RATED_WITHOUT_SUMMARY: { zh: '主管在未提交工作小结的情况下评价', en: 'rated without a summary' },
  AMENDED: { zh: '季度结束后评价经人事科登记更正', en: 'the rating was amended by HR after the quarter closed' },
  PEER_MEAN_HIDDEN: {
    zh: '互评份数未达政策规定的最少人数，不显示互评均分（本人亦不显示季度得分），以免推知个人评分',
    en: 'fewer peer ratings than the policy’s minimum: the peer mean is not shown (nor, to the person, the score), so no single rating can be read from it',
  },
}

/** A quarter's phases (core/quarterly/phases.ts): open → 小结 due → rating → closed. */
export const QUARTER_PHASES = ['notStarted', 'open', 'summaryDue', 'rating', 'closed'] as const
export type QuarterPhase = (typeof QUARTER_PHASES)[number]
export const QUARTER_PHASE_LABELS: Record<QuarterPhase, Label> = {
  notStarted: { zh: '未开始', en: 'not started' },
  open: { zh: '进行中', en: 'open' },
  summaryDue: { zh: '提交工作小结', en: 'summary due' },
  rating: { zh: '主管评价', en: 'rating' },
  closed: { zh: '已结束', en: 'closed' },
}

export interface QuarterPhaseView {
  year: number
  quarter: Quarter
  phase: QuarterPhase
  from: IsoDate
  to: IsoDate
  /** Last day to submit the 小结 before the rating phase (summaryDueWorkingDays after `to`). */
  summaryDueOn: IsoDate
  ratingFrom: IsoDate
  /** Last day of the rating window; the 小结 stays editable until then. */
  ratingEndsOn: IsoDate
  /** First day the quarter is closed. */
  closesOn: IsoDate
  /** HR's reopening in force, if any. */
  reopened: { reason: string; openUntil: IsoDate; reopenedAt: string } | null
  summaryDueWorkingDays: number
  ratingWorkingDays: number
  /** The policy's minimum of peers (quarterly.minPeerRaters), for the assignment screen. */
  minPeerRaters: number
}

/** How the score was computed, with the numbers of the guideline in force (the sheet explains it). */
export interface QuarterlyScoreBasis {
  /** Percent the supervisor's 业绩 counts: 100 − peer weight, or 100 without peer ratings. */
  supervisorPercent: number
  peerPercent: number
  performance: number
  peerMean: number | null
  peerCount: number
}

export interface AutoAssignPeersResult {
  /** Assignments created by this run (kept ones stay). */
  created: PeerAssignmentView[]
  /** People who still have fewer than the policy's minimum (the department is too small once exclusions apply). */
  short: { rateeId: number; rateeName: string; peers: number }[]
  minPeerRaters: number
}

export interface QuarterlyAmendmentView {
  id: number
  personId: number
  year: number
  quarter: Quarter
  before: { performance: number; potential: number; failReason: string | null } | null
  after: { performance: number; potential: number; failReason: string | null }
  reason: string
  amendedBy: string | null
  amendedAt: string
}

export const FOLLOWUP_KINDS = ['interview', 'supportPlan'] as const
export type FollowupKind = (typeof FOLLOWUP_KINDS)[number]
export const FOLLOWUP_KIND_LABELS: Record<FollowupKind, Label> = {
  interview: { zh: '约谈', en: 'interview' },
  supportPlan: { zh: '帮扶计划', en: 'support plan' },
}
export const FOLLOWUP_STATES = ['open', 'done'] as const
export type FollowupState = (typeof FOLLOWUP_STATES)[number]

export interface QuarterlyRatingView {
  supervisorId: number | null
  supervisorName: string | null
  performance: number
  potential: number
  /** The supervisor's written 不达标 mark, or null. */
  failReason: string | null
  ratedAt: string
}

/** One person's quarter in the status list. */
export interface QuarterlyStatusRow {
  personId: number
  staffNo: string
  name: string
  department: string | null
  year: number
  quarter: Quarter
  summarySubmittedAt: string | null
  rating: QuarterlyRatingView | null
  peersAssigned: number
  peersRated: number
  /** Mean of the peers' ratings (never the single ratings), or null. */
  peerMean: number | null
  /** Shown score, two decimals, or null before the supervisor rated. */
  score: number | null
  grade: QuarterlyGradeName | null
  meetsStandard: boolean | null
  /** The guideline version the score was computed with; null with the default parameters. */
  guidelineVersion: number | null
  flags: QuarterlyStatusFlag[]
  /** The quarter's phase and dates (the same on every row of a quarter). */
  phase: QuarterPhaseView
  /** How the score is made, null before the supervisor rated. */
  scoreBasis: QuarterlyScoreBasis | null
}

/** One person's quarter in full: the status, the summary text and the quarter's ledger size. */
export interface QuarterlyDetail extends QuarterlyStatusRow {
  summary: string | null
  /** The person's saved draft (shown to the person only), or null. */
  draft: { text: string; savedAt: string } | null
  /** Recorded amendments after closing, oldest first. */
  amendments: QuarterlyAmendmentView[]
  /** Entries of the person's ledger in the quarter (read them with ledger.list). */
  ledgerEntries: number
  from: IsoDate
  to: IsoDate
}

export interface QuarterlyRateResult {
  status: QuarterlyStatusRow
  ledgerEntries: number
  /** Follow-ups this rating opened (two consecutive 不达标 quarters). */
  openedFollowups: FollowupView[]
}

export interface PeerAssignmentView {
  id: number
  year: number
  quarter: Quarter
  raterId: number
  raterName: string
  rateeId: number
  rateeName: string
  rateeStaffNo: string
  department: string | null
  /** For the rater's own list only: their own score; null when not yet rated. */
  myScore: number | null
}

export interface AssignPeersResult {
  assignments: PeerAssignmentView[]
  /** Ratees with fewer than 3 peers although their department has at least 4 people. */
  warnings: { rateeId: number; rateeName: string; peers: number; departmentSize: number; zh: string; en: string }[]
}

export interface NineBoxPerson {
  personId: number
  staffNo: string
  name: string
  performance: number
  potential: number
}

export interface NineBoxView {
  year: number
  quarter: Quarter
  /** Cut-offs used (from the guideline in force, else the defaults). */
  cutoffs: { middleMin: number; highMin: number }
  guidelineVersion: number | null
  /** Row = potential band, col = performance band. */
  cells: { row: 'low' | 'middle' | 'high'; col: 'low' | 'middle' | 'high'; people: NineBoxPerson[] }[]
}

export interface FollowupView {
  id: number
  personId: number
  staffNo: string
  name: string
  year: number
  quarter: Quarter
  kind: FollowupKind
  ownerId: number | null
  ownerName: string | null
  deadline: IsoDate
  state: FollowupState
  notes: string
  openedAt: string
}
