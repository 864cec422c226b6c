import { describe, expect, it } from 'vitest'
import { validateGuideline, type AnnualGuideline, type Violation } from '../../../src/main/core/guideline'
import { DEFAULT_POLICY } from '../../../src/main/core/policy/defaults'
import { readPolicyConstraints } from '../../../src/main/core/policy/constraints'
import {
  POLICY_CONSTRAINT_KEYS,
  POLICY_FIELD_BOUNDS,
  SERVICE_INDICATOR_MIN,
  WEIGHT_SUM,
  boundValue,
  fieldFormat,
  kindOfPolicyConstraint,
  policyBoundOf,
} from '../../../src/shared/guideline/constraints'
import { POST_CATEGORIES } from '../../../src/shared/guideline/model'
import { guidelineWith, policyWith } from './helpers'

/**
 * The shared constraint table (shared/guideline/constraints.ts) is what the editor shows; main's
 * parser and validator must decide exactly what it says, for every field of the guideline.
 */

/** Every numeric leaf of a guideline, by dotted path. */
function numericPaths(node: unknown, prefix = ''): string[] {
  if (typeof node === 'number') return [prefix]
  if (typeof node !== 'object' || node === null) return []
  return Object.entries(node).flatMap(([k, v]) => numericPaths(v, prefix ? `${prefix}.${k}` : k))
}

function setPath(g: AnnualGuideline, path: string, value: number): void {
  const segs = path.split('.')
  const last = segs.pop()!
  let node = g as unknown as Record<string, unknown>
  for (const s of segs) node = node[s] as Record<string, unknown>
  node[last] = value
}

/** The default guideline with an approval stating a count, so every kind of field is present. */
const base = () =>
  guidelineWith((g) => {
    g.quota.approval = { documentNumber: '人社函〔2026〕1号', count: 3 }
  })

const at = (violations: Violation[], path: string, id?: string) => violations.filter((v) => v.path === path && (id === undefined || v.id === id))

function withValue(path: string, value: number, policy = DEFAULT_POLICY): Violation[] {
  const g = base()
  setPath(g, path, value)
  return validateGuideline(g, policy)
}

