import { describe, expect, it } from 'vitest'
import { defaultGuideline } from '../../../src/main/core/guideline'
import { ScoringInputError } from '../../../src/main/core/metrics'
import { consecutiveFailures, meetsStandard, quarterlyGrade, quarterlyScore, type QuarterStanding } from '../../../src/main/core/quarterly/scoring'

const channel = defaultGuideline(2026).channels.quarterly
const cutoffs = channel.gradeCutoffs

describe('quarterly score (RULES.md §5: (100 − p)% × supervisor + p% × mean peers, p = 20)', () => {
  it('uses the defaults of RULES.md: p = 20, grades at 90 / 80 / 60', () => {
    expect(channel.peerWeight).toBe(20)
    expect(cutoffs).toEqual({ goodMin: 90, fairlyGoodMin: 80, fairMin: 60 })
  })

  it('supervisor 85, peers 90/80/70 → 0.8 × 85 + 0.2 × 80 = 84 → 较好', () => {
    const r = quarterlyScore(85, [90, 80, 70], channel)
    expect(r.score).toBe(84)
    expect(r.rounded).toBe(84)
    expect(r.flags).toEqual([])
    expect(r.evidence).toEqual({ supervisor: 85, peerCount: 3, peerMean: 80, peerWeightApplied: 20 })
    expect(quarterlyGrade(r.score, cutoffs)).toBe('fairlyGood')
  })

  it('keeps it exact: supervisor 90, peers 85/80/81 → 72 + 0.2 × 246/3 = 88.4', () => {
    const r = quarterlyScore(90, [85, 80, 81], channel)
    expect(r.exact).toBe('442/5')
    expect(r.score).toBe(88.4)
  })

  it('unrounded score, rounded for the sheet: supervisor 70, peers 71/72/72 → 56 + 0.2 × 215/3 = 70.333…', () => {
    const r = quarterlyScore(70, [71, 72, 72], channel)
    expect(r.exact).toBe('211/3')
    expect(r.rounded).toBe(70.33)
  })

  it('no peers → the supervisor counts 100%, flagged', () => {
    const r = quarterlyScore(77.5, [], channel)
    expect(r.score).toBe(77.5)
    expect(r.flags).toEqual(['NO_PEER_RATINGS'])
    expect(r.evidence).toEqual({ supervisor: 77.5, peerCount: 0, peerMean: null, peerWeightApplied: 0 })
  })

  it('takes the peer weight from the channel', () => {
    // 0.9 × 80 + 0.1 × 60 = 78
    expect(quarterlyScore(80, [60], { peerWeight: 10 }).score).toBe(78)
    expect(quarterlyScore(80, [60], { peerWeight: 0 }).score).toBe(80)
  })

  it('refuses ratings outside 0–100', () => {
    expect(() => quarterlyScore(101, [], channel)).toThrow(ScoringInputError)
    expect(() => quarterlyScore(80, [90, -5], channel)).toThrow(/peer rating 2/)
  })
})

describe('quarterly grade (RULES.md §5: ≥ 90 好, 80–89.99 较好, 60–79.99 一般, < 60 较差)', () => {
  it.each([
    [100, 'good'],
    [90, 'good'],
    [89.99, 'fairlyGood'],
    [80, 'fairlyGood'],
    [79.99, 'fair'],
    [60, 'fair'],
    [59.99, 'poor'],
    [0, 'poor'],
  ] as const)('%s → %s', (score, grade) => {
    expect(quarterlyGrade(score, cutoffs)).toBe(grade)
  })

  it('grades the score as shown (half-up to two decimals): 89.995 → 90.00 → 好; 59.994 → 59.99 → 较差', () => {
    expect(quarterlyGrade(89.995, cutoffs)).toBe('good')
    expect(quarterlyGrade(59.994, cutoffs)).toBe('poor')
    // supervisor 90, peers 89.98/89.97/89.97/89.98 → 72 + 0.2 × 89.975 = 89.995
    const r = quarterlyScore(90, [89.98, 89.97, 89.97, 89.98], channel)
    expect(r.exact).toBe('17999/200')
    expect(quarterlyGrade(r.exact, cutoffs)).toBe('good')
  })

  it('takes the cut-offs from the channel', () => {
    expect(quarterlyGrade(85, { goodMin: 85, fairlyGoodMin: 75, fairMin: 65 })).toBe('good')
    expect(quarterlyGrade(64.99, { goodMin: 85, fairlyGoodMin: 75, fairMin: 65 })).toBe('poor')
  })
})

describe('达标 (meets the standard: 一般 or better unless marked 不达标 with a reason)', () => {
  it('好, 较好, 一般 meet it; 较差 does not', () => {
    expect(meetsStandard('good')).toBe(true)
    expect(meetsStandard('fairlyGood')).toBe(true)
    expect(meetsStandard('fair')).toBe(true)
    expect(meetsStandard('poor')).toBe(false)
  })

  it('the supervisor’s 不达标 with a written reason overrides any grade', () => {
    expect(meetsStandard('good', { reason: '重大任务未按期推进' })).toBe(false)
  })

  it('a 不达标 mark without a reason is refused', () => {
    expect(() => meetsStandard('fair', { reason: '  ' })).toThrow(ScoringInputError)
  })
})

describe('two consecutive quarters 不达标 (RULES.md §5)', () => {
  const q = (year: number, quarter: 1 | 2 | 3 | 4, meets: boolean): QuarterStanding => ({ year, quarter, meetsStandard: meets })

  it('Q2 and Q3 of the same year', () => {
    expect(consecutiveFailures([q(2026, 1, true), q(2026, 2, false), q(2026, 3, false), q(2026, 4, true)])).toEqual([
      { first: { year: 2026, quarter: 2 }, second: { year: 2026, quarter: 3 } },
    ])
  })

  it('Q4 of Y−1 followed by Q1 of Y counts, in any input order', () => {
    expect(consecutiveFailures([q(2026, 1, false), q(2025, 3, true), q(2025, 4, false)])).toEqual([
      { first: { year: 2025, quarter: 4 }, second: { year: 2026, quarter: 1 } },
    ])
  })

  it('Q4 of Y−2 and Q1 of Y are not adjacent; a quarter without evaluation breaks the run', () => {
    expect(consecutiveFailures([q(2024, 4, false), q(2026, 1, false)])).toEqual([])
    expect(consecutiveFailures([q(2026, 1, false), q(2026, 3, false)])).toEqual([])
  })

  it('alternating failures never trigger', () => {
    expect(consecutiveFailures([q(2026, 1, false), q(2026, 2, true), q(2026, 3, false), q(2026, 4, true)])).toEqual([])
  })

  it('a run of three gives two triggers', () => {
    expect(consecutiveFailures([q(2026, 2, false), q(2026, 3, false), q(2026, 4, false)]).map((p) => p.second)).toEqual([
      { year: 2026, quarter: 3 },
      { year: 2026, quarter: 4 },
    ])
  })

  it('refuses a quarter listed twice and a quarter 5', () => {
    expect(() => consecutiveFailures([q(2026, 1, false), q(2026, 1, true)])).toThrow(ScoringInputError)
    expect(() => consecutiveFailures([{ year: 2026, quarter: 5 as 1, meetsStandard: false }])).toThrow(ScoringInputError)
  })
})
