import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { computeAnnual, quota } from '../../../src/main/core/annual/engine'
import { inputsFromJson } from '../../../src/main/core/annual/inputsFile'
import type { AnnualResult } from '../../../src/main/core/annual/model'

/** annual-a's policy and guideline with people built per test: every rule of RULES.md §6 on its own. */
const base = JSON.parse(readFileSync(join(__dirname, '../../fixtures/annual/annual-a.input.json'), 'utf8')) as {
  policy: Record<string, unknown>
  guideline: unknown
  people: Record<string, unknown>[]
}
const template = base.people[0]! // 001: a general post, 95/96/94 ratings, 10 ballots, four quarters

type P = Record<string, unknown>
function person(id: string, over: P = {}): P {
  return { ...structuredClone(template), id, ...over }
}
/** Ratings all equal to r: the leadership channel then moves with r. */
function rated(r: number): P {
  const ind = structuredClone(template.indicators) as Record<string, { ratings?: number[]; value?: number | null }>
  for (const v of Object.values(ind)) if (v.ratings) v.ratings = [r, r, r]
  return { indicators: ind }
}
/** Every channel near r: ratings and metric values r, quarterly scores r, ballots 称职 (80). */
function near(r: number): P {
  const ind = structuredClone(template.indicators) as Record<string, { ratings?: number[]; value?: number | null }>
  for (const v of Object.values(ind)) if (v.ratings) v.ratings = [r, r, r]
  else v.value = r
  const ballots = Object.fromEntries(['de', 'neng', 'qin', 'ji', 'lian'].map((d) => [d, Array(10).fill('称职')]))
  return { indicators: ind, quarterly: [r, r, r, r], ballots }
}
function run(people: P[], policy: P = {}, extra: P = {}): AnnualResult {
  return computeAnnual(inputsFromJson({ ...base, ...extra, policy: { ...base.policy, ...policy }, people }))
}
const byId = (r: AnnualResult, id: string) => r.people.find((p) => p.id === id)!

describe('quota K (P6)', () => {
  const policyOf = (over: P) => inputsFromJson({ ...base, policy: { ...base.policy, ...over }, people: [] }).policy
  it('is ⌊15 × N / 100⌋ in integer arithmetic, 0 for a small unit', () => {
    expect([6, 7, 13, 14, 20, 100].map((n) => quota(policyOf({}), n))).toEqual([0, 1, 1, 2, 3, 15])
  })
  it('is the approved count, or ⌊approved rate × N / 100⌋, with an approval', () => {
    expect(quota(policyOf({ approval: { document: '某组干〔2027〕1号', count: 2 } }), 6)).toBe(2)
    expect(quota(policyOf({ approval: { document: '某组干〔2027〕1号', rate: 20 } }), 14)).toBe(2)
    expect(quota(policyOf({ approval: { document: '某组干〔2027〕1号', rate: '35/2' } }), 40)).toBe(7)
  })
  it('with K = 0 nobody is proposed 优秀, however high', () => {
    const r = run([person('a', rated(99)), person('b', rated(98))])
    expect(r.K).toBe(0)
    expect(r.people.map((p) => p.grade)).toEqual(['称职', '称职'])
  })
})

describe('vetoes', () => {
  const seven = (i: number) => person(`p${i}`, rated(80 - i))
  it('V1: 不称职 last year — not eligible for 优秀, still counted in N', () => {
    const r = run([person('top', { ...rated(99), lastYearGrade: '不称职' }), ...[1, 2, 3, 4, 5, 6].map(seven)])
    expect(r.N).toBe(7)
    expect(byId(r, 'top')).toMatchObject({ eligible: false, vetoes: ['V1'], grade: '称职', rank: null })
  })
  it('V2: a confirmed serious finding forces 不称职 whatever the score', () => {
    const r = run([person('x', { ...rated(99), review: { minor: 0, serious: true } })])
    expect(byId(r, 'x')).toMatchObject({ forced: true, eligible: false, vetoes: [], grade: '不称职' })
  })
  it('V3: under a rectification plan — not eligible for 优秀', () => {
    const r = run([person('x', { ...rated(99), rectificationPlan: true }), ...[1, 2, 3, 4, 5, 6].map(seven)])
    expect(byId(r, 'x')).toMatchObject({ eligible: false, vetoes: ['V3'], grade: '称职' })
  })
  it('V4: each effect of the sanction table, and the heaviest decides', () => {
    const r = run([
      person('warn', { ...rated(99), sanctions: ['诫勉'] }),
      person('demerit', { sanctions: ['记过'] }),
      person('major', { sanctionsLastYear: ['记大过'] }),
      person('oldMinor', { ...rated(99), sanctionsLastYear: ['记过'] }),
      person('expel', { sanctions: ['诫勉', '留党察看'] }),
      person('both', { sanctions: ['政务警告', '降级'] }),
    ])
    expect(byId(r, 'warn')).toMatchObject({ vetoes: ['V4'], eligible: false, grade: '称职' })
    expect(byId(r, 'demerit')).toMatchObject({ status: 'ungraded', grade: '不定等次' })
    expect(byId(r, 'major')).toMatchObject({ status: 'ungraded', grade: '不定等次', ungradedReason: { kind: 'sanction', lastYear: true } })
    expect(byId(r, 'oldMinor')).toMatchObject({ status: 'graded', vetoes: [], eligible: true })
    expect(byId(r, 'expel')).toMatchObject({ forced: true, vetoes: [], grade: '不称职' })
    expect(byId(r, 'both')).toMatchObject({ status: 'ungraded' })
    expect(r.N).toBe(3)
  })
  it('an unknown sanction name is refused, naming the person', () => {
    let error: unknown
    try {
      run([person('x', { sanctions: ['警告处分'] })])
    } catch (e) {
      error = e
    }
    expect(error).toMatchObject({ code: 'ANNUAL_INPUTS_INVALID', params: { where: 'people[0] (x).sanctions', reason: expect.stringContaining('警告处分') } })
  })
})

