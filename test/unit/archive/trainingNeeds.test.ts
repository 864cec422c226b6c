import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { AnnualPersonView } from '../../../src/shared/annual'
import { DIMENSIONS, type Dimension } from '../../../src/shared/guideline/model'
import { Store } from '../../../src/main/db/store'
import { policyInForce } from '../../../src/main/core/policy/inForce'
import { listSuggestions, setSuggestion, trainingNeeds } from '../../../src/main/core/archive'
import { archiveOf } from '../../../src/main/core/archive/archive'
import { tempDir } from '../../support/tempUnit'

/**
 * The training-need rule (RULES.md §8) on a small worked example: two people, A and B, in one final
 * year. A dimension or indicator at least the policy's gap (10) below the unit's mean, or under its
 * floor (70), is a need, with the suggestion of the editable table.
 */

const NOW = new Date('2026-03-01T09:00:00')

function person(store: Store, staffNo: string, name: string): number {
  return Number(
    store.run(store.qb.insertInto('people').values({ staff_no: staffNo, name, department_id: null, post: '科员', category: 'general', rank: '一级科员', supervisor_id: null, risk_post: 0, status: 'active', joined_on: null, left_on: null })).lastInsertRowid,
  )
}

function view(personId: number, staffNo: string, dims: Partial<Record<Dimension, [number | null, number | null]>>, T: number): AnnualPersonView {
  const ch = (score: number | null) => ({ weight: 1, effectiveWeight: 1, score })
  return {
    personId,
    staffNo,
    name: staffNo,
    department: null,
    category: 'general',
    status: 'graded',
    note: null,
    channels: { leadership: ch(T), democratic: ch(null), quarterly: ch(T) },
    T,
    eligible: true,
    forced: false,
    vetoes: [],
    reasons: [],
    flags: [],
    rank: 1,
    proposed: '称职',
    grade: '称职',
    changeReason: null,
    dimensions: DIMENSIONS.map((d) => ({ dimension: d, leadership: dims[d] ? dims[d][0] : 85, democratic: dims[d] ? dims[d][1] : null })),
  }
}

function finalRound(store: Store, year: number, people: AnnualPersonView[], until = `${year + 1}-02-10`) {
  store.run(
    store.qb.insertInto('annual_rounds').values({
      year,
      stage: 'publicity',
      inputs_sha256: 'a'.repeat(64),
      n: people.length,
      k: 0,
      boundary_tie: null,
      result_json: JSON.stringify({ people, quota: { zh: '', en: '' }, blockers: [], explanations: {} }),
      guideline_version: null,
      proposed_by: null,
      proposed_at: NOW.toISOString(),
      confirmed_by: null,
      confirmed_at: null,
      publicity_from: `${year + 1}-02-01`,
      publicity_until: until,
      published_by: null,
      published_at: null,
    }),
  )
  for (const p of people) store.run(store.qb.insertInto('annual_grades').values({ year, person_id: p.personId, proposed: p.grade, grade: p.grade, t: p.T, reason: null, changed_by: null, changed_at: null }))
}

function unit() {
  const store = Store.open(join(tempDir(), 'n.kaohe'), randomBytes(32))
  const a = person(store, '0001', '甲')
  const b = person(store, '0002', '乙')
  return { store, a, b }
}

