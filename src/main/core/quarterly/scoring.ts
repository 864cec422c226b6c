import type { Label, QuarterlyChannel, QuarterlyGradeCutoffs } from '@shared/guideline/model'
import { ScoringInputError } from '../metrics/errors'
import {
  HUNDREDTHS,
  WHOLE_PERCENT_HUNDREDTHS,
  add,
  hundredthsOf,
  mul,
  rational,
  rationalToNumber,
  roundHalfUp2,
  scoreHundredthsOf,
  toFraction,
  type Fraction,
} from '../metrics/exact'

/** Quarterly grade (季度评估等次, RULES.md §5): 好 / 较好 / 一般 / 较差. */
export const QUARTERLY_GRADES = ['good', 'fairlyGood', 'fair', 'poor'] as const
export type QuarterlyGrade = (typeof QUARTERLY_GRADES)[number]

export const QUARTERLY_GRADE_LABELS: Record<QuarterlyGrade, Label> = {
  good: { zh: '好', en: 'good' },
  fairlyGood: { zh: '较好', en: 'fairly good' },
  fair: { zh: '一般', en: 'fair' },
  poor: { zh: '较差', en: 'poor' },
}

export const QUARTERLY_FLAGS = ['NO_PEER_RATINGS'] as const
export type QuarterlyFlag = (typeof QUARTERLY_FLAGS)[number]

export const QUARTERLY_FLAG_LABELS: Record<QuarterlyFlag, Label> = {
  NO_PEER_RATINGS: { zh: '无互评，主管评分按 100% 计', en: 'no peer ratings: the supervisor’s rating counts 100%' },
}

export interface QuarterlyScore {
  /** Unrounded: the annual quarterly channel averages these before its single rounding (RULES.md §6). */
  score: number
  exact: Fraction
  /** Half-up to two decimals: what the sheet shows and what the grade is read from. */
  rounded: number
  flags: QuarterlyFlag[]
  evidence: {
    supervisor: number
    peerCount: number
    /** Unrounded mean of the peer ratings; null without peers. */
    peerMean: number | null
    /** Peer weight actually applied, percent: the channel's, or 0 without peers. */
    peerWeightApplied: number
  }
}

/**
 * Quarterly score (季度得分, RULES.md §5): (100 − p)% × the supervisor's performance rating (上级评价)
 * + p% × the mean peer rating (互评), p = the channel's peer weight. Without peers the supervisor's
 * rating counts 100% and a flag says so. Ratings are 0–100 with at most two decimals.
 */
export function quarterlyScore(supervisorPerformance: number, peerRatings: readonly number[], channel: Pick<QuarterlyChannel, 'peerWeight'>): QuarterlyScore {
  const supervisor = scoreHundredthsOf(supervisorPerformance, '主管业绩评分', 'supervisor performance rating')
  const peerWeight = scoreHundredthsOf(channel.peerWeight, '互评权重', 'peer weight')
  let peerSum = 0
  peerRatings.forEach((r, i) => {
    peerSum += scoreHundredthsOf(r, `第 ${i + 1} 份互评`, `peer rating ${i + 1}`)
  })
  const supervisorPoints = rational(supervisor, HUNDREDTHS)
  if (peerRatings.length === 0) {
    return {
      score: rationalToNumber(supervisorPoints),
      exact: toFraction(supervisorPoints),
      rounded: roundHalfUp2(supervisorPoints),
      flags: ['NO_PEER_RATINGS'],
      evidence: { supervisor: supervisorPerformance, peerCount: 0, peerMean: null, peerWeightApplied: 0 },
    }
  }
  const peerMean = rational(peerSum, HUNDREDTHS * peerRatings.length)
  const p = rational(peerWeight, WHOLE_PERCENT_HUNDREDTHS)
  const rest = rational(WHOLE_PERCENT_HUNDREDTHS - peerWeight, WHOLE_PERCENT_HUNDREDTHS)
  const score = add(mul(rest, supervisorPoints), mul(p, peerMean))
  return {
    score: rationalToNumber(score),
    exact: toFraction(score),
    rounded: roundHalfUp2(score),
    flags: [],
    evidence: { supervisor: supervisorPerformance, peerCount: peerRatings.length, peerMean: rationalToNumber(peerMean), peerWeightApplied: channel.peerWeight },
  }
}

