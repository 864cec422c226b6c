import { describe, expect, it } from 'vitest'
import { decimalRational, fractionToNumber, roundHalfUp2, toFraction } from '../../../src/main/core/metrics'

describe('exact scores', () => {
  it('reads a number at its decimal spelling', () => {
    expect(toFraction(decimalRational(0.1))).toBe('1/10')
    expect(toFraction(decimalRational(84.125))).toBe('673/8')
    expect(toFraction(decimalRational(1e-7))).toBe('1/10000000')
    expect(toFraction(decimalRational(-2.5))).toBe('-5/2')
  })

  it('rounds half-up to two decimals once, exactly (RULES.md §6)', () => {
    expect(roundHalfUp2('673/8')).toBe(84.13) // 84.125
    expect(roundHalfUp2('253/3')).toBe(84.33) // 84.333…
    expect(roundHalfUp2('1007/12')).toBe(83.92) // 83.91666…
    expect(roundHalfUp2(89.995)).toBe(90) // the double nearest 89.995 is below it; the spelling is not
    expect(roundHalfUp2(89.994)).toBe(89.99)
    expect(roundHalfUp2(100)).toBe(100)
    expect(roundHalfUp2(0)).toBe(0)
  })

  it('turns a fraction into the nearest double', () => {
    expect(fractionToNumber('200/3')).toBe(200 / 3)
    expect(fractionToNumber('10/4')).toBe(2.5)
  })
})
