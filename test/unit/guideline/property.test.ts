import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CHANNELS, DIMENSIONS, POST_CATEGORIES, fromHundredths, toHundredths, validateGuideline, type AnnualGuideline } from '../../../src/main/core/guideline'
import { readPolicyConstraints } from '../../../src/main/core/policy/constraints'
import { DEFAULT_POLICY } from '../../../src/main/core/policy/defaults'
import { guidelineWith } from './helpers'

const bounds = readPolicyConstraints(DEFAULT_POLICY)
const hundredths = (n: number): number => {
  const h = toHundredths(n)
  if (h === null) throw new Error(`policy bound ${n} has more than two decimals`)
  return h
}
const TOTAL = hundredths(bounds.P10_weightSum)

/** `n` non-negative integers (hundredths) summing to `total`, any split. */
function split(total: number, n: number): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: 0, max: total }), { minLength: n - 1, maxLength: n - 1 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), total]
    return points.slice(1).map((p, i) => p - (points[i] ?? 0))
  })
}

/** `n` parts summing to `total` whose part `at` is at least `min`. */
function splitWithMin(total: number, n: number, at: number, min: number): fc.Arbitrary<number[]> {
  return fc
    .integer({ min, max: total })
    .chain((first) => split(total - first, n - 1).map((rest) => [...rest.slice(0, at), first, ...rest.slice(at)]))
}

interface WeightPlan {
  categories: Record<string, { dimensions: number[]; indicators: number[][] }>
  channels: number[]
  peerWeight: number
  recipientVoterShare: number
  excellentRate: number
  guidelineDays: number
  resultsDays: number
}

const template = guidelineWith()
const indicatorCount = (cat: (typeof POST_CATEGORIES)[number], d: (typeof DIMENSIONS)[number]) => template.categories[cat].dimensions[d].indicators.length
const surveyIndex = template.categories.general.dimensions.ji.indicators.findIndex((i) => i.source === 'survey')

const categoryPlan = (cat: (typeof POST_CATEGORIES)[number]) =>
  fc.record({
    // P2 binds 绩 of 综合管理 only.
    dimensions: cat === 'general' ? splitWithMin(TOTAL, DIMENSIONS.length, DIMENSIONS.indexOf('ji'), hundredths(bounds.P2_achievementWeightMinGeneral)) : split(TOTAL, DIMENSIONS.length),
    indicators: fc.tuple(
      ...DIMENSIONS.map((d) =>
        d === 'ji'
          ? splitWithMin(TOTAL, indicatorCount(cat, d), surveyIndex, hundredths(cat === 'enforcement' ? bounds.P3_serviceIndicatorMinEnforcement : bounds.P3_serviceIndicatorMin))
          : split(TOTAL, indicatorCount(cat, d)),
      ),
    ),
  })

const weightPlan: fc.Arbitrary<WeightPlan> = fc.record({
  categories: fc.record({ general: categoryPlan('general'), enforcement: categoryPlan('enforcement'), technical: categoryPlan('technical') }),
  channels: splitWithMin(TOTAL, CHANNELS.length, CHANNELS.indexOf('leadership'), hundredths(bounds.P1_leadershipChannelMin)),
  peerWeight: fc.integer({ min: 0, max: hundredths(bounds.P4_peerWeightMax) }),
  recipientVoterShare: fc.integer({ min: hundredths(bounds.P5_recipientVoterShareMin), max: 10000 }),
  excellentRate: fc.integer({ min: 0, max: hundredths(bounds.P6_excellentShareMax) }),
  guidelineDays: fc.integer({ min: bounds.P7_publicityWorkingDaysMin, max: 60 }),
  resultsDays: fc.integer({ min: bounds.P7_publicityWorkingDaysMin, max: 60 }),
})

/** The default guideline with every weight, share and period taken from `plan` (hundredths → decimals). */
function apply(plan: WeightPlan): AnnualGuideline {
  return guidelineWith((g) => {
    for (const cat of POST_CATEGORIES) {
      const p = plan.categories[cat]
      if (!p) throw new Error(cat)
      DIMENSIONS.forEach((d, di) => {
        const dim = g.categories[cat].dimensions[d]
        dim.weight = fromHundredths(p.dimensions[di] ?? NaN)
        dim.indicators.forEach((ind, ii) => (ind.weight = fromHundredths(p.indicators[di]?.[ii] ?? NaN)))
      })
    }
    CHANNELS.forEach((c, i) => (g.channels[c].weight = fromHundredths(plan.channels[i] ?? NaN)))
    g.channels.quarterly.peerWeight = fromHundredths(plan.peerWeight)
    g.channels.democratic.recipientVoterShare = fromHundredths(plan.recipientVoterShare)
    g.quota.excellentRate = fromHundredths(plan.excellentRate)
    g.publicity.guidelineWorkingDays = plan.guidelineDays
    g.publicity.resultsWorkingDays = plan.resultsDays
  })
}

describe('properties', () => {
  it('hundredths round-trip exactly through decimals', () => {
    fc.assert(fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (h) => toHundredths(fromHundredths(h)) === h))
  })

  it('any guideline whose weight sets sum to 100 and that respects every bound validates clean', () => {
    fc.assert(
      fc.property(weightPlan, (plan) => {
        const v = validateGuideline(apply(plan), DEFAULT_POLICY)
        expect(v).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  it('scaling the default dimension weights and giving the rounding remainder to 绩 validates clean', () => {
    // The "re-weight the sheet" edit a user makes: multiply, round to hundredths, fix the sum on 绩.
    fc.assert(
      fc.property(fc.constantFrom(...POST_CATEGORIES), fc.array(fc.integer({ min: 50, max: 200 }), { minLength: 4, maxLength: 4 }), (cat, factors) => {
        const g = guidelineWith()
        const dims = g.categories[cat].dimensions
        const others = DIMENSIONS.filter((d) => d !== 'ji')
        const scaled = others.map((d, i) => Math.round((hundredths(dims[d].weight) * (factors[i] ?? 100)) / 100))
        const ji = TOTAL - scaled.reduce((a, b) => a + b, 0)
        fc.pre(ji >= (cat === 'general' ? hundredths(bounds.P2_achievementWeightMinGeneral) : 0))
        others.forEach((d, i) => (dims[d].weight = fromHundredths(scaled[i] ?? NaN)))
        dims.ji.weight = fromHundredths(ji)
        expect(validateGuideline(g, DEFAULT_POLICY)).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  it('one hundredth more on any weight breaks exactly that weight set (P10)', () => {
    fc.assert(
      fc.property(weightPlan, fc.constantFrom(...POST_CATEGORIES), fc.constantFrom(...DIMENSIONS), fc.nat(), (plan, cat, d, pick) => {
        const g = apply(plan)
        const inds = g.categories[cat].dimensions[d].indicators
        const ind = inds[pick % inds.length]
        if (!ind) throw new Error('no indicator')
        fc.pre(ind.weight < 100)
        ind.weight = fromHundredths(hundredths(ind.weight) + 1)
        const v = validateGuideline(g, DEFAULT_POLICY)
        expect(v.map((x) => [x.id, x.path, x.value, x.bound])).toEqual([['P10', `categories.${cat}.dimensions.${d}.indicators`, 100.01, 100]])
      }),
      { numRuns: 200 },
    )
  })
})
