import { describe, expect, it } from 'vitest'
import { redistribute, ScoringInputError, weightedScore } from '../../../src/main/core/metrics'

describe('N/A redistribution (RULES.md §4 "Not applicable")', () => {
  it('培训考核 N/A in 能: 政策解读 30 and 创新攻坚 30 become 50 and 50', () => {
    const r = redistribute({ training_exam: 40, policy_drafting: 30, innovation: 30 }, ['training_exam'])
    expect(r.effective).toEqual({ training_exam: 0, policy_drafting: 50, innovation: 50 })
    expect(r.notApplicable).toBe(false)
    expect(r.notApplicableKeys).toEqual(['training_exam'])
  })

  it('spreads in proportion: 核心任务 50 N/A in 绩 → 特色贡献 20 → 40, 服务评价 30 → 60', () => {
    expect(redistribute({ core_tasks: 50, special_contribution: 20, service_rating: 30 }, ['core_tasks']).effective).toEqual({
      core_tasks: 0,
      special_contribution: 40,
      service_rating: 60,
    })
  })

  it('风险防控 40 N/A in 廉 → 纪律遵守 100', () => {
    expect(redistribute({ discipline: 60, risk_control: 40 }, ['risk_control']).effective).toEqual({ discipline: 100, risk_control: 0 })
  })

  it('keeps shares that have no finite decimal exact: 30 over 50 and 20 → 500/7 and 200/7', () => {
    const r = redistribute({ a: 30, b: 50, c: 20 }, ['a'])
    expect(r.effectiveExact).toEqual({ a: '0/1', b: '500/7', c: '200/7' })
    expect(r.effective.b).toBe(500 / 7)
  })

  it('nothing N/A → weights unchanged', () => {
    expect(redistribute({ de: 15, neng: 20, qin: 15, ji: 40, lian: 10 }, []).effective).toEqual({ de: 15, neng: 20, qin: 15, ji: 40, lian: 10 })
  })

  it('every part N/A → the whole is N/A (its own weight spreads one level up)', () => {
    const r = redistribute({ discipline: 60, risk_control: 40 }, ['discipline', 'risk_control'])
    expect(r.notApplicable).toBe(true)
    expect(r.effective).toEqual({ discipline: 0, risk_control: 0 })
  })

  it('the same function spreads a dimension over the other dimensions (综合管理: 廉 10 N/A)', () => {
    const r = redistribute({ de: 15, neng: 20, qin: 15, ji: 40, lian: 10 }, ['lian'])
    expect(r.effectiveExact).toEqual({ de: '50/3', neng: '200/9', qin: '50/3', ji: '400/9', lian: '0/1' })
  })

  it('and a channel over the other channels (民主测评 30 N/A → 领导评价 5/7, 平时考核 2/7 of 100)', () => {
    expect(redistribute({ leadership: 50, democratic: 30, quarterly: 20 }, ['democratic']).effectiveExact).toEqual({
      leadership: '500/7',
      democratic: '0/1',
      quarterly: '200/7',
    })
  })

  it('refuses an N/A key that has no weight and a negative weight', () => {
    expect(() => redistribute({ a: 50, b: 50 }, ['c' as 'a'])).toThrow(ScoringInputError)
    expect(() => redistribute({ a: -10, b: 110 }, [])).toThrow(/negative/)
  })
})

describe('weighted score with N/A parts', () => {
  it('能 with 培训考核 N/A, 政策解读 80, 创新攻坚 90 → 85', () => {
    const r = weightedScore({ training_exam: 40, policy_drafting: 30, innovation: 30 }, { training_exam: null, policy_drafting: 80, innovation: 90 })
    expect(r.score).toBe(85)
    expect(r.redistribution.effective.policy_drafting).toBe(50)
  })

  it('all present: Σ w × s / 100 (绩: 50 × 62.5 + 20 × 80 + 30 × 94 = 7545 → 75.45)', () => {
    const r = weightedScore({ core_tasks: 50, special_contribution: 20, service_rating: 30 }, { core_tasks: 62.5, special_contribution: 80, service_rating: 94 })
    expect(r.exact).toBe('1509/20')
    expect(r.score).toBe(75.45)
  })

  it('sums exact fractions exactly: 50 × 200/3 + 50 × 100/3 = 50', () => {
    expect(weightedScore({ a: 50, b: 50 }, { a: '200/3', b: '100/3' }).exact).toBe('50/1')
  })

  it('all N/A → null', () => {
    const r = weightedScore({ a: 60, b: 40 }, { a: null, b: null })
    expect(r.score).toBeNull()
    expect(r.redistribution.notApplicable).toBe(true)
  })

  it('refuses a missing score and a score without a weight', () => {
    expect(() => weightedScore({ a: 60, b: 40 }, { a: 80 } as unknown as Record<'a' | 'b', number>)).toThrow(/no score for "b"/)
    expect(() => weightedScore({ a: 100 }, { a: 80, b: 70 } as Record<'a', number>)).toThrow(/no weight/)
  })
})
