import { POST_CATEGORIES, type ComparisonOp, type ConstraintId, type Label, type PostCategory } from './model'

/**
 * The one table of the guideline's limits (《年度绩效考核指引》), read by main's parser and validator
 * (core/guideline/schema.ts, validate.ts) and by the renderer's editor (its bound hints, input ranges,
 * decimals and units). Two kinds of limit live here:
 *
 * - **Format limits** (`VALUE_FORMATS`, `fieldFormat`): what a field can hold at all — a 0–100 number
 *   with two decimals, a whole count of days. They belong to the format, not to the policy.
 * - **Policy bounds** (`POLICY_FIELD_BOUNDS`, `SERVICE_INDICATOR_MIN`, `WEIGHT_SUM`): which policy
 *   constraint (P1–P10, RULES.md §2) binds which field, and how. The numbers are never here: they come
 *   from the policy in force (main reads it; the renderer gets it from `policy.get`).
 */

/** The `constraints` keys of a policy (resources/policy/default.json), P1–P10. */
export const POLICY_CONSTRAINT_KEYS = [
  'P1_leadershipChannelMin',
  'P2_achievementWeightMinGeneral',
  'P3_serviceIndicatorMin',
  'P3_serviceIndicatorMinEnforcement',
  'P4_peerWeightMax',
  'P5_recipientVoterShareMin',
  'P6_excellentShareMax',
  'P7_publicityWorkingDaysMin',
  'P8_appealWindowWorkingDays',
  'P9_appealAnswerCalendarDays',
  'P10_weightSum',
] as const
export type PolicyConstraintKey = (typeof POLICY_CONSTRAINT_KEYS)[number]

/** The policy's numbers as the API hands them over (`PolicyView.constraints`). */
export type PolicyConstraintValues = Partial<Record<PolicyConstraintKey, number>>

// ---- Format limits ---------------------------------------------------------------------------

/** What a field of the guideline holds; the unit decides how its value and bound are shown. */
export type ValueKind = 'weight' | 'percent' | 'score' | 'count' | 'ballots' | 'workingDays' | 'calendarDays'

export interface ValueFormat {
  min: number
  /** No upper limit when absent. */
  max?: number
  /** Decimals allowed: 2 for weights, shares and points; 0 for counts. */
  decimals: 0 | 2
  /** Shown after the number. */
  unit: Label | null
}

const ZERO_TO_HUNDRED = { min: 0, max: 100, decimals: 2 } as const

export const VALUE_FORMATS: Record<ValueKind, ValueFormat> = {
  /** Weights of channels, dimensions, indicators and of peers inside a quarterly score. */
  weight: { ...ZERO_TO_HUNDRED, unit: null },
  /** Shares and rates: 服务对象代表比例, 优秀比例, 逾期完成折算比例. */
  percent: { ...ZERO_TO_HUNDRED, unit: { zh: '%', en: '%' } },
  /** Points and thresholds on the 0–100 scale: grade lines, ballot points, deductions. */
  score: { ...ZERO_TO_HUNDRED, unit: null },
  /** Whole numbers: minimum responses, an approved count. */
  count: { min: 0, decimals: 0, unit: null },
  /** A democratic evaluation needs at least one ballot to be counted at all. */
  ballots: { min: 1, decimals: 0, unit: null },
  workingDays: { min: 0, decimals: 0, unit: { zh: '个工作日', en: 'working days' } },
  calendarDays: { min: 0, decimals: 0, unit: { zh: '日', en: 'calendar days' } },
}

/** Fields that are not 0–100 weights, by the last segments of their path. */
const FIELD_KINDS: readonly [RegExp, ValueKind][] = [
  [/^channels\.democratic\.recipientVoterShare$/, 'percent'],
  [/^quota\.excellentRate$/, 'percent'],
  [/^quota\.approval\.rate$/, 'percent'],
  [/\.rule\.lateCompletionCreditPercent$/, 'percent'],
  [/^quota\.approval\.count$/, 'count'],
  [/\.minResponses$/, 'count'],
  [/^channels\.democratic\.minBallots$/, 'ballots'],
  [/^publicity\.(guidelineWorkingDays|resultsWorkingDays)$/, 'workingDays'],
  [/^appeal\.windowWorkingDays$/, 'workingDays'],
  [/^appeal\.answerCalendarDays$/, 'calendarDays'],
  [/\.(levelPoints|ballotPoints|gradeCutoffs|nineBoxCutoffs)\.[A-Za-z]+$/, 'score'],
  [/^grades\.[A-Za-z]+$/, 'score'],
  [/\.(pointsPerLateOrEarly|pointsPerAbsentDay|pointsPerMinorFinding)$/, 'score'],
]

/** What the numeric field at `path` holds (a weight unless the table says otherwise). */
export function kindOfField(path: string): ValueKind {
  return FIELD_KINDS.find(([pattern]) => pattern.test(path))?.[1] ?? 'weight'
}

/** The format limits of the numeric field at `path`. */
export function fieldFormat(path: string): ValueFormat {
  return VALUE_FORMATS[kindOfField(path)]
}

// ---- Policy bounds ---------------------------------------------------------------------------

