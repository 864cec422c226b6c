import { describe, expect, it } from 'vitest'
import { DIMENSIONS, POST_CATEGORIES, defaultGuideline, parseGuideline, validateGuideline } from '../../../src/main/core/guideline'
import { DEFAULT_POLICY } from '../../../src/main/core/policy/defaults'
import template from '../../../resources/guideline/default.json'
import { YEAR, indicator } from './helpers'

// RULES.md §4, transcribed by hand: the default file must say exactly this.
const dimensionWeights = {
  general: { de: 15, neng: 20, qin: 15, ji: 40, lian: 10 },
  enforcement: { de: 15, neng: 15, qin: 15, ji: 40, lian: 15 },
  technical: { de: 10, neng: 30, qin: 15, ji: 35, lian: 10 },
} as const

const indicatorTable = [
  ['de', '政治立场', 'rated', 50],
  ['de', '职业道德', 'rated', 50],
  ['neng', '培训考核', 'metric', 40],
  ['neng', '政策解读与文稿', 'rated', 30],
  ['neng', '创新攻坚', 'rated', 30],
  ['qin', '出勤纪律', 'metric', 50],
  ['qin', '担当作为', 'rated', 50],
  ['ji', '核心任务', 'metric', 50],
  ['ji', '特色贡献', 'rated', 20],
  ['ji', '服务评价', 'survey', 30],
  ['lian', '纪律遵守', 'review', 60],
  ['lian', '风险防控', 'metric', 40],
] as const

const enforcementOverrides: Record<string, number> = { 核心任务: 40, 服务评价: 40 }

describe('default guideline (RULES.md §4)', () => {
  it('validates clean against the shipped policy', () => {
    expect(validateGuideline(defaultGuideline(YEAR), DEFAULT_POLICY)).toEqual([])
  })

  it('carries the year asked for and nothing of the template comment', () => {
    const g = defaultGuideline(2031)
    expect(g.year).toBe(2031)
    expect(Object.keys(g)).not.toContain('$comment')
  })

  it('gives a fresh object each time', () => {
    const a = defaultGuideline(YEAR)
    a.categories.general.dimensions.ji.weight = 1
    expect(defaultGuideline(YEAR).categories.general.dimensions.ji.weight).toBe(40)
  })

  it('has the dimension weights of the table for each post category', () => {
    const g = defaultGuideline(YEAR)
    for (const cat of POST_CATEGORIES) {
      for (const d of DIMENSIONS) expect(g.categories[cat].dimensions[d].weight, `${cat}.${d}`).toBe(dimensionWeights[cat][d])
    }
  })

  it('has the indicator table in every category, with 核心任务 40 and 服务评价 40 for 行政执法', () => {
    const g = defaultGuideline(YEAR)
    for (const cat of POST_CATEGORIES) {
      for (const d of DIMENSIONS) {
        const rows = indicatorTable.filter(([dim]) => dim === d)
        const got = g.categories[cat].dimensions[d].indicators.map((i) => [d, i.name, i.source, i.weight])
        const want = rows.map(([dim, name, source, w]) => [dim, name, source, cat === 'enforcement' ? (enforcementOverrides[name] ?? w) : w])
        expect(got, `${cat}.${d}`).toEqual(want)
      }
      for (const ind of Object.values(g.categories[cat].dimensions).flatMap((d) => d.indicators)) {
        expect(ind.evidence.length, ind.name).toBeGreaterThan(0)
      }
    }
  })

  it('has the metric rules and their parameters (RULES.md §4 metric rules)', () => {
    const g = defaultGuideline(YEAR)
    expect(indicator(g, 'general', 'qin', 'attendance')).toMatchObject({ source: 'metric', rule: { name: 'attendance', pointsPerLateOrEarly: 2, pointsPerAbsentDay: 10 } })
    expect(indicator(g, 'general', 'ji', 'core_tasks')).toMatchObject({ source: 'metric', rule: { name: 'task_completion', lateCompletionCreditPercent: 50 } })
    expect(indicator(g, 'general', 'neng', 'training_exam')).toMatchObject({ source: 'metric', rule: { name: 'training_exam' } })
    expect(indicator(g, 'general', 'lian', 'risk_control')).toMatchObject({ source: 'metric', rule: { name: 'risk_rectification' } })
    expect(indicator(g, 'general', 'ji', 'service_rating')).toMatchObject({
      source: 'survey',
      levelPoints: { verySatisfied: 100, satisfied: 85, fairlySatisfied: 70, dissatisfied: 40, veryDissatisfied: 0 },
      minResponses: 10,
    })
    expect(indicator(g, 'general', 'lian', 'discipline')).toMatchObject({ source: 'review', pointsPerMinorFinding: 20 })
  })

  it('has the channel, grade, quota, quarterly, ballot, publicity and appeal defaults (RULES.md §2, §5–§7)', () => {
    const g = defaultGuideline(YEAR)
    expect(g.channels).toEqual({
      leadership: { weight: 50 },
      democratic: { weight: 30, minBallots: 3, recipientVoterShare: 30, ballotPoints: { excellent: 100, competent: 80, basicallyCompetent: 60, incompetent: 40 } },
      quarterly: { weight: 20, peerWeight: 20, gradeCutoffs: { goodMin: 90, fairlyGoodMin: 80, fairMin: 60 }, nineBoxCutoffs: { middleMin: 70, highMin: 85 } },
    })
    expect(g.grades).toEqual({ excellentMin: 90, competentMin: 70, basicallyCompetentMin: 60 })
    expect(g.quota).toEqual({ excellentRate: 15 })
    expect(g.publicity).toEqual({ guidelineWorkingDays: 5, resultsWorkingDays: 5 })
    expect(g.appeal).toEqual({ windowWorkingDays: 10, answerCalendarDays: 20 })
  })

  it('refuses a year out of range instead of returning a malformed guideline', () => {
    expect(() => defaultGuideline(2026.5)).toThrow(/year/)
  })

  it('the template is a guideline once a year is added, and nothing else is missing', () => {
    const { $comment: _c, ...body } = template
    expect(parseGuideline(body)).toMatchObject({ ok: false, violations: [{ id: 'SCHEMA', path: 'year' }] })
  })
})
