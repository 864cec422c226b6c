import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultGuideline } from '../../../src/main/core/guideline'
import { ScoringInputError } from '../../../src/main/core/metrics'
import { nineBox } from '../../../src/main/core/quarterly/nineBox'

const cutoffs = defaultGuideline(2026).channels.quarterly.nineBoxCutoffs

describe('9-box (RULES.md §5: cut-offs 70 and 85; low < 70 ≤ middle < 85 ≤ high)', () => {
  it('uses the default cut-offs', () => {
    expect(cutoffs).toEqual({ middleMin: 70, highMin: 85 })
  })

  it('exactly 70 is middle, 69.99 low; exactly 85 is high, 84.99 middle', () => {
    expect(nineBox(70, 69.99, cutoffs)).toEqual({ col: 'middle', row: 'low' })
    expect(nineBox(69.99, 70, cutoffs)).toEqual({ col: 'low', row: 'middle' })
    expect(nineBox(85, 84.99, cutoffs)).toEqual({ col: 'high', row: 'middle' })
    expect(nineBox(84.99, 85, cutoffs)).toEqual({ col: 'middle', row: 'high' })
  })

  it('rows are potential, columns performance; the corners', () => {
    expect(nineBox(0, 0, cutoffs)).toEqual({ row: 'low', col: 'low' })
    expect(nineBox(100, 100, cutoffs)).toEqual({ row: 'high', col: 'high' })
    expect(nineBox(92, 50, cutoffs)).toEqual({ row: 'low', col: 'high' })
  })

  it('takes the cut-offs from the channel and refuses them crossed', () => {
    expect(nineBox(60, 80, { middleMin: 60, highMin: 80 })).toEqual({ row: 'high', col: 'middle' })
    expect(() => nineBox(60, 80, { middleMin: 85, highMin: 70 })).toThrow(ScoringInputError)
    expect(() => nineBox(101, 80, cutoffs)).toThrow(ScoringInputError)
  })

  it('property: a higher rating never lands in a lower band', () => {
    const rank = { low: 0, middle: 1, high: 2 } as const
    const rating = fc.integer({ min: 0, max: 10_000 }).map((h) => h / 100)
    fc.assert(
      fc.property(rating, rating, rating, (a, b, pot) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        expect(rank[nineBox(lo, pot, cutoffs).col]).toBeLessThanOrEqual(rank[nineBox(hi, pot, cutoffs).col])
      }),
    )
  })
})
