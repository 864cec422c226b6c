import { add, decimalRational, div, mul, rational, rationalToNumber, roundHalfUp2, type Rational } from '../metrics/exact'

/**
 * Exact statistics for the team analysis and the rater-bias measures (RULES.md §8). Every threshold
 * comparison is done on exact fractions (core/metrics/exact.ts), never on floats: a standard
 * deviation of exactly 3 is not "below 3", a share of exactly 90 % is "at least 90 %", and a post
 * exactly one standard deviation below the mean is a 短板岗位. A standard deviation is compared
 * through its square (the variance), which stays rational; only the shown value takes a square root.
 */

export const ZERO: Rational = rational(0)

export function sub(a: Rational, b: Rational): Rational {
  return add(a, rational(-b.n, b.d))
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function cmp(a: Rational, b: Rational): number {
  const l = a.n * b.d
  const r = b.n * a.d
  return l < r ? -1 : l > r ? 1 : 0
}

export function sum(xs: readonly Rational[]): Rational {
  return xs.reduce(add, ZERO)
}

/** The arithmetic mean; null for no values. */
export function mean(xs: readonly Rational[]): Rational | null {
  return xs.length ? div(sum(xs), rational(xs.length)) : null
}

/**
 * The population variance (divided by n, not n − 1): the values described are all there are — every
 * rating a rater gave, every post of the unit — not a sample drawn from a larger set.
 */
export function populationVariance(xs: readonly Rational[]): Rational | null {
  const m = mean(xs)
  if (m === null) return null
  return div(sum(xs.map((x) => mul(sub(x, m), sub(x, m)))), rational(xs.length))
}

/** A standard deviation for display: √variance, rounded half-up to two decimals. */
export function sdShown(variance: Rational): number {
  return roundHalfUp2(decimalRational(Math.sqrt(rationalToNumber(variance))))
}

/** The policy's decimal number as the exact value it spells. */
export const exact = (x: number): Rational => decimalRational(x)

export const shown = (r: Rational): number => roundHalfUp2(r)

// ---- rater bias --------------------------------------------------------------------------------

/** One rater's rating of one person (already reduced to one number per pair, see bias.ts). */
export interface PairRating {
  raterId: number
  personId: number
  score: Rational
}

export interface BiasThresholds {
  uniformSdBelow: number
  uniformMinPeople: number
  lenientSharePercent: number
  lenientScore: number
}

export interface BiasMeasure {
  raterId: number
  people: number
  mean: Rational
  variance: Rational
  /** Mean over the rater's people who have other raters of (rater's score − the others' mean). */
  offset: Rational | null
  comparedPeople: number
  /** Percent of the rater's ratings at lenientScore or above. */
  lenientShare: Rational
  uniform: boolean
  lenient: boolean
}

/**
 * The three measures per rater (RULES.md §8, 避免“老好人”“一刀切”):
 * - leniency/severity: for every person the rater rated who was also rated by someone else, the
 *   rater's score minus the mean of the OTHER raters' scores of that person; the offset is the mean
 *   of these differences (positive lenient, negative severe), null without any such person;
 * - 一刀切: the population SD of the rater's ratings is strictly below `uniformSdBelow`, and the
 *   rater rated at least `uniformMinPeople` people (fewer people never count as uniform);
 * - 老好人: at least `lenientSharePercent` % of the rater's ratings are at `lenientScore` or above.
 */
export function biasMeasures(ratings: readonly PairRating[], t: BiasThresholds): BiasMeasure[] {
  const byPerson = new Map<number, PairRating[]>()
  const byRater = new Map<number, PairRating[]>()
  for (const r of ratings) {
    // Push, not copy: a rater of a large unit has tens of thousands of ratings.
    const ofPerson = byPerson.get(r.personId)
    if (ofPerson) ofPerson.push(r)
    else byPerson.set(r.personId, [r])
    const ofRater = byRater.get(r.raterId)
    if (ofRater) ofRater.push(r)
    else byRater.set(r.raterId, [r])
  }
  const sdBelow = exact(t.uniformSdBelow)
  const sdBelowSquared = mul(sdBelow, sdBelow)
  const lenientScore = exact(t.lenientScore)
  const lenientShareMin = exact(t.lenientSharePercent)
  return [...byRater.entries()]
    .sort(([a], [b]) => a - b)
    .map(([raterId, own]) => {
      const scores = own.map((r) => r.score)
      const diffs: Rational[] = []
      for (const r of own) {
        const others = (byPerson.get(r.personId) ?? []).filter((o) => o.raterId !== raterId).map((o) => o.score)
        const othersMean = mean(others)
        if (othersMean !== null) diffs.push(sub(r.score, othersMean))
      }
      const variance = populationVariance(scores)!
      const atLenient = scores.filter((s) => cmp(s, lenientScore) >= 0).length
      const lenientShare = div(rational(atLenient * 100), rational(scores.length))
      return {
        raterId,
        people: scores.length,
        mean: mean(scores)!,
        variance,
        offset: mean(diffs),
        comparedPeople: diffs.length,
        lenientShare,
        uniform: scores.length >= t.uniformMinPeople && cmp(variance, sdBelowSquared) < 0,
        lenient: cmp(lenientShare, lenientShareMin) >= 0,
      }
    })
}

// ---- 短板岗位 ----------------------------------------------------------------------------------

/**
 * 短板岗位 (RULES.md §8: posts at least one standard deviation below the unit mean). The unit mean is
 * the mean T over everyone with a T (the unit's mean as HR quotes it). The standard deviation is the
 * population SD of the posts' mean T values: the question is how a post compares with the other
 * posts, so the spread that matters is the spread between posts (the SD of individual T would mix in
 * the spread inside each post and flag almost nothing), and the posts are all the posts there are,
 * not a sample (so n, not n − 1). A post is short when unitMean − postMean ≥ SD, compared exactly
 * through squares; when every post has the same mean (SD 0) no post is short.
 */
export function shortPosts(postMeans: readonly { name: string; mean: Rational }[], unitMean: Rational): { variance: Rational | null; short: Set<string> } {
  const variance = populationVariance(postMeans.map((p) => p.mean))
  const short = new Set<string>()
  if (variance === null || cmp(variance, ZERO) === 0) return { variance, short }
  for (const p of postMeans) {
    const gap = sub(unitMean, p.mean)
    if (cmp(gap, ZERO) > 0 && cmp(mul(gap, gap), variance) >= 0) short.add(p.name)
  }
  return { variance, short }
}

// ---- 轮流坐庄 ----------------------------------------------------------------------------------

export interface YearGrade {
  year: number
  personId: number
  name: string
  department: string
  grade: string
}

export interface RotationFinding {
  department: string
  sequence: { year: number; personIds: number[]; names: string[] }[]
  holders: number
  members: number
}

/**
 * 轮流坐庄 (rotating 优秀) over a window of consecutive final years (oldest first), per department:
 * - members: the people graded in the department (any grade, 不定等次 included) in EVERY year of the
 *   window — the ones who could have had a turn; a department needs at least two;
 * - every year of the window the department has at least one 优秀;
 * - nobody is 优秀 in the department in two years of the window (it passes from person to person);
 * - more than half of the members were 优秀 once in the window (most of the department got a turn).
 * All four hold → the department is flagged, with the sequence of who was 优秀 each year. A
 * department whose 优秀 goes to different people but reaches only a minority of it (a large
 * department with three 优秀 in three years) is not flagged: that is ordinary turnover.
 */
export function rotatingExcellent(window: readonly number[], grades: readonly YearGrade[]): RotationFinding[] {
  if (window.length < 2) return []
  const inWindow = grades.filter((g) => window.includes(g.year))
  const departments = [...new Set(inWindow.map((g) => g.department))].sort((a, b) => a.localeCompare(b, 'zh'))
  const out: RotationFinding[] = []
  for (const department of departments) {
    const rows = inWindow.filter((g) => g.department === department)
    const yearsOf = new Map<number, Set<number>>()
    for (const r of rows) yearsOf.set(r.personId, (yearsOf.get(r.personId) ?? new Set()).add(r.year))
    const members = [...yearsOf.entries()].filter(([, ys]) => window.every((y) => ys.has(y))).map(([id]) => id)
    if (members.length < 2) continue
    const sequence = window.map((year) => {
      const ex = rows.filter((r) => r.year === year && r.grade === '优秀').sort((a, b) => a.personId - b.personId)
      return { year, personIds: ex.map((r) => r.personId), names: ex.map((r) => r.name) }
    })
    if (sequence.some((s) => s.personIds.length === 0)) continue
    const all = sequence.flatMap((s) => s.personIds)
    const distinct = new Set(all)
    if (distinct.size !== all.length) continue
    const memberHolders = members.filter((m) => distinct.has(m)).length
    if (memberHolders * 2 <= members.length) continue
    out.push({ department, sequence, holders: distinct.size, members: members.length })
  }
  return out
}
