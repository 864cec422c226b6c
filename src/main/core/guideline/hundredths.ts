/**
 * Exact arithmetic on weights, shares and thresholds that carry at most two decimals.
 *
 * Binary floating point cannot hold 33.33 exactly, so 33.33 + 33.33 + 33.34 may or may not equal 100
 * depending on the order of the additions. Every comparison against a policy bound or a required sum
 * therefore goes through integer hundredths. The conversion reads the number's shortest decimal
 * spelling (what `String` gives, i.e. what the user typed or the JSON said) instead of multiplying by
 * 100, which would bring the rounding error back in.
 */

const TWO_DECIMALS = /^(-?)(\d+)(?:\.(\d{1,2}))?$/

/** `n` in integer hundredths (33.33 → 3333), or null if it has more than two decimals or is not finite. */
export function toHundredths(n: number): number | null {
  if (!Number.isFinite(n)) return null
  // Large or tiny magnitudes print in exponent form and fail the pattern: neither is a weight.
  const m = TWO_DECIMALS.exec(String(n))
  if (!m) return null
  const [, sign, whole = '0', fraction = ''] = m
  const h = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  if (!Number.isSafeInteger(h)) return null
  return sign === '-' && h !== 0 ? -h : h
}

/** Whether `n` is a finite number with at most two decimals. */
export function hasAtMostTwoDecimals(n: number): boolean {
  return toHundredths(n) !== null
}

/** The decimal spelling of a count of hundredths, without trailing zeros: 3500 → "35", 3350 → "33.5". */
export function formatHundredths(h: number): string {
  const sign = h < 0 ? '-' : ''
  const abs = Math.abs(h)
  const whole = Math.trunc(abs / 100)
  const fraction = abs % 100
  if (fraction === 0) return `${sign}${whole}`
  return `${sign}${whole}.${String(fraction).padStart(2, '0').replace(/0$/, '')}`
}

/** The number whose decimal spelling is `formatHundredths(h)` (9999 → 99.99), for reporting. */
export function fromHundredths(h: number): number {
  return Number(formatHundredths(h))
}

/** Exact sum of numbers that each have at most two decimals, in hundredths; null if any does not. */
export function sumHundredths(values: readonly number[]): number | null {
  let total = 0
  for (const v of values) {
    const h = toHundredths(v)
    if (h === null) return null
    total += h
  }
  return total
}
