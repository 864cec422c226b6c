import { describe, expect, it } from 'vitest'
import { review, ScoringInputError } from '../../../src/main/core/metrics'
import { REVIEW } from './helpers'

describe('review 纪律遵守 (RULES.md §4: no finding 100, minor −20 each, floor 0, serious → 0 and V2)', () => {
  it('uses the default 20 points per minor finding', () => {
    expect(REVIEW.pointsPerMinorFinding).toBe(20)
  })

  it('no finding → 100', () => {
    const r = review({ riskPost: true, review: { status: 'completed', outcome: { finding: 'none' } } }, REVIEW)
    expect(r).toMatchObject({ score: 100, status: 'scored', vetoV2: false, flags: [] })
  })

  it('2 minor findings → 60; 5 → 0; 6 → still 0 (floor)', () => {
    const minor = (count: number) => review({ riskPost: true, review: { status: 'completed', outcome: { finding: 'minor', count } } }, REVIEW)
    expect(minor(1).score).toBe(80)
    expect(minor(2).score).toBe(60)
    expect(minor(5).score).toBe(0)
    expect(minor(6).score).toBe(0)
    expect(minor(2).vetoV2).toBe(false)
    expect(minor(2).evidence).toEqual({ outcome: 'minor', minorFindings: 2 })
  })

  it('a serious finding → 0 and the V2 marker, on any post', () => {
    for (const riskPost of [true, false]) {
      const r = review({ riskPost, review: { status: 'completed', outcome: { finding: 'serious' } } }, REVIEW)
      expect(r).toMatchObject({ score: 0, status: 'scored', vetoV2: true, flags: ['SERIOUS_FINDING'] })
    }
  })

  it('a risk post with a pending or missing review blocks grading (not N/A, not 100)', () => {
    const pending = review({ riskPost: true, review: { status: 'pending' } }, REVIEW)
    expect(pending).toMatchObject({ score: null, status: 'blocked', flags: ['REVIEW_PENDING'], vetoV2: false })
    const missing = review({ riskPost: true, review: { status: 'none' } }, REVIEW)
    expect(missing).toMatchObject({ score: null, status: 'blocked', flags: ['REVIEW_MISSING'], evidence: { outcome: 'missing' } })
  })

  it('other posts default to 100 without a review; a pending one is shown but does not block', () => {
    expect(review({ riskPost: false, review: { status: 'none' } }, REVIEW)).toMatchObject({ score: 100, status: 'scored', flags: [], evidence: { outcome: 'default' } })
    expect(review({ riskPost: false, review: { status: 'pending' } }, REVIEW)).toMatchObject({ score: 100, status: 'scored', flags: ['REVIEW_PENDING'], evidence: { outcome: 'pending' } })
  })

  it('other posts with a recorded finding use it', () => {
    expect(review({ riskPost: false, review: { status: 'completed', outcome: { finding: 'minor', count: 1 } } }, REVIEW).score).toBe(80)
  })

  it('takes the deduction from the indicator', () => {
    const r = review({ riskPost: true, review: { status: 'completed', outcome: { finding: 'minor', count: 3 } } }, { ...REVIEW, pointsPerMinorFinding: 12.5 })
    expect(r.score).toBe(62.5)
  })

  it('refuses a "minor" outcome without a positive count', () => {
    expect(() => review({ riskPost: true, review: { status: 'completed', outcome: { finding: 'minor', count: 0 } } }, REVIEW)).toThrow(ScoringInputError)
    expect(() => review({ riskPost: true, review: { status: 'completed', outcome: { finding: 'minor', count: 1.5 } } }, REVIEW)).toThrow(ScoringInputError)
  })
})
