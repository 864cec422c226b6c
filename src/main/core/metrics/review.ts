import type { ReviewIndicator } from '@shared/guideline/model'
import { ScoringInputError } from './errors'
import { FULL_SCORE_HUNDREDTHS, HUNDREDTHS, rational, scoreHundredthsOf } from './exact'
import { scored, type MetricFlag, type MetricResult } from './types'

/** The confirmed outcome of a special integrity review (专项考察结论); details stay with the discipline office. */
export type ReviewOutcome = { finding: 'none' } | { finding: 'minor'; count: number } | { finding: 'serious' }

/** Where the person's special integrity review stands: none recorded, pending, or completed. */
export type IntegrityReview = { status: 'none' } | { status: 'pending' } | { status: 'completed'; outcome: ReviewOutcome }

export interface ReviewInput {
  /** 风险岗位 (enforcement, funds and the like): must have a completed review before grading. */
  riskPost: boolean
  review: IntegrityReview
}

export interface ReviewEvidence {
  /**
   * Outcome only. `default`: no review and no finding recorded, for a post that needs none;
   * `missing`: no review recorded for a risk post, which needs one.
   */
  outcome: 'none' | 'minor' | 'serious' | 'default' | 'pending' | 'missing'
  minorFindings: number
}

export interface ReviewResult extends MetricResult<ReviewEvidence> {
  /** `blocked`: a risk-post person's review is pending or missing, so grading cannot proceed. */
  status: 'scored' | 'blocked'
  /** A confirmed serious finding: veto V2 (不称职 regardless of score, RULES.md §6). */
  vetoV2: boolean
}

/**
 * 纪律遵守 (discipline, RULES.md §4, §6): no finding 100; each confirmed minor finding costs the
 * indicator's points, floor 0; a serious finding is 0 and veto V2. A risk post without a completed
 * review blocks grading (score null, status `blocked`: not N/A, which would spread the weight away).
 * Other posts default to 100 unless a finding is recorded; a pending review of theirs is shown but
 * does not block, since only risk-post reviews gate grading.
 */
export function review(input: ReviewInput, indicator: ReviewIndicator): ReviewResult {
  const perMinor = scoreHundredthsOf(indicator.pointsPerMinorFinding, '每项一般问题扣分', 'points per minor finding')
  const graded = (hundredths: number, evidence: ReviewEvidence, flags: MetricFlag[] = [], vetoV2 = false): ReviewResult => ({
    ...scored(rational(hundredths, HUNDREDTHS), evidence, flags),
    status: 'scored',
    vetoV2,
  })
  const { review: r } = input
  if (r.status !== 'completed') {
    const pending = r.status === 'pending'
    if (input.riskPost) {
      const evidence: ReviewEvidence = { outcome: pending ? 'pending' : 'missing', minorFindings: 0 }
      return { score: null, exact: null, flags: [pending ? 'REVIEW_PENDING' : 'REVIEW_MISSING'], evidence, status: 'blocked', vetoV2: false }
    }
    return graded(FULL_SCORE_HUNDREDTHS, { outcome: pending ? 'pending' : 'default', minorFindings: 0 }, pending ? ['REVIEW_PENDING'] : [])
  }
  const o = r.outcome
  switch (o.finding) {
    case 'none':
      return graded(FULL_SCORE_HUNDREDTHS, { outcome: 'none', minorFindings: 0 })
    case 'minor':
      // "Minor with 0 findings" is a contradiction in the record, not a clean review: refuse it.
      if (!Number.isInteger(o.count) || o.count < 1) {
        throw new ScoringInputError(`一般问题数“${String(o.count)}”无效，应为正整数`, `minor finding count "${String(o.count)}" is invalid: expected a positive integer`)
      }
      return graded(Math.max(0, FULL_SCORE_HUNDREDTHS - perMinor * o.count), { outcome: 'minor', minorFindings: o.count })
    case 'serious':
      return graded(0, { outcome: 'serious', minorFindings: 0 }, ['SERIOUS_FINDING'], true)
  }
}