describe('不定等次 and N', () => {
  it('an ungraded participant is listed, not ranked and not in N', () => {
    const r = run([person('a'), person('u', { ungraded: true })])
    expect(r.N).toBe(1)
    expect(byId(r, 'u')).toMatchObject({ grade: '不定等次', rank: null })
  })
  it('a person under investigation is pending (待定), counted in N, not ranked', () => {
    const r = run([person('a'), person('i', { underInvestigation: true })])
    expect(r.N).toBe(2)
    expect(byId(r, 'i')).toMatchObject({ status: 'pending', grade: '待定', rank: null })
  })
})

describe('N/A and the spreading of weights', () => {
  it('an N/A indicator spreads its weight over the dimension in proportion (培训考核 40 → 政策解读 50, 创新攻坚 50)', () => {
    const ind = structuredClone(template.indicators) as Record<string, unknown>
    ind['培训考核'] = { value: null }
    const r = run([person('x', { indicators: ind })])
    const neng = byId(r, 'x').leadership.find((d) => d.dimension === 'neng')!
    expect(neng.indicators.map((i) => [i.name, Number(i.effectiveWeight.n) / Number(i.effectiveWeight.d)])).toEqual([
      ['培训考核', 0],
      ['政策解读与文稿', 50],
      ['创新攻坚', 50],
    ])
    expect(byId(r, 'x').flags).toContain('INDICATOR_NA')
  })
  it('a dimension with every indicator N/A spreads its weight over the other dimensions', () => {
    const ind = structuredClone(template.indicators) as Record<string, unknown>
    ind['纪律遵守'] = { value: null }
    ind['风险防控'] = { value: null }
    const r = run([person('x', { indicators: ind })])
    const lian = byId(r, 'x').leadership.find((d) => d.dimension === 'lian')!
    expect(lian.score).toBeNull()
    // 15+20+15+40 = 90 carry 100: 德 15 → 16.67
    const de = byId(r, 'x').leadership.find((d) => d.dimension === 'de')!
    expect(de.effectiveWeight).toEqual({ n: 50n, d: 3n })
  })
  it('fewer than minBallots ballots: democratic N/A, its 30 spread over leadership 50 and quarterly 20', () => {
    const r = run([person('x', { ballotCount: 2, ballots: { de: ['优秀', '优秀'], neng: [], qin: [], ji: [], lian: [] } })])
    const p = byId(r, 'x')
    expect(p.channels.democratic.score).toBeNull()
    expect(p.channels.leadership.effectiveWeight).toEqual({ n: 500n, d: 7n })
    expect(p.flags).toContain('DEMOCRATIC_NA')
  })
  it('no quarterly score: the quarterly channel is N/A; fewer than four is flagged', () => {
    expect(byId(run([person('x', { quarterly: [] })]), 'x').channels.quarterly.score).toBeNull()
    expect(byId(run([person('x', { quarterly: [90, 91] })]), 'x').flags).toContain('FEW_QUARTERS')
  })
  it('T is rounded once, half up, from unrounded channels', () => {
    // leadership 88.125 (all rated 88.125 is not a 2-decimal rating: use a mean instead)
    const ind = structuredClone(template.indicators) as Record<string, { ratings?: number[] }>
    for (const v of Object.values(ind)) if (v.ratings) v.ratings = [88, 88, 88.5, 88]
    const r = byId(run([person('x', { indicators: ind, quarterly: ['253/3'] })]), 'x')
    const exact = Number(r.exactT!.n) / Number(r.exactT!.d)
    expect(r.T).toBe(Math.round(exact * 100 + 1e-9) / 100)
    expect(r.channels.quarterly.rounded).toBe(84.33)
  })
})

