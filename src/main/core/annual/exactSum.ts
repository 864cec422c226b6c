import { rational, type Rational } from '../metrics/exact'

/**
 * The few exact operations the annual computation needs, on n/d pairs that are reduced only when a
 * result leaves the engine: a sheet is a sum of a dozen products, and reducing after each step (a gcd
 * on BigInts) was most of the cost of scoring a large unit. Denominators stay positive throughout.
 */
export interface Q {
  readonly n: bigint
  readonly d: bigint
}

export const ZERO: Q = { n: 0n, d: 1n }

export function q(r: Rational): Q {
  return r
}

export function int(n: number | bigint): Q {
  return { n: BigInt(n), d: 1n }
}

export function plus(a: Q, b: Q): Q {
  return a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d }
}

export function times(a: Q, b: Q): Q {
  return { n: a.n * b.n, d: a.d * b.d }
}

export function over(a: Q, b: Q): Q {
  if (b.n === 0n) throw new RangeError('division by zero')
  return b.n < 0n ? { n: -a.n * b.d, d: a.d * -b.n } : { n: a.n * b.d, d: a.d * b.n }
}

/** −1, 0 or 1 as a is below, equal to or above b. */
export function compare(a: Q, b: Q): number {
  const l = a.n * b.d
  const r = b.n * a.d
  return l < r ? -1 : l > r ? 1 : 0
}

/** ⌊a⌋ as a bigint (a ≥ 0 in every use here; negative values floor towards −∞ as well). */
export function floor(a: Q): bigint {
  const f = a.n / a.d
  return a.n < 0n && f * a.d !== a.n ? f - 1n : f
}

/** In lowest terms, for output and comparison by value. */
export function reduced(a: Q): Rational {
  return rational(a.n, a.d)
}