/** One field bounded by one policy number. */
export interface PolicyFieldBound {
  id: ConstraintId
  path: string
  key: PolicyConstraintKey
  op: ComparisonOp
  /** What is measured, in the violation's words. */
  subject: Label
  /**
   * P6: an approval (上级批准) that states a rate replaces the policy's bound by the approved rate;
   * this is where that rate sits.
   */
  replacedBy?: string
}

export const POLICY_FIELD_BOUNDS: readonly PolicyFieldBound[] = [
  {
    id: 'P1',
    path: 'channels.leadership.weight',
    key: 'P1_leadershipChannelMin',
    op: '>=',
    subject: { zh: '领导评价渠道权重', en: 'the weight of the leadership-evaluation channel (领导评价)' },
  },
  // P2 binds 综合管理 posts only; the other categories keep their own balance (RULES.md §4 table).
  {
    id: 'P2',
    path: 'categories.general.dimensions.ji.weight',
    key: 'P2_achievementWeightMinGeneral',
    op: '>=',
    subject: { zh: '综合管理类“绩”维度权重', en: 'general-management posts: weight of dimension 绩 (achievement)' },
  },
  {
    id: 'P4',
    path: 'channels.quarterly.peerWeight',
    key: 'P4_peerWeightMax',
    op: '<=',
    subject: { zh: '季度评估中互评权重', en: 'the peer-review (互评) weight inside a quarterly score' },
  },
  {
    id: 'P5',
    path: 'channels.democratic.recipientVoterShare',
    key: 'P5_recipientVoterShareMin',
    op: '>=',
    subject: { zh: '民主测评中服务对象代表所占比例', en: 'the share of service-recipient representatives among democratic-evaluation voters' },
  },
  {
    id: 'P6',
    path: 'quota.excellentRate',
    key: 'P6_excellentShareMax',
    op: '<=',
    subject: { zh: '优秀等次比例', en: 'the 优秀 (excellent) rate' },
    replacedBy: 'quota.approval.rate',
  },
  // P7 covers both publicity periods the guideline plans.
  {
    id: 'P7',
    path: 'publicity.guidelineWorkingDays',
    key: 'P7_publicityWorkingDaysMin',
    op: '>=',
    subject: { zh: '指引公示期', en: 'the publicity period of the guideline' },
  },
  {
    id: 'P7',
    path: 'publicity.resultsWorkingDays',
    key: 'P7_publicityWorkingDaysMin',
    op: '>=',
    subject: { zh: '结果公示期', en: 'the publicity period of the results' },
  },
  // P8, P9 are equalities: the appeal window and answer deadline are the policy's; the guideline
  // only states them (see validate.ts).
  {
    id: 'P8',
    path: 'appeal.windowWorkingDays',
    key: 'P8_appealWindowWorkingDays',
    op: '=',
    subject: { zh: '反馈送达后的申诉期', en: 'the appeal window after feedback' },
  },
  {
    id: 'P9',
    path: 'appeal.answerCalendarDays',
    key: 'P9_appealAnswerCalendarDays',
    op: '=',
    subject: { zh: '申诉答复期限', en: 'the deadline to answer an appeal' },
  },
]

/** P3: the service-rating (survey-source) indicators of 绩, together, at least this policy number. */
export const SERVICE_INDICATOR_MIN: Record<PostCategory, PolicyConstraintKey> = Object.fromEntries(
  POST_CATEGORIES.map((c) => [c, c === 'enforcement' ? 'P3_serviceIndicatorMinEnforcement' : 'P3_serviceIndicatorMin']),
) as Record<PostCategory, PolicyConstraintKey>

/** P10: what every weight set (channels, dimensions, the indicators of a dimension) sums to. */
export const WEIGHT_SUM = { id: 'P10', key: 'P10_weightSum', op: '=' } as const satisfies { id: ConstraintId; key: PolicyConstraintKey; op: ComparisonOp }

/** The policy bound of the field at `path`, if one binds it. */
export function policyBoundOf(path: string): PolicyFieldBound | undefined {
  return POLICY_FIELD_BOUNDS.find((b) => b.path === path)
}

/**
 * The number a bound stands for, given the policy's numbers and the guideline being edited: the
 * policy's, or (P6) the approved rate when an approval states one. Undefined when not known yet.
 */
export function boundValue(
  bound: PolicyFieldBound,
  policy: PolicyConstraintValues | null,
  approvedRate: number | undefined,
): { value: number; from: 'policy' | 'approval' } | undefined {
  if (bound.replacedBy !== undefined && approvedRate !== undefined) return { value: approvedRate, from: 'approval' }
  const value = policy?.[bound.key]
  return value === undefined ? undefined : { value, from: 'policy' }
}

/**
 * How a policy constraint's own number reads (a weight, a percent, working or calendar days): the
 * kind of the field it bounds. For the policy page, so it never keeps its own list of units.
 */
export function kindOfPolicyConstraint(key: PolicyConstraintKey): ValueKind {
  const bound = POLICY_FIELD_BOUNDS.find((b) => b.key === key)
  return bound ? kindOfField(bound.path) : 'weight'
}
