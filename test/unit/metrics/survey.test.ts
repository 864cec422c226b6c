import { describe, expect, it } from 'vitest'
import { survey, ScoringInputError, type SurveyResponse } from '../../../src/main/core/metrics'
import { SURVEY } from './helpers'

const times = (r: SurveyResponse, n: number): SurveyResponse[] => Array.from({ length: n }, () => r)

describe('survey 服务评价 (RULES.md §4: 非常满意 100, 满意 85, 基本满意 70, 不满意 40, 非常不满意 0)', () => {
  it('uses the default level points and 10 as the sample minimum', () => {
    expect(SURVEY.levelPoints).toEqual({ verySatisfied: 100, satisfied: 85, fairlySatisfied: 70, dissatisfied: 40, veryDissatisfied: 0 })
    expect(SURVEY.minResponses).toBe(10)
  })

  it('one of each level → (100 + 85 + 70 + 40 + 0) / 5 = 59, flagged 样本不足 (5 < 10)', () => {
    const r = survey(['非常满意', '满意', '基本满意', '不满意', '非常不满意'], SURVEY)
    expect(r.score).toBe(59)
    expect(r.flags).toEqual(['SAMPLE_TOO_SMALL'])
    expect(r.evidence.distribution).toEqual({ verySatisfied: 1, satisfied: 1, fairlySatisfied: 1, dissatisfied: 1, veryDissatisfied: 1 })
  })

  it('6 非常满意 + 4 满意 → (600 + 340) / 10 = 94, exactly 10 responses is enough', () => {
    const r = survey([...times('非常满意', 6), ...times('满意', 4)], SURVEY)
    expect(r.score).toBe(94)
    expect(r.flags).toEqual([])
    expect(r.evidence.responses).toBe(10)
  })

  it('numeric 1–5 maps the same way: 5 → 100 … 1 → 0', () => {
    expect(survey([5, 4, 3, 2, 1], SURVEY).score).toBe(59)
    expect(survey([5], SURVEY).score).toBe(100)
    expect(survey([4], SURVEY).score).toBe(85)
    expect(survey([3], SURVEY).score).toBe(70)
    expect(survey([2], SURVEY).score).toBe(40)
    expect(survey([1], SURVEY).score).toBe(0)
  })

  it('English keys, Chinese names and numbers mix; names are trimmed', () => {
    const r = survey(['verySatisfied', ' 满意 ', 3], SURVEY)
    // (100 + 85 + 70) / 3 = 85
    expect(r.score).toBe(85)
  })

  it('keeps the mean unrounded: 非常满意 + 满意 + 非常不满意 → 185/3', () => {
    const r = survey(['非常满意', '满意', '非常不满意'], SURVEY)
    expect(r.exact).toBe('185/3')
    expect(r.score).toBe(185 / 3)
    // 满意 + 不满意 + 4 × 非常满意 → (85 + 40 + 400) / 6 = 87.5
    expect(survey(['满意', '不满意', '非常满意', '非常满意', '非常满意', '非常满意'], SURVEY).exact).toBe('175/2')
  })

  it('zero responses → N/A and flagged', () => {
    const r = survey([], SURVEY)
    expect(r.score).toBeNull()
    expect(r.flags).toEqual(['NO_RESPONSES'])
  })

  it('takes points and the minimum from the indicator', () => {
    const custom = { ...SURVEY, levelPoints: { verySatisfied: 100, satisfied: 90, fairlySatisfied: 75.5, dissatisfied: 50, veryDissatisfied: 10 }, minResponses: 2 }
    const r = survey(['满意', '基本满意'], custom)
    expect(r.score).toBe(82.75)
    expect(r.flags).toEqual([])
  })

  it('refuses what is not a level', () => {
    expect(() => survey(['还行'], SURVEY)).toThrow(ScoringInputError)
    expect(() => survey([0], SURVEY)).toThrow(/1–5/)
    expect(() => survey([6], SURVEY)).toThrow(/1–5/)
    expect(() => survey([4.5], SURVEY)).toThrow(/1–5/)
  })
})
