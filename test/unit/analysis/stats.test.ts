import { describe, expect, it } from 'vitest'
import { biasMeasures, rotatingExcellent, shortPosts, type PairRating, type YearGrade } from '../../../src/main/core/analysis/stats'
import { decimalRational, rational, roundHalfUp2 } from '../../../src/main/core/metrics/exact'

/**
 * The rater-bias measures, 短板岗位 and 轮流坐庄 (RULES.md §8) on small worked examples, computed by
 * hand in the comments. Thresholds are the default policy's: 一刀切 SD < 3 over ≥ 5 people, 老好人 ≥ 90 %
 * of ratings at 90 or above.
 */
const T = { uniformSdBelow: 3, uniformMinPeople: 5, lenientSharePercent: 90, lenientScore: 90 }
const r = (raterId: number, personId: number, score: number): PairRating => ({ raterId, personId, score: decimalRational(score) })
const of = (ms: ReturnType<typeof biasMeasures>, raterId: number) => ms.find((m) => m.raterId === raterId)!

describe('leniency / severity offset', () => {
  it('is the mean of the rater’s score minus the OTHER raters’ mean, per shared person', () => {
    // Person 1: A 90, B 80, C 70.  Person 2: A 85, B 75.  Person 3: A 60 (nobody else).
    // A: p1 90 − mean(80, 70) = 15; p2 85 − 75 = 10; p3 not compared → offset (15 + 10) / 2 = 12.5 over 2.
    // B: p1 80 − mean(90, 70) = 0; p2 75 − 85 = −10 → −5.  C: p1 70 − mean(90, 80) = −15.
    const ms = biasMeasures([r(1, 1, 90), r(2, 1, 80), r(3, 1, 70), r(1, 2, 85), r(2, 2, 75), r(1, 3, 60)], T)
    expect(of(ms, 1).offset).toEqual(rational(25, 2))
    expect(of(ms, 1).comparedPeople).toBe(2)
    expect(of(ms, 1).people).toBe(3)
    expect(of(ms, 2).offset).toEqual(rational(-5))
    expect(of(ms, 3).offset).toEqual(rational(-15))
  })

  it('is null for a rater nobody else rated alongside', () => {
    const ms = biasMeasures([r(1, 1, 90), r(1, 2, 80), r(2, 3, 70)], T)
    expect(of(ms, 1).offset).toBeNull()
    expect(of(ms, 1).comparedPeople).toBe(0)
  })

  it('is exact with thirds: 80 − mean(70, 71, 73) = 80 − 214/3 = 26/3', () => {
    const ms = biasMeasures([r(1, 1, 80), r(2, 1, 70), r(3, 1, 71), r(4, 1, 73)], T)
    expect(of(ms, 1).offset).toEqual(rational(26, 3))
    expect(roundHalfUp2(of(ms, 1).offset!)).toBe(8.67)
  })
})

describe('一刀切 (uniform): SD strictly below 3 over at least 5 people', () => {
  it('SD exactly 3 is not uniform', () => {
    // 82, 88, 82, 88, 82, 88 (six people): mean 85, every deviation ±3, squares 9 → variance 54 / 6 = 9 → SD exactly 3.
    const scores = [82, 88, 82, 88, 82, 88]
    const ms = biasMeasures(scores.map((s, i) => r(1, i + 1, s)), T)
    expect(of(ms, 1).variance).toEqual(rational(9))
    expect(of(ms, 1).uniform).toBe(false)
  })

  it('SD just below 3 over 6 people is uniform: 82.01, 87.99 … → variance (2.99)² < 9', () => {
    // Mean 85, deviations ±2.99 → variance 8.9401 < 9.
    const scores = [82.01, 87.99, 82.01, 87.99, 82.01, 87.99]
    const ms = biasMeasures(scores.map((s, i) => r(1, i + 1, s)), T)
    expect(of(ms, 1).variance).toEqual(decimalRational(8.9401))
    expect(of(ms, 1).uniform).toBe(true)
  })

  it('4 people never count, however alike: 85, 85, 85, 85 (SD 0)', () => {
    const ms = biasMeasures([85, 85, 85, 85].map((s, i) => r(1, i + 1, s)), T)
    expect(of(ms, 1).variance).toEqual(rational(0))
    expect(of(ms, 1).uniform).toBe(false)
    // A fifth person makes the same rater uniform.
    expect(of(biasMeasures([85, 85, 85, 85, 85].map((s, i) => r(1, i + 1, s)), T), 1).uniform).toBe(true)
  })
})

