import { describe, expect, it } from 'vitest'
import { riskRectification, ScoringInputError, trainingExam } from '../../../src/main/core/metrics'

describe('training exam 培训考核 (RULES.md §4: mean of the year’s scores)', () => {
  it('88, 92, 75 → 85', () => {
    const r = trainingExam([88, 92, 75])
    expect(r.score).toBe(85)
    expect(r.evidence).toEqual({ exams: 3, total: 255 })
  })

  it('sums decimals exactly: 0.1 + 0.2 is not 0.30000000000000004 here', () => {
    expect(trainingExam([0.1, 0.2]).exact).toBe('3/20')
    // (90.5 + 80.25 + 70) / 3 = 240.75 / 3 = 80.25
    expect(trainingExam([90.5, 80.25, 70]).exact).toBe('321/4')
  })

  it('keeps an unrounded mean: 90, 85, 86 → 87', () => {
    expect(trainingExam([90, 85, 86]).score).toBe(87)
    expect(trainingExam([90, 85, 85]).exact).toBe('260/3')
  })

  it('no exam → N/A, flagged', () => {
    const r = trainingExam([])
    expect(r.score).toBeNull()
    expect(r.flags).toEqual(['NO_EXAMS'])
  })

  it('accepts 0 and 100, refuses anything outside 0–100 with a clear error', () => {
    expect(trainingExam([0, 100]).score).toBe(50)
    expect(() => trainingExam([85, 120])).toThrow(ScoringInputError)
    expect(() => trainingExam([85, 120])).toThrow('training exam score 2 is 120: expected 0–100')
    expect(() => trainingExam([-1])).toThrow(/expected 0–100/)
    expect(() => trainingExam([Number.NaN])).toThrow(ScoringInputError)
    expect(() => trainingExam([88.125])).toThrow(/at most two decimals/)
  })
})

describe('risk rectification 风险防控 (RULES.md §4: 100 × rectified / identified)', () => {
  it('3 of 4 rectified → 75, the open one listed', () => {
    const r = riskRectification([
      { id: 'r1', rectified: true },
      { id: 'r2', rectified: false },
      { id: 'r3', rectified: true },
      { id: 'r4', rectified: true },
    ])
    expect(r.score).toBe(75)
    expect(r.evidence).toEqual({ identified: 4, rectified: 3, open: ['r2'] })
  })

  it('2 of 3 → 200/3 unrounded; none rectified → 0', () => {
    expect(riskRectification([{ id: 'a', rectified: true }, { id: 'b', rectified: true }, { id: 'c', rectified: false }]).exact).toBe('200/3')
    expect(riskRectification([{ id: 'a', rectified: false }]).score).toBe(0)
  })

  it('no risk point identified → N/A, flagged', () => {
    const r = riskRectification([])
    expect(r.score).toBeNull()
    expect(r.flags).toEqual(['NO_RISK_POINTS'])
  })

  it('refuses a point listed twice', () => {
    expect(() => riskRectification([{ id: 'a', rectified: true }, { id: 'a', rectified: false }])).toThrow(ScoringInputError)
  })
})