describe('training needs', () => {
  it('reads the gap and the floor from the policy: 10 points below the mean, or below 70', () => {
    const { store } = unit()
    expect(policyInForce(store, 2025).policy.results).toMatchObject({ trainingNeedGapPoints: 10, trainingNeedFloor: 70 })
  })

  it('is a need exactly at 10 below the mean, not at 9.99; at 69.99, not at 70', () => {
    const { store, a, b } = unit()
    finalRound(store, 2025, [
      // 能: mean 90, B exactly 10 below. 勤: mean 89.99, B 9.99 below. 德: B 69.99 (and A 70.00, the floor itself).
      view(a, '0001', { neng: [100, null], qin: [99.98, null], de: [70, null] }, 90),
      view(b, '0002', { neng: [80, null], qin: [80, null], de: [69.99, null] }, 80),
    ])
    const needs = trainingNeeds(store, 2025)
    expect(needs.map((n) => [n.personId, n.key, n.reason, n.score, n.unitMean])).toEqual([
      [b, 'de', 'belowFloor', 69.99, 70],
      [b, 'neng', 'belowMean', 80, 90],
    ])
    expect(needs[1]!.label.zh).toBe('能（维度）')
    expect(needs[1]!.suggestion).toContain('跟班学习')
    // One person's only.
    expect(trainingNeeds(store, 2025, a)).toEqual([])
    expect(trainingNeeds(store, 2025, b)).toHaveLength(2)
  })

  it('reads a dimension as the mean of the sheet and the ballots', () => {
    const { store, a, b } = unit()
    // 绩: A (90 + 100) / 2 = 95; B (80 + 90) / 2 = 85 → mean 90, B 5 below: no need. 廉: B's ballots alone, 60: below 70.
    finalRound(store, 2025, [view(a, '0001', { ji: [90, 100], lian: [null, 90] }, 90), view(b, '0002', { ji: [80, 90], lian: [null, 60] }, 80)])
    expect(trainingNeeds(store, 2025).map((n) => [n.personId, n.key, n.score])).toEqual([[b, 'lian', 60]])
  })

  it('takes an indicator from the submitted sheets, with its own suggestion, and the table as HR edited it', () => {
    const { store, a, b } = unit()
    finalRound(store, 2025, [view(a, '0001', {}, 90), view(b, '0002', {}, 80)])
    const rater = person(store, '0100', '评委')
    const other = person(store, '0101', '评委二')
    const sheet = (personId: number, status: 'draft' | 'submitted', innovation: number) => {
      const values = { year: 2025, rater_id: status === 'draft' ? other : rater, person_id: personId, status, source: 'sheet' as const, saved_at: NOW.toISOString(), saved_by: null, submitted_at: status === 'draft' ? null : NOW.toISOString() }
      const id = Number(store.run(store.qb.insertInto('leadership_sheets').values(values)).lastInsertRowid)
      store.run(store.qb.insertInto('leadership_scores').values({ sheet_id: id, indicator_id: 'innovation', score_hundredths: innovation }))
    }
    sheet(a, 'submitted', 9500)
    sheet(b, 'submitted', 7500)
    // A draft never counts.
    sheet(b, 'draft', 1000)
    const [need] = trainingNeeds(store, 2025)
    expect(need).toMatchObject({ personId: b, key: 'innovation', label: { zh: '创新攻坚' }, score: 75, unitMean: 85, reason: 'belowMean' })
    expect(need!.suggestion).toContain('赴先进地区跟班学习')

    const hr = Number(store.run(store.qb.insertInto('users').values({ username: 'hr', display_name: '人事', disabled: 0, must_change_password: 0, public_key: 'x', person_id: null, created_at: NOW.toISOString() })).lastInsertRowid)
    setSuggestion(store, 'innovation', '到试点单位跟班三个月', hr, NOW)
    expect(trainingNeeds(store, 2025)[0]!.suggestion).toBe('到试点单位跟班三个月')
    expect(listSuggestions(store, 2025).find((s) => s.key === 'innovation')).toMatchObject({ suggestion: '到试点单位跟班三个月', updatedAt: NOW.toISOString(), updatedBy: '人事' })
    expect(() => setSuggestion(store, 'nope', 'x', hr, NOW)).toThrow(expect.objectContaining({ code: 'NOT_FOUND', params: expect.objectContaining({ id: 'nope' }) }))
    expect(() => setSuggestion(store, 'innovation', '   ', hr, NOW)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }))
  })

  it('has none before the results are out, and (given today) none before they are final', () => {
    const { store, a, b } = unit()
    expect(trainingNeeds(store, 2025)).toEqual([])
    finalRound(store, 2025, [view(a, '0001', { neng: [100, null] }, 90), view(b, '0002', { neng: [80, null] }, 80)], '2026-02-10')
    expect(trainingNeeds(store, 2025, undefined, '2026-02-10')).toEqual([])
    expect(trainingNeeds(store, 2025, undefined, '2026-02-11')).toHaveLength(1)
  })

  it('builds the archive across two final years, with the prior grade of a year before Kaohe', () => {
    const { store, a, b } = unit()
    store.run(store.qb.insertInto('prior_grades').values({ year: 2023, person_id: b, grade: '优秀', recorded_by: null, recorded_at: NOW.toISOString() }))
    finalRound(store, 2024, [view(a, '0001', {}, 91), view(b, '0002', { neng: [78, 80] }, 81.5)], '2025-02-10')
    finalRound(store, 2025, [view(a, '0001', {}, 92), view(b, '0002', { neng: [88, 86] }, 86.25)], '2026-02-10')
    const arc = archiveOf(store, b, '2026-03-01')
    expect(arc.person).toMatchObject({ staffNo: '0002', name: '乙' })
    expect(arc.years.map((y) => [y.year, y.source, y.grade, y.T])).toEqual([
      [2023, 'prior', '优秀', null],
      [2024, 'kaohe', '称职', 81.5],
      [2025, 'kaohe', '称职', 86.25],
    ])
    expect(arc.years[1]!.dimensions.find((d) => d.dimension === 'neng')).toEqual({ dimension: 'neng', leadership: 78, democratic: 80, score: 79 })
    // 2024: 能 79 vs mean 82 — no; 2025 neither. A need shows under its year.
    expect(arc.needs).toEqual([])
    // Before 2025's publicity ends, only 2024 is in the archive.
    expect(archiveOf(store, b, '2026-02-10').years.map((y) => y.year)).toEqual([2023, 2024])
  })
})
