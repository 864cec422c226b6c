import { fromHundredths, toHundredths } from '../guideline/hundredths'
import { ScoringInputError } from './errors'

/**
 * Exact scores. A score like 100 × 2/3 has no finite decimal, and a float sum of many such numbers
 * drifts; RULES.md §6 rounds the composite half-up to two decimals exactly once, so a drift of 1e-14
 * at 84.125 vs 84.12499999999999 would change somebody's displayed T. Every rule therefore also
 * returns its score as an exact fraction in lowest terms, spelled as a string ("253/3") so that it
 * survives JSON (the API bridge and the database) unchanged, and later sums are done on those
 * fractions with BigInt.
 */
export type Fraction = `${bigint}/${bigint}`

/** Hundredths in one unit: converts a count of hundredths back to points. */
export const HUNDREDTHS = 100

/** Top of the 0–100 scale every score, rating and percent uses: the scale itself, not a policy number. */
export const FULL_SCORE = 100
/** FULL_SCORE in hundredths. */
export const FULL_SCORE_HUNDREDTHS = FULL_SCORE * HUNDREDTHS
/** 100 % in hundredths of a percent: the denominator of a percent parameter read with hundredthsOf. */
export const WHOLE_PERCENT_HUNDREDTHS = 100 * HUNDREDTHS

/** A rational number n/d with d > 0 and gcd(n, d) = 1. */
export interface Rational {
  readonly n: bigint
  readonly d: bigint
}

function abs(a: bigint): bigint {
  return a < 0n ? -a : a
}

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a)
  let y = abs(b)
  while (y !== 0n) [x, y] = [y, x % y]
  return x
}

/** n/d in lowest terms with a positive denominator. */
export function rational(n: bigint | number, d: bigint | number = 1n): Rational {
  let num = BigInt(n)
  let den = BigInt(d)
  if (den === 0n) throw new RangeError('denominator is zero')
  if (den < 0n) [num, den] = [-num, -den]
  const g = gcd(num, den)
  return g > 1n ? { n: num / g, d: den / g } : { n: num, d: den }
}

export function add(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d + b.n * a.d, a.d * b.d)
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.n * b.n, a.d * b.d)
}

export function div(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d, a.d * b.n)
}

export function toFraction(r: Rational): Fraction {
  return `${r.n}/${r.d}`
}

const FRACTION = /^(-?\d+)\/(\d+)$/

export function parseFraction(f: string): Rational {
  const m = FRACTION.exec(f)
  if (!m || BigInt(m[2] ?? '0') === 0n) throw new RangeError(`not a fraction: "${f}"`)
  return rational(BigInt(m[1] ?? '0'), BigInt(m[2] ?? '1'))
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/

/**
 * The exact value of a number's shortest decimal spelling (what `String` prints): 0.1 → 1/10, not
 * the binary double nearest to it. Inputs are typed or imported decimals, so their spelling is the
 * value the user meant.
 */
export function decimalRational(x: number): Rational {
  const m = Number.isFinite(x) ? DECIMAL.exec(String(x)) : null
  if (!m) throw new RangeError(`not a finite number: ${x}`)
  const [, sign = '', whole = '0', fraction = '', exp = '0'] = m
  const digits = BigInt(sign + whole + fraction)
  const scale = Number(exp) - fraction.length
  return scale >= 0 ? rational(digits * 10n ** BigInt(scale)) : rational(digits, 10n ** BigInt(-scale))
}

/** A score given either as a number (its decimal spelling) or as an exact fraction. */
export function toRational(x: number | Fraction): Rational {
  return typeof x === 'number' ? decimalRational(x) : parseFraction(x)
}

/** The double nearest to n/d (one correctly rounded division while both fit in a double exactly). */
export function rationalToNumber(r: Rational): number {
  const safe = BigInt(Number.MAX_SAFE_INTEGER)
  if (abs(r.n) <= safe && r.d <= safe) return Number(r.n) / Number(r.d)
  // Scores are at most a few hundred, so scaling by 10^17 keeps ~17 significant digits.
  return Number((r.n * 10n ** 17n) / r.d) / 1e17
}

export function fractionToNumber(f: Fraction): number {
  return rationalToNumber(parseFraction(f))
}

/**
 * Rounded half-up to two decimals (RULES.md §6), exactly: 84.125 → 84.13, 253/3 → 84.33. A number
 * is taken at its decimal spelling, so 89.995 → 90 even though the nearest double is just below.
 * Halves of negative numbers round away from zero (scores are never negative; this only keeps the
 * function symmetric).
 */
export function roundHalfUp2(x: number | Fraction | Rational): number {
  const r = typeof x === 'object' ? x : toRational(x)
  const a = abs(r.n)
  const h = (200n * a + r.d) / (2n * r.d)
  return fromHundredths(Number(r.n < 0n ? -h : h))
}

/**
 * `value` in integer hundredths, for summing inputs that are typed with at most two decimals without
 * float drift; a value with more decimals is refused rather than silently rounded.
 */
export function hundredthsOf(value: number, zhWhat: string, enWhat: string): number {
  const h = toHundredths(value)
  if (h === null) {
    throw new ScoringInputError(`${zhWhat}为 ${String(value)}，应为最多两位小数的数`, `${enWhat} is ${String(value)}: expected a number with at most two decimals`)
  }
  return h
}

/** `value` in hundredths, and within [0, 100]: a score, a rating, a percent. */
export function scoreHundredthsOf(value: number, zhWhat: string, enWhat: string): number {
  const h = hundredthsOf(value, zhWhat, enWhat)
  if (h < 0 || h > FULL_SCORE_HUNDREDTHS) {
    throw new ScoringInputError(`${zhWhat}为 ${String(value)}，应在 0–100 之间`, `${enWhat} is ${String(value)}: expected 0–100`)
  }
  return h
}