/**
 * The grade of a quarterly score: ≥ goodMin 好, ≥ fairlyGoodMin 较好, ≥ fairMin 一般, else 较差.
 * The score is read as shown, rounded half-up to two decimals, so nobody is graded on digits the
 * sheet does not show (89.995 shows as 90.00 and is 好).
 */
export function quarterlyGrade(score: number | Fraction, cutoffs: QuarterlyGradeCutoffs): QuarterlyGrade {
  const shown = hundredthsOf(roundHalfUp2(score), '季度得分', 'quarterly score')
  if (shown >= hundredthsOf(cutoffs.goodMin, '“好”的分数线', 'good cut-off')) return 'good'
  if (shown >= hundredthsOf(cutoffs.fairlyGoodMin, '“较好”的分数线', 'fairly-good cut-off')) return 'fairlyGood'
  if (shown >= hundredthsOf(cutoffs.fairMin, '“一般”的分数线', 'fair cut-off')) return 'fair'
  return 'poor'
}

/** The supervisor's written 不达标 decision, which overrides the grade. */
export interface ManualFail {
  reason: string
}

/**
 * 达标 (meets the standard): 一般 or better, unless the supervisor marked 不达标 with a written reason.
 * A mark without a reason is refused: RULES.md §5 requires the reason.
 */
export function meetsStandard(grade: QuarterlyGrade, manualFail?: ManualFail): boolean {
  if (manualFail !== undefined) {
    if (manualFail.reason.trim() === '') throw new ScoringInputError('标记“不达标”须写明理由', 'marking a quarter as not meeting the standard needs a written reason')
    return false
  }
  return grade !== 'poor'
}

export type QuarterNumber = 1 | 2 | 3 | 4

export interface QuarterRef {
  year: number
  quarter: QuarterNumber
}

export interface QuarterStanding extends QuarterRef {
  meetsStandard: boolean
}

/** Two adjacent quarters both 不达标; `second` is the quarter whose result triggers the follow-up. */
export interface ConsecutiveFailure {
  first: QuarterRef
  second: QuarterRef
}

const QUARTERS_PER_YEAR = 4

function quarterIndex(q: QuarterRef): number {
  if (!Number.isInteger(q.year) || !Number.isInteger(q.quarter) || q.quarter < 1 || q.quarter > QUARTERS_PER_YEAR) {
    throw new ScoringInputError(`季度“${String(q.year)} 年第 ${String(q.quarter)} 季度”无效`, `invalid quarter ${String(q.year)} Q${String(q.quarter)}`)
  }
  return q.year * QUARTERS_PER_YEAR + (q.quarter - 1)
}

function quarterAt(index: number): QuarterRef {
  return { year: Math.floor(index / QUARTERS_PER_YEAR), quarter: ((index % QUARTERS_PER_YEAR) + 1) as QuarterNumber }
}

/**
 * Every pair of calendar-adjacent quarters both 不达标 (连续两个季度不达标, RULES.md §5), oldest first;
 * Q4 of Y−1 and Q1 of Y are adjacent. A quarter with no evaluation breaks the run. A run of three
 * gives two pairs: each new failing quarter after a failing one is a new trigger, and the caller
 * decides whether an open interview (约谈) already covers it.
 */
export function consecutiveFailures(quarters: readonly QuarterStanding[]): ConsecutiveFailure[] {
  const failed = new Map<number, boolean>()
  for (const q of quarters) {
    const i = quarterIndex(q)
    if (failed.has(i)) throw new ScoringInputError(`${q.year} 年第 ${q.quarter} 季度出现两次`, `${q.year} Q${q.quarter} is listed twice`)
    failed.set(i, !q.meetsStandard)
  }
  return [...failed.keys()]
    .sort((a, b) => a - b)
    .filter((i) => failed.get(i) === true && failed.get(i + 1) === true)
    .map((i) => ({ first: quarterAt(i), second: quarterAt(i + 1) }))
}
