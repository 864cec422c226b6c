import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeAnnual } from '../../../src/main/core/annual/engine'
import { inputsFromJson, toExpectedFormat, toInputsFile } from '../../../src/main/core/annual/inputsFile'

/** Random units on annual-a's guideline: properties RULES.md §6 promises for any unit. */
const base = JSON.parse(readFileSync(join(__dirname, '../../fixtures/annual/annual-a.input.json'), 'utf8')) as {
  policy: Record<string, unknown>
  guideline: Record<string, Record<string, { indicators: Record<string, { source: string }> }>>
}
const LEVELS = ['优秀', '称职', '基本称职', '不称职'] as const
const DIMS = ['de', 'neng', 'qin', 'ji', 'lian'] as const
const CATEGORIES = ['general', 'enforcement', 'technical'] as const

/** true about one time in n. */
const rare = (n: number) => fc.integer({ min: 0, max: n - 1 }).map((x) => x === 0)

// Scores in halves keep the inputs as people type them; a few "n/d" quarterly scores test fractions.
const score = fc.integer({ min: 80, max: 200 }).map((h) => h / 2)
const quarterlyScore = fc.oneof(score, fc.integer({ min: 180, max: 300 }).map((n) => `${n}/3`))

const personArb = (id: string) =>
  fc.record({
    category: fc.constantFrom(...CATEGORIES),
    ratings: fc.array(score, { minLength: 1, maxLength: 4 }),
    spread: fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 12, maxLength: 12 }),
    values: fc.array(fc.option(score, { freq: 5 }), { minLength: 6, maxLength: 6 }),
    ballots: fc.array(fc.array(fc.constantFrom(...LEVELS), { maxLength: 12 }), { minLength: 5, maxLength: 5 }),
    quarterly: fc.array(quarterlyScore, { maxLength: 4 }),
    lastYearGrade: fc.constantFrom(null, null, null, '不称职', '称职'),
    rectificationPlan: rare(8),
    serious: rare(10),
    ungraded: rare(10),
    sanctions: fc.constantFrom([], [], [], [], ['诫勉'], ['记过'], ['开除党籍']),
  }).map((r) => {
    const scheme = base.guideline[r.category]!
    const indicators: Record<string, unknown> = {}
    let i = 0
    let v = 0
    for (const d of DIMS) {
      for (const [name, ind] of Object.entries(scheme[d]!.indicators)) {
        if (ind.source === 'rated') indicators[name] = { ratings: r.ratings.map((x) => Math.min(100, Math.max(0, x + (r.spread[i++ % 12] ?? 0)))) }
        else indicators[name] = { value: name === '纪律遵守' ? (r.serious ? 0 : 100) : (r.values[v++ % 6] ?? null) }
      }
    }
    const ballots = Object.fromEntries(DIMS.map((d, j) => [d, r.ballots[j] ?? []]))
    return {
      id,
      category: r.category,
      indicators,
      ballotCount: Math.max(...DIMS.map((d) => (ballots[d] as unknown[]).length)),
      ballots,
      quarterly: r.quarterly,
      review: { minor: 0, serious: r.serious },
      lastYearGrade: r.lastYearGrade,
      rectificationPlan: r.rectificationPlan,
      sanctions: r.sanctions,
      ungraded: r.ungraded,
    }
  })

const unitArb = fc
  .integer({ min: 0, max: 40 })
  .chain((n) =>
    fc.record({
      people: fc.tuple(...Array.from({ length: n }, (_, i) => personArb(String(i + 1).padStart(3, '0')))),
      approval: fc.constantFrom(null, null, { document: '某组干〔2027〕1号', count: 3 }, { document: '某组干〔2027〕2号', rate: 20 }),
      quotaRate: fc.constantFrom(15, 15, 10, 12.5),
    }),
  )
  .map((u) => ({ ...base, policy: { ...base.policy, approval: u.approval, quotaRate: u.quotaRate }, people: u.people as unknown[] }))

const runs = { numRuns: 150 }

describe('properties of the annual computation on random units', () => {
  it('the number of 优秀 never exceeds K, and nobody below the 优秀 line or ineligible gets it', () => {
    fc.assert(
      fc.property(unitArb, (unit) => {
        const r = computeAnnual(inputsFromJson(unit))
        const excellent = r.people.filter((p) => p.grade === '优秀')
        expect(excellent.length).toBeLessThanOrEqual(r.K)
        for (const p of excellent) {
          expect(p.eligible).toBe(true)
          expect(p.T).toBeGreaterThanOrEqual(90)
        }
        if (r.boundaryTie) expect(r.boundaryTie.length).toBeGreaterThanOrEqual(2)
      }),
      runs,
    )
  })

  it('raising any one input score never lowers that person\'s T', () => {
    fc.assert(
      fc.property(unitArb, fc.nat(), fc.integer({ min: 1, max: 20 }), (unit, pick, raise) => {
        const graded = (unit.people as { ungraded: boolean; sanctions: string[] }[]).map((p, i) => [p, i] as const).filter(([p]) => !p.ungraded && !p.sanctions.includes('记过'))
        if (graded.length === 0) return
        const [, index] = graded[pick % graded.length]!
        const before = computeAnnual(inputsFromJson(unit)).people[index]!
        const bumped = structuredClone(unit)
        const person = bumped.people[index] as { indicators: Record<string, { ratings?: number[]; value?: number | null }> }
        const names = Object.keys(person.indicators)
        const target = person.indicators[names[pick % names.length]!]!
        if (target.ratings) target.ratings[0] = Math.min(100, target.ratings[0]! + raise)
        else if (typeof target.value === 'number') target.value = Math.min(100, target.value + raise)
        const after = computeAnnual(inputsFromJson(bumped)).people[index]!
        expect(after.T!).toBeGreaterThanOrEqual(before.T!)
      }),
      runs,
    )
  })

  it('the result does not depend on the order of the people', () => {
    fc.assert(
      fc.property(unitArb, fc.integer(), (unit, seed) => {
        const shuffled = { ...unit, people: [...unit.people].sort((a, b) => ((JSON.stringify(a).length * 31 + seed) % 7) - ((JSON.stringify(b).length * 17 + seed) % 5)) }
        const one = toExpectedFormat(computeAnnual(inputsFromJson(unit))) as { people: { id: string }[] }
        const two = toExpectedFormat(computeAnnual(inputsFromJson(shuffled))) as { people: { id: string }[] }
        const byId = (x: { people: { id: string }[] }) => ({ ...x, people: [...x.people].sort((a, b) => a.id.localeCompare(b.id)) })
        expect(byId(two)).toEqual(byId(one))
      }),
      runs,
    )
  })

  it('writing the inputs to a file and reading it back gives the same result (the identity on results)', () => {
    fc.assert(
      fc.property(unitArb, (unit) => {
        const inputs = inputsFromJson(unit)
        const again = inputsFromJson(JSON.parse(JSON.stringify(toInputsFile(inputs))))
        expect(toExpectedFormat(computeAnnual(again))).toEqual(toExpectedFormat(computeAnnual(inputs)))
        expect(toInputsFile(again)).toEqual(toInputsFile(inputs))
      }),
      runs,
    )
  })
})
