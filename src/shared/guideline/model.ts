/**
 * The annual guideline (《年度绩效考核指引》, RULES.md §2, §4–§6): a unit's scheme for one year.
 * Pure data, shared with the renderer's editor; main's core/guideline parses it strictly (schema.ts)
 * and checks it against the policy (validate.ts).
 *
 * Every weight, share and threshold is a percent or a 0–100 score with at most two decimals; sums and
 * bounds are checked in integer hundredths (hundredths.ts).
 */

/** Policy constraint ids (考核政策约束 P1–P10, RULES.md §2). */
export const CONSTRAINT_IDS = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10'] as const
export type ConstraintId = (typeof CONSTRAINT_IDS)[number]

/** How a value must relate to its bound: at least, at most, or exactly. */
export type ComparisonOp = '>=' | '<=' | '='

/** Bilingual label. */
export interface Label {
  zh: string
  en: string
}

/** Post category (岗位类别), RULES.md §3. */
export const POST_CATEGORIES = ['general', 'enforcement', 'technical'] as const
export type PostCategory = (typeof POST_CATEGORIES)[number]

export const POST_CATEGORY_LABELS: Record<PostCategory, Label> = {
  general: { zh: '综合管理类', en: 'general-management posts' },
  enforcement: { zh: '行政执法类', en: 'administrative-enforcement posts' },
  technical: { zh: '专业技术类', en: 'professional-technical posts' },
}

/** Assessment dimension (考核维度 德能勤绩廉), RULES.md §4. */
export const DIMENSIONS = ['de', 'neng', 'qin', 'ji', 'lian'] as const
export type Dimension = (typeof DIMENSIONS)[number]

export const DIMENSION_LABELS: Record<Dimension, Label> = {
  de: { zh: '德', en: 'integrity-political' },
  neng: { zh: '能', en: 'ability' },
  qin: { zh: '勤', en: 'diligence' },
  ji: { zh: '绩', en: 'achievement' },
  lian: { zh: '廉', en: 'probity' },
}

/** Where an indicator's 0–100 score comes from (指标来源). */
export const INDICATOR_SOURCES = ['rated', 'metric', 'survey', 'review'] as const
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number]

/** Named rules that compute a `metric` indicator from records (计分规则), RULES.md §4. */
export const METRIC_RULE_NAMES = ['attendance', 'task_completion', 'training_exam', 'risk_rectification'] as const
export type MetricRuleName = (typeof METRIC_RULE_NAMES)[number]

/** 出勤纪律: 100 − per-occurrence deduction × (迟到 + 早退) − per-day deduction × 旷工 days, floor 0. */
export interface AttendanceRule {
  name: 'attendance'
  pointsPerLateOrEarly: number
  pointsPerAbsentDay: number
}

/** 核心任务: on-time tasks count fully, late ones this percent, unfinished ones nothing. */
export interface TaskCompletionRule {
  name: 'task_completion'
  lateCompletionCreditPercent: number
}

/** 培训考核: mean of the year's exam scores; nothing to configure. */
export interface TrainingExamRule {
  name: 'training_exam'
}

/** 风险防控: rectified over identified risk points; nothing to configure. */
export interface RiskRectificationRule {
  name: 'risk_rectification'
}

export type MetricRule = AttendanceRule | TaskCompletionRule | TrainingExamRule | RiskRectificationRule

/** Points for each of the five 好差评 levels of a satisfaction response. */
export interface SurveyLevelPoints {
  verySatisfied: number
  satisfied: number
  fairlySatisfied: number
  dissatisfied: number
  veryDissatisfied: number
}

export const SURVEY_LEVEL_LABELS: Record<keyof SurveyLevelPoints, Label> = {
  verySatisfied: { zh: '非常满意', en: 'very satisfied' },
  satisfied: { zh: '满意', en: 'satisfied' },
  fairlySatisfied: { zh: '基本满意', en: 'fairly satisfied' },
  dissatisfied: { zh: '不满意', en: 'dissatisfied' },
  veryDissatisfied: { zh: '非常不满意', en: 'very dissatisfied' },
}

interface IndicatorBase {
  /** Stable key for scores and records, unique within a post category: lower-case ASCII. */
  id: string
  /** The Chinese name users see (e.g. 服务评价). */
  name: string
  /** Weight inside the dimension, percent. */
  weight: number
  /** What the evaluation sheet shows as evidence next to the indicator. */
  evidence: string
}

/** Scored 0–100 by the leadership group on the evaluation sheet. */
export interface RatedIndicator extends IndicatorBase {
  source: 'rated'
}

/** Computed from records by a named rule. */
export interface MetricIndicator extends IndicatorBase {
  source: 'metric'
  rule: MetricRule
}