describe('ranking, the quota line and the boundary tie', () => {
  it('equal T: the higher leadership score ranks first', () => {
    // a: L 90, D 80, Q 95 → T 88; b: L 92, D 80, Q 90 → T 88.
    const r = run([person('a', { ...near(90), quarterly: [95, 95, 95, 95] }), person('b', { ...near(92), quarterly: [90, 90, 90, 90] })])
    expect([byId(r, 'a').T, byId(r, 'b').T]).toEqual([88, 88])
    expect([byId(r, 'b').rank, byId(r, 'a').rank]).toEqual([1, 2])
  })
  it('equal T and leadership: the democratic score decides, and an N/A channel ranks below any score', () => {
    // x: L 80, D N/A, Q 80 → T 80; y: L 80, D 80, Q 80 → T 80.
    const noBallots = { ballotCount: 2, ballots: { de: ['称职', '称职'], neng: [], qin: [], ji: [], lian: [] } }
    const r = run([person('x', { ...near(80), ...noBallots }), person('y', near(80))])
    expect([byId(r, 'x').T, byId(r, 'y').T]).toEqual([80, 80])
    expect(byId(r, 'x').channels.democratic.rounded).toBeNull()
    expect([byId(r, 'y').rank, byId(r, 'x').rank]).toEqual([1, 2])
  })
  it('equal T, leadership and democratic: the quarterly score decides', () => {
    // Same T needs a different sheet; instead: no quarterly for one, equal T from L and D alone.
    const r = run([person('q', { ...near(80), quarterly: [] }), person('w', near(80))])
    expect([byId(r, 'q').T, byId(r, 'w').T]).toEqual([80, 80])
    expect([byId(r, 'w').rank, byId(r, 'q').rank]).toEqual([1, 2])
  })
  it('a tie across the quota line is reported and never broken: the tied people get TIE', () => {
    const r = run([person('a'), person('b'), ...[1, 2, 3, 4, 5].map((i) => person(`p${i}`, rated(80)))])
    expect(r.K).toBe(1)
    expect(r.boundaryTie).toEqual(['a', 'b'])
    expect([byId(r, 'a').grade, byId(r, 'b').grade]).toEqual(['TIE', 'TIE'])
  })
  it('a tie below 90 is no boundary tie: both are graded by threshold', () => {
    const r = run([person('a', near(85)), person('b', near(85)), ...[1, 2, 3, 4, 5].map((i) => person(`p${i}`, near(70)))])
    expect(r.boundaryTie).toBeNull()
    expect(byId(r, 'a').grade).toBe('称职')
  })
  it('people above a tie group keep 优秀 (K = 2, one clear first, two tied for second)', () => {
    const r = run([person('first', rated(99)), person('a'), person('b')], { approval: { document: 'x', count: 2 } })
    expect(byId(r, 'first').grade).toBe('优秀')
    expect(r.boundaryTie).toEqual(['a', 'b'])
  })
  it('the first K eligible with T ≥ 90 only: fewer 优秀 than K when scores are lower', () => {
    const r = run([person('a', near(85)), person('b', rated(99))], { approval: { document: 'x', count: 2 } })
    expect(r.people.filter((p) => p.grade === '优秀').map((p) => p.id)).toEqual(['b'])
  })
  it('thresholds: ≥ 70 称职, 60–70 基本称职, < 60 不称职 (policy numbers)', () => {
    const r = run([person('c', near(76)), person('d', near(65)), person('e', near(30))], { competentMin: 75 })
    expect(r.people.map((p) => [p.id, p.T! >= 75 ? '称职' : p.T! >= 60 ? '基本称职' : '不称职'])).toEqual(r.people.map((p) => [p.id, p.grade]))
  })
})

describe('what blocks grading', () => {
  it('a risk post without a completed review blocks grading, naming the person', () => {
    const r = run([person('x', { riskPost: true, review: { status: 'pending' } })])
    expect(r.blockers).toEqual([expect.objectContaining({ code: 'REVIEW_PENDING', id: 'x' })])
  })
  it('a rated indicator nobody scored blocks grading', () => {
    const ind = structuredClone(template.indicators) as Record<string, unknown>
    ind['政治立场'] = { ratings: [] }
    expect(run([person('x', { indicators: ind })]).blockers[0]).toMatchObject({ code: 'RATING_MISSING', id: 'x' })
  })
  it('representatives below 30% of valid sheets (P5) make the democratic round invalid', () => {
    expect(run([person('x')], {}, { democraticRound: { colleagues: 8, representatives: 3 } }).blockers[0]).toMatchObject({ code: 'DEMOCRATIC_ROUND_INVALID' })
    expect(run([person('x')], {}, { democraticRound: { colleagues: 7, representatives: 3 } }).blockers).toEqual([])
  })
})

describe('a hostile inputs file', () => {
  const codeOf = (f: () => unknown) => {
    try {
      f()
    } catch (e) {
      return (e as { code?: string; params?: { where?: string } }).params?.where ?? (e as Error).message
    }
    return 'accepted'
  }
  it('refuses a million-digit fraction and a weight above 100%, naming where', () => {
    expect(codeOf(() => run([person('x', { quarterly: [`${'9'.repeat(1_000_000)}/${'1'.repeat(999_999)}`] })]))).toBe('people.0.quarterly.0')
    expect(codeOf(() => run([person('x')], { channels: { leadership: 5000, democratic: 30, quarterly: 20 } }))).toBe('policy.channels.leadership')
  })
})