describe('the shared constraint table and main agree', () => {
  const paths = numericPaths(base()).filter((p) => p !== 'year')

  it('covers every kind of numeric field of the guideline', () => {
    const kinds = new Set(paths.map((p) => JSON.stringify(fieldFormat(p))))
    // weights / scores (0–100, 2 decimals), shares (%), counts, ballots (≥ 1), working and calendar days.
    expect(kinds.size).toBeGreaterThanOrEqual(5)
    expect(fieldFormat('channels.democratic.minBallots')).toMatchObject({ min: 1, decimals: 0 })
    expect(fieldFormat('quota.excellentRate').unit?.zh).toBe('%')
    expect(fieldFormat('publicity.guidelineWorkingDays').unit?.zh).toBe('个工作日')
  })

  it('main parses every field with the table’s range and decimals', () => {
    for (const path of paths) {
      const f = fieldFormat(path)
      const step = f.decimals === 0 ? 1 : 0.01
      expect(at(withValue(path, f.min - step), path, 'SCHEMA'), `${path} below ${f.min}`).toHaveLength(1)
      if (f.max !== undefined) {
        expect(at(withValue(path, f.max + step), path, 'SCHEMA'), `${path} above ${f.max}`).toHaveLength(1)
        expect(at(withValue(path, f.max), path, 'SCHEMA'), `${path} at ${f.max}`).toHaveLength(0)
      }
      expect(at(withValue(path, f.min), path, 'SCHEMA'), `${path} at ${f.min}`).toHaveLength(0)
      // Whole numbers refuse a fraction; two-decimal fields take 0.01 and refuse 0.001.
      if (f.decimals === 0) expect(at(withValue(path, f.min + 0.5), path, 'SCHEMA'), `${path} fraction`).toHaveLength(1)
      else {
        expect(at(withValue(path, f.min + 0.01), path, 'SCHEMA'), `${path} two decimals`).toHaveLength(0)
        expect(at(withValue(path, f.min + 0.001), path, 'SCHEMA'), `${path} three decimals`).toHaveLength(1)
      }
    }
  })

  it('main bounds each field the table names by that policy number, and by nothing else', () => {
    for (const b of POLICY_FIELD_BOUNDS) {
      const step = fieldFormat(b.path).decimals === 0 ? 1 : 0.01
      // A changed policy moves the bound: the table's number, read from whichever policy is in force.
      for (const policy of [DEFAULT_POLICY, policyWith({ [b.key]: readPolicyConstraints(DEFAULT_POLICY)[b.key] + 3 })]) {
        const bound = boundValue(b, policy.constraints, undefined)!.value
        expect(bound, b.key).toBe(policy.constraints[b.key])
        expect(at(withValue(b.path, bound, policy), b.path, b.id), `${b.path} at ${bound}`).toHaveLength(0)
        const past = b.op === '>=' ? bound - step : bound + step
        const broken = at(withValue(b.path, past, policy), b.path, b.id)
        expect(broken, `${b.path} at ${past}`).toMatchObject([{ id: b.id, op: b.op, bound, value: past }])
        expect(broken[0]!.zh).toContain(b.subject.zh)
        if (b.op === '=') expect(at(withValue(b.path, bound - step, policy), b.path, b.id), `${b.path} below`).toHaveLength(1)
      }
    }
    // Fields the table leaves unbound carry no policy violation of their own at any value in range.
    for (const path of paths.filter((p) => !policyBoundOf(p) && fieldFormat(p).max !== undefined && !p.startsWith('categories.'))) {
      const own = withValue(path, fieldFormat(path).max!).filter((v) => v.path === path && v.id !== 'SCHEMA')
      expect(own, path).toEqual([])
    }
  })

  it('P6: an approval stating a rate replaces the policy’s bound, in the table and in main', () => {
    const p6 = policyBoundOf('quota.excellentRate')!
    expect(boundValue(p6, DEFAULT_POLICY.constraints, 25)).toEqual({ value: 25, from: 'approval' })
    const g = guidelineWith((x) => {
      x.quota.approval = { documentNumber: '人社函〔2026〕2号', rate: 25 }
      x.quota.excellentRate = 25.01
    })
    expect(at(validateGuideline(g, DEFAULT_POLICY), 'quota.excellentRate', 'P6')).toMatchObject([{ bound: 25 }])
  })

  it('P3 and P10 read the policy keys the table names', () => {
    for (const cat of POST_CATEGORIES) {
      const key = SERVICE_INDICATOR_MIN[cat]
      const policy = policyWith({ [key]: 99 })
      const p3 = validateGuideline(base(), policy).filter((v) => v.id === 'P3')
      // Exactly the categories the table binds by this key, each with the policy's number.
      const bound = POST_CATEGORIES.filter((c) => SERVICE_INDICATOR_MIN[c] === key)
      expect(p3.map((v) => v.path.split('.')[1]), cat).toEqual(bound)
      for (const v of p3) expect(v).toMatchObject({ bound: 99 })
    }
    const sums = validateGuideline(base(), policyWith({ [WEIGHT_SUM.key]: 90 })).filter((v) => v.id === WEIGHT_SUM.id)
    expect(sums.length).toBeGreaterThan(0)
    for (const v of sums) expect(v).toMatchObject({ bound: 90, op: WEIGHT_SUM.op })
  })

  it('names exactly the policy’s constraint keys, each read in the unit of the field it bounds', () => {
    expect([...POLICY_CONSTRAINT_KEYS].sort()).toEqual(Object.keys(DEFAULT_POLICY.constraints).sort())
    expect(Object.fromEntries(POLICY_CONSTRAINT_KEYS.map((k) => [k, kindOfPolicyConstraint(k)]))).toEqual({
      P1_leadershipChannelMin: 'weight',
      P2_achievementWeightMinGeneral: 'weight',
      P3_serviceIndicatorMin: 'weight',
      P3_serviceIndicatorMinEnforcement: 'weight',
      P4_peerWeightMax: 'weight',
      P5_recipientVoterShareMin: 'percent',
      P6_excellentShareMax: 'percent',
      P7_publicityWorkingDaysMin: 'workingDays',
      P8_appealWindowWorkingDays: 'workingDays',
      P9_appealAnswerCalendarDays: 'calendarDays',
      P10_weightSum: 'weight',
    })
  })
})