describe('老好人 (lenient): at least 90 % of ratings at 90 or above', () => {
  it('exactly 90 % is lenient: 9 of 10 at ≥ 90 (90 itself counts)', () => {
    const scores = [90, 91, 92, 93, 94, 95, 96, 97, 98, 89.99]
    const ms = biasMeasures(scores.map((s, i) => r(1, i + 1, s)), T)
    expect(of(ms, 1).lenientShare).toEqual(rational(90))
    expect(of(ms, 1).lenient).toBe(true)
  })

  it('8 of 10 (80 %) is not; nor is 89.99 for 90', () => {
    const scores = [90, 91, 92, 93, 94, 95, 96, 97, 89.99, 89.99]
    const ms = biasMeasures(scores.map((s, i) => r(1, i + 1, s)), T)
    expect(of(ms, 1).lenientShare).toEqual(rational(80))
    expect(of(ms, 1).lenient).toBe(false)
  })

  it('a share of 8/9 = 88.89 % is below 90 % exactly (not rounded up)', () => {
    const scores = [95, 95, 95, 95, 95, 95, 95, 95, 80]
    const ms = biasMeasures(scores.map((s, i) => r(1, i + 1, s)), T)
    expect(of(ms, 1).lenientShare).toEqual(rational(800, 9))
    expect(of(ms, 1).lenient).toBe(false)
  })
})

describe('短板岗位: at least one SD (population, over posts) below the unit mean', () => {
  it('flags a post exactly one SD below', () => {
    // Post means 70, 90, 70, 90 → their mean 80, deviations ±10 → variance 100 → SD 10.
    // Unit mean 80: 80 − 70 = 10 ≥ 10 → both 70-posts are short; the 90-posts are above.
    const posts = [
      { name: 'A', mean: rational(70) },
      { name: 'B', mean: rational(90) },
      { name: 'C', mean: rational(70) },
      { name: 'D', mean: rational(90) },
    ]
    const s = shortPosts(posts, rational(80))
    expect(s.variance).toEqual(rational(100))
    expect([...s.short].sort()).toEqual(['A', 'C'])
  })

  it('does not flag a post 0.01 short of one SD', () => {
    // Same SD 10 (variance of 70, 90, 70, 90); unit mean 79.99 → gap 9.99 < 10.
    const posts = ['A', 'B', 'C', 'D'].map((name, i) => ({ name, mean: rational(i % 2 ? 90 : 70) }))
    expect(shortPosts(posts, decimalRational(79.99)).short.size).toBe(0)
  })

  it('flags nothing when every post has the same mean (SD 0)', () => {
    const posts = ['A', 'B'].map((name) => ({ name, mean: rational(80) }))
    expect(shortPosts(posts, rational(80)).short.size).toBe(0)
  })
})

describe('轮流坐庄: 优秀 passing from person to person in a department', () => {
  const g = (year: number, personId: number, department: string, grade: string): YearGrade => ({ year, personId, name: `P${personId}`, department, grade })
  const dept = (name: string, ids: number[], excellentByYear: Record<number, number[]>) =>
    [2023, 2024, 2025].flatMap((y) => ids.map((id) => g(y, id, name, (excellentByYear[y] ?? []).includes(id) ? '优秀' : '称职')))

  it('flags a department of 5 where three different people were 优秀 in three years (3 of 5 > half)', () => {
    const f = rotatingExcellent([2023, 2024, 2025], dept('综合科', [1, 2, 3, 4, 5], { 2023: [1], 2024: [2], 2025: [3] }))
    expect(f).toHaveLength(1)
    expect(f[0]).toMatchObject({ department: '综合科', holders: 3, members: 5 })
    expect(f[0]!.sequence.map((s) => s.names)).toEqual([['P1'], ['P2'], ['P3']])
  })

  it('does not flag a repeat (one person 优秀 twice)', () => {
    expect(rotatingExcellent([2023, 2024, 2025], dept('综合科', [1, 2, 3, 4, 5], { 2023: [1], 2024: [2], 2025: [1] }))).toEqual([])
  })

  it('does not flag a year without 优秀, nor a large department where only a minority had a turn', () => {
    expect(rotatingExcellent([2023, 2024, 2025], dept('综合科', [1, 2, 3, 4, 5], { 2023: [1], 2025: [3] }))).toEqual([])
    // 3 of 6 is exactly half, not most.
    expect(rotatingExcellent([2023, 2024, 2025], dept('执法一科', [1, 2, 3, 4, 5, 6], { 2023: [1], 2024: [2], 2025: [3] }))).toEqual([])
  })

  it('counts only people graded in the department in every year of the window as members', () => {
    // 4 and 5 joined in 2025: members are 1, 2, 3; holders 1, 2, 3 → 3 of 3.
    const rows = [...dept('法规科', [1, 2, 3], { 2023: [1], 2024: [2], 2025: [3] }), g(2025, 4, '法规科', '称职'), g(2025, 5, '法规科', '称职')]
    expect(rotatingExcellent([2023, 2024, 2025], rows)[0]).toMatchObject({ holders: 3, members: 3 })
  })
})
