import { ScoringInputError } from './errors'
import { HUNDREDTHS, add, div, hundredthsOf, mul, rational, rationalToNumber, toFraction, toRational, type Fraction, type Rational } from './exact'

export interface Redistribution<K extends string> {
  /**
   * Nothing is left to carry the weight: every part is N/A, or the applicable parts all weigh 0.
   * The whole (dimension, channel set) is then N/A itself and its own weight is spread one level up.
   */
  notApplicable: boolean
  notApplicableKeys: K[]
  /** Weight each part carries after spreading, in the input's unit (percent), unrounded; 0 for N/A parts. */
  effective: Record<K, number>
  effectiveExact: Record<K, Fraction>
}

function keysOf<K extends string>(weights: Readonly<Record<K, unknown>>): K[] {
  return Object.keys(weights) as K[]
}

function weightHundredths<K extends string>(weights: Readonly<Record<K, number>>): Map<K, number> {
  const out = new Map<K, number>()
  for (const k of keysOf(weights)) {
    const h = hundredthsOf(weights[k], `“${k}”的权重`, `weight of "${k}"`)
    if (h < 0) throw new ScoringInputError(`“${k}”的权重为负数`, `weight of "${k}" is negative`)
    out.set(k, h)
  }
  return out
}

/**
 * Spreads the weight of N/A parts over the applicable ones in proportion to their weights (不适用权重
 * 按比例分配, RULES.md §4 "Not applicable"): part k then weighs w_k × Σ all / Σ applicable. The same
 * rule serves indicators in a dimension, dimensions in a sheet and channels in the composite (§6).
 * Example: 培训考核 40 N/A, 政策解读 30, 创新攻坚 30 → 0, 50, 50.
 */
export function redistribute<K extends string>(weights: Readonly<Record<K, number>>, notApplicable: readonly NoInfer<K>[]): Redistribution<K> {
  const h = weightHundredths(weights)
  const na = new Set<K>()
  for (const k of notApplicable) {
    if (!h.has(k)) throw new ScoringInputError(`不适用项“${k}”不在权重表中`, `N/A part "${k}" has no weight`)
    na.add(k)
  }
  let total = 0
  let applicable = 0
  for (const [k, w] of h) {
    total += w
    if (!na.has(k)) applicable += w
  }
  const effective = {} as Record<K, number>
  const effectiveExact = {} as Record<K, Fraction>
  for (const [k, w] of h) {
    const r = na.has(k) || applicable === 0 ? rational(0) : rational(w * total, applicable * HUNDREDTHS)
    effective[k] = rationalToNumber(r)
    effectiveExact[k] = toFraction(r)
  }
  return { notApplicable: applicable === 0, notApplicableKeys: [...na], effective, effectiveExact }
}

export interface WeightedScore<K extends string> {
  /** Σ w × score / Σ applicable w, unrounded; null when nothing applicable carries weight. */
  score: number | null
  exact: Fraction | null
  redistribution: Redistribution<K>
}

/**
 * The weighted mean of parts' scores with N/A (null) parts' weight spread over the others: Σ w_k × s_k
 * / Σ applicable w_k, which equals Σ effective w_k × s_k / Σ w. Scores may be exact fractions (a
 * rule's `exact`) or numbers taken at their decimal spelling; the sum is exact, one division at the end.
 */
export function weightedScore<K extends string>(
  weights: Readonly<Record<K, number>>,
  scores: Readonly<Record<K, number | Fraction | null>>,
): WeightedScore<K> {
  const keys = keysOf(weights)
  for (const k of keysOf(scores)) {
    if (!(k in weights)) throw new ScoringInputError(`“${k}”有分数但没有权重`, `"${k}" has a score but no weight`)
  }
  const na = keys.filter((k) => {
    const s = scores[k]
    if (s === undefined) throw new ScoringInputError(`缺少“${k}”的分数（不适用时应为 null）`, `no score for "${k}" (use null for N/A)`)
    return s === null
  })
  const redistribution = redistribute(weights, na)
  if (redistribution.notApplicable) return { score: null, exact: null, redistribution }
  const h = weightHundredths(weights)
  let sum: Rational = rational(0)
  let applicable = 0
  for (const k of keys) {
    const s = scores[k]
    const w = h.get(k) ?? 0
    if (s === null || s === undefined) continue
    sum = add(sum, mul(rational(w), toRational(s)))
    applicable += w
  }
  const mean = div(sum, rational(applicable))
  return { score: rationalToNumber(mean), exact: toFraction(mean), redistribution }
}