/** Service-recipients' satisfaction (服务评价). */
export interface SurveyIndicator extends IndicatorBase {
  source: 'survey'
  levelPoints: SurveyLevelPoints
  /** Below this many responses the score is computed but flagged 样本不足. */
  minResponses: number
}

/** Outcome of the special integrity review (专项考察). */
export interface ReviewIndicator extends IndicatorBase {
  source: 'review'
  /** Deducted per confirmed minor finding, floor 0; a serious finding is 0 and veto V2 regardless. */
  pointsPerMinorFinding: number
}

/** An indicator (考核指标) of one dimension. */
export type Indicator = RatedIndicator | MetricIndicator | SurveyIndicator | ReviewIndicator

/** One dimension for one post category: its weight in the sheet and its indicators (weights sum 100). */
export interface DimensionScheme {
  weight: number
  indicators: Indicator[]
}

/** The evaluation sheet (考核表) of one post category: the five dimensions, weights summing 100. */
export interface CategoryScheme {
  dimensions: Record<Dimension, DimensionScheme>
}

/** Evaluation channel (评价渠道) of the annual evaluation, RULES.md §6. */
export const CHANNELS = ['leadership', 'democratic', 'quarterly'] as const
export type Channel = (typeof CHANNELS)[number]

export const CHANNEL_LABELS: Record<Channel, Label> = {
  leadership: { zh: '领导评价', en: 'leadership evaluation' },
  democratic: { zh: '民主测评', en: 'democratic evaluation' },
  quarterly: { zh: '平时考核', en: 'quarterly record' },
}

/** Points of the four ballot levels of the democratic evaluation (民主测评). */
export interface BallotPoints {
  excellent: number
  competent: number
  basicallyCompetent: number
  incompetent: number
}

/** 领导评价: the evaluation sheet. */
export interface LeadershipChannel {
  weight: number
}

/** 民主测评: anonymous ballots of colleagues and service-recipient representatives. */
export interface DemocraticChannel {
  weight: number
  /** Fewer valid ballots than this and the channel is N/A for the person (a mean could reveal a vote). */
  minBallots: number
  /** Planned share of service-recipient representatives among valid ballot sheets, percent (P5). */
  recipientVoterShare: number
  ballotPoints: BallotPoints
}

/** Lower bounds of the quarterly grades 好 / 较好 / 一般; below 一般 is 较差. */
export interface QuarterlyGradeCutoffs {
  goodMin: number
  fairlyGoodMin: number
  fairMin: number
}

/** Cut-offs of the performance × potential grid (九宫格): low < middleMin ≤ middle < highMin ≤ high. */
export interface NineBoxCutoffs {
  middleMin: number
  highMin: number
}

/** 平时考核: the year's quarterly scores (季度评估). */
export interface QuarterlyChannel {
  weight: number
  /** Weight of the peers' mean (互评) inside a quarterly score, percent (P4). */
  peerWeight: number
  gradeCutoffs: QuarterlyGradeCutoffs
  nineBoxCutoffs: NineBoxCutoffs
}

export interface Channels {
  leadership: LeadershipChannel
  democratic: DemocraticChannel
  quarterly: QuarterlyChannel
}

/** Lower bounds of the annual grades (等次) on the composite T; below basicallyCompetentMin is 不称职. */
export interface GradeThresholds {
  excellentMin: number
  competentMin: number
  basicallyCompetentMin: number
}

/**
 * A recorded approval from the higher-level office (上级批准) for more 优秀 than the policy allows:
 * its document number (文号) and exactly one of an approved rate or an approved count.
 */
export interface QuotaApproval {
  documentNumber: string
  issuedBy?: string
  /** YYYY-MM-DD. */
  issuedOn?: string
  /** Approved 优秀 share, percent. */
  rate?: number
  /** Approved number of 优秀. */
  count?: number
}

/** The 优秀 quota (优秀名额): K = ⌊excellentRate × N / 100⌋ unless an approval says otherwise. */
export interface Quota {
  excellentRate: number
  approval?: QuotaApproval
}

/** Planned publicity periods (公示期), working days (P7). */
export interface Publicity {
  guidelineWorkingDays: number
  resultsWorkingDays: number
}

/**
 * The appeal deadlines the guideline states to staff (申诉). They are the policy's (P8, P9): the
 * guideline echoes them so the published document tells people their rights, and may not change them.
 */
export interface AppealDeadlines {
  windowWorkingDays: number
  answerCalendarDays: number
}

/** The annual guideline (《年度绩效考核指引》) of one unit for one assessment year. */
export interface AnnualGuideline {
  year: number
  categories: Record<PostCategory, CategoryScheme>
  channels: Channels
  grades: GradeThresholds
  quota: Quota
  publicity: Publicity
  appeal: AppealDeadlines
}
