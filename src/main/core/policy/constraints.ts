import { z } from 'zod'
import { hasAtMostTwoDecimals } from '../guideline/hundredths'
import type { Policy } from './defaults'

/**
 * The policy constraints (考核政策约束 P1–P10, RULES.md §2) as typed values. The numbers themselves
 * live only in the policy (resources/policy/default.json or a package from the higher-level office);
 * this module names them and reads them, it never supplies them.
 */

import type { ConstraintId } from '@shared/guideline/model'
export { CONSTRAINT_IDS, type ComparisonOp, type ConstraintId } from '@shared/guideline/model'

/** The `constraints` section of a policy, keyed as in resources/policy/default.json. */
export interface PolicyConstraints {
  /** P1: leadership-evaluation (领导评价) channel weight, minimum. */
  P1_leadershipChannelMin: number
  /** P2: 绩 dimension weight for 综合管理 posts, minimum. */
  P2_achievementWeightMinGeneral: number
  /** P3: 服务评价 indicator weight inside 绩, minimum for posts other than 行政执法. */
  P3_serviceIndicatorMin: number
  /** P3: the same for 行政执法 posts. */
  P3_serviceIndicatorMinEnforcement: number
  /** P4: peer-review (互评) weight inside a quarterly score, maximum. */
  P4_peerWeightMax: number
  /** P5: service-recipient representatives among democratic-evaluation voters, minimum percent. */
  P5_recipientVoterShareMin: number
  /** P6: 优秀 share of participants, maximum percent without an approval. */
  P6_excellentShareMax: number
  /** P7: publicity (公示) period for guideline and results, minimum working days. */
  P7_publicityWorkingDaysMin: number
  /** P8: appeal window after feedback, working days (fixed). */
  P8_appealWindowWorkingDays: number
  /** P9: review-and-answer deadline after an appeal is filed, calendar days (fixed). */
  P9_appealAnswerCalendarDays: number
  /** P10: what every weight set must sum to. */
  P10_weightSum: number
}

// Bounds are compared in integer hundredths, so a bound with more decimals could not be honoured.
const bound = z
  .number()
  .min(0)
  .refine(hasAtMostTwoDecimals, { message: 'at most two decimals' })
const dayCount = z.number().int().min(0)

/**
 * Not strict: a newer policy may carry constraints this version does not know yet, and reading the
 * ones it does know must still work.
 */
export const policyConstraintsSchema = z.object({
  P1_leadershipChannelMin: bound,
  P2_achievementWeightMinGeneral: bound,
  P3_serviceIndicatorMin: bound,
  P3_serviceIndicatorMinEnforcement: bound,
  P4_peerWeightMax: bound,
  P5_recipientVoterShareMin: bound,
  P6_excellentShareMax: bound,
  P7_publicityWorkingDaysMin: dayCount,
  P8_appealWindowWorkingDays: dayCount,
  P9_appealAnswerCalendarDays: dayCount,
  P10_weightSum: bound,
}) satisfies z.ZodType<PolicyConstraints>

/**
 * A policy whose constraints section is missing or malformed. This is not the guideline author's
 * fault and must not be shown as guideline violations: the policy itself has to be fixed or
 * re-imported.
 */
export class PolicyConstraintsError extends Error {
  readonly code = 'POLICY_CONSTRAINTS_INVALID'
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en)
    this.name = 'PolicyConstraintsError'
  }
}

/** The typed constraints of `policy`; throws PolicyConstraintsError naming every bad key. */
export function readPolicyConstraints(policy: Pick<Policy, 'constraints'>): PolicyConstraints {
  const r = policyConstraintsSchema.safeParse(policy.constraints)
  if (r.success) return r.data
  const keys = [...new Set(r.error.issues.map((i) => i.path.map(String).join('.') || '(constraints)'))]
  throw new PolicyConstraintsError(
    `考核政策的约束条件缺失或无效：${keys.join('、')}`,
    `The policy's constraints are missing or invalid: ${keys.join(', ')}`,
  )
}

/** What each constraint is about, for lists and help text. */
export const CONSTRAINT_TOPICS: Record<ConstraintId, { zh: string; en: string }> = {
  P1: { zh: '领导评价渠道权重', en: 'leadership-evaluation channel weight' },
  P2: { zh: '综合管理类“绩”维度权重', en: 'weight of 绩 for general-management posts' },
  P3: { zh: '“绩”维度中服务评价指标权重', en: 'weight of the service-rating indicator inside 绩' },
  P4: { zh: '季度评估中互评权重', en: 'peer-review weight inside a quarterly score' },
  P5: { zh: '民主测评中服务对象代表比例', en: 'service-recipient share among democratic-evaluation voters' },
  P6: { zh: '优秀等次比例', en: 'share of 优秀 (excellent)' },
  P7: { zh: '公示期', en: 'publicity period' },
  P8: { zh: '申诉期', en: 'appeal window' },
  P9: { zh: '申诉答复期限', en: 'appeal answer deadline' },
  P10: { zh: '权重合计', en: 'weight sums' },
}
