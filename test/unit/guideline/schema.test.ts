import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseGuideline, toHundredths, validateGuideline, type SchemaViolation, type Violation } from '../../../src/main/core/guideline'
import { DEFAULT_POLICY } from '../../../src/main/core/policy/defaults'
import { expectBilingual, guidelineWith } from './helpers'

/** The default guideline as plain JSON, to be broken in ways the types would not allow. */
function rawGuideline(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(guidelineWith())) as Record<string, unknown>
}

/** Walk a dotted path into plain JSON. */
function at(root: unknown, path: string): Record<string, unknown> {
  let node: unknown = root
  for (const seg of path.split('.')) node = (node as Record<string, unknown>)[seg]
  return node as Record<string, unknown>
}

function schemaErrors(input: unknown): SchemaViolation[] {
  let v: Violation[] = []
  expect(() => (v = validateGuideline(input, DEFAULT_POLICY))).not.toThrow()
  expectBilingual(v)
  for (const x of v) expect(x.id).toBe('SCHEMA')
  return v.filter((x): x is SchemaViolation => x.id === 'SCHEMA')
}

describe('schema errors are reported, not thrown', () => {
  it('a missing dimension', () => {
    const g = rawGuideline()
    delete at(g, 'categories.general.dimensions').lian
    const v = schemaErrors(g)
    expect(v).toHaveLength(1)
    expect(v[0]).toMatchObject({ path: 'categories.general.dimensions.lian', zh: '综合管理类 › “廉”维度：缺少此项', en: 'general-management posts › dimension 廉 (probity): is missing' })
  })

  it('an unknown indicator source, named by the indicator', () => {
    const g = rawGuideline()
    const ind = (at(g, 'categories.enforcement.dimensions.ji.indicators') as unknown as Record<string, unknown>[])[2]
    if (!ind) throw new Error('绩 has three indicators')
    ind.source = 'poll'
    const v = schemaErrors(g)
    expect(v).toHaveLength(1)
    expect(v[0]?.path).toBe('categories.enforcement.dimensions.ji.indicators.2.source')
    expect(v[0]?.zh).toBe('行政执法类 › “绩”维度 › “服务评价”指标 › 来源：“poll”不是允许的取值（rated、metric、survey、review）')
    expect(v[0]?.en).toContain('"poll" is not one of rated, metric, survey, review')
  })

  it('a negative weight, with its value and bound', () => {
    const g = rawGuideline()
    at(g, 'categories.technical.dimensions.de').weight = -5
    const v = schemaErrors(g)
    expect(v).toEqual([expect.objectContaining({ path: 'categories.technical.dimensions.de.weight', value: -5, bound: 0, op: '>=' })])
    expect(v[0]?.zh).toContain('-5')
    expect(v[0]?.en).toContain('-5')
  })

  it('a weight above 100', () => {
    const g = rawGuideline()
    at(g, 'channels.leadership').weight = 150
    expect(schemaErrors(g)).toEqual([expect.objectContaining({ path: 'channels.leadership.weight', value: 150, bound: 100, op: '<=' })])
  })

  it('a weight with three decimals', () => {
    const g = rawGuideline()
    at(g, 'categories.general.dimensions.ji').weight = 40.005
    expect(schemaErrors(g).map((x) => x.path)).toEqual(['categories.general.dimensions.ji.weight'])
  })

  it('a weight that is not a number', () => {
    const g = rawGuideline()
    at(g, 'categories.general.dimensions.ji').weight = '40'
    expect(schemaErrors(g).map((x) => x.path)).toEqual(['categories.general.dimensions.ji.weight'])
  })

  it('a fractional day count', () => {
    const g = rawGuideline()
    at(g, 'publicity').guidelineWorkingDays = 5.5
    const v = schemaErrors(g)
    expect(v.map((x) => x.path)).toEqual(['publicity.guidelineWorkingDays'])
    expect(v[0]?.zh).toBe('公示 › 指引公示期：5.5 应为整数')
  })

  it('unknown fields, each at its own path (a typo must not fall back to a default)', () => {
    const g = rawGuideline()
    at(g, 'channels.quarterly').peerWieght = 10
    g.comment = 'x'
    expect(schemaErrors(g).map((x) => x.path).sort()).toEqual(['channels.quarterly.peerWieght', 'comment'])
  })

  it('an unknown metric rule', () => {
    const g = rawGuideline()
    const ind = (at(g, 'categories.general.dimensions.qin.indicators') as unknown as Record<string, unknown>[])[0]
    if (!ind) throw new Error('勤 has indicators')
    ind.rule = { name: 'overtime' }
    expect(schemaErrors(g).map((x) => x.path)).toEqual(['categories.general.dimensions.qin.indicators.0.rule.name'])
  })

  it('a metric indicator without its rule', () => {
    const g = rawGuideline()
    const ind = (at(g, 'categories.general.dimensions.qin.indicators') as unknown as Record<string, unknown>[])[0]
    if (!ind) throw new Error('勤 has indicators')
    delete ind.rule
    expect(schemaErrors(g).map((x) => x.path)).toEqual(['categories.general.dimensions.qin.indicators.0.rule'])
  })

  it('a dimension with no indicators', () => {
    const g = rawGuideline()
    at(g, 'categories.general.dimensions.de').indicators = []
    expect(schemaErrors(g).map((x) => x.path)).toEqual(['categories.general.dimensions.de.indicators'])
  })

  it('an indicator id used twice in one category', () => {
    const g = rawGuideline()
    const ind = (at(g, 'categories.general.dimensions.ji.indicators') as unknown as Record<string, unknown>[])[1]
    if (!ind) throw new Error('绩 has indicators')
    ind.id = 'attendance'
    const v = schemaErrors(g)
    expect(v.map((x) => x.path)).toEqual(['categories.general.dimensions.ji.indicators.1.id'])
    expect(v[0]?.zh).toContain('指标编号“attendance”重复')
  })

  it('an approval with both a rate and a count, or neither, or no document number', () => {
    for (const approval of [{ documentNumber: '某组干〔2026〕7号', rate: 18, count: 3 }, { documentNumber: '某组干〔2026〕7号' }]) {
      const g = rawGuideline()
      at(g, 'quota').approval = approval
      expect(schemaErrors(g).map((x) => x.path)).toEqual(['quota.approval'])
    }
    const g = rawGuideline()
    at(g, 'quota').approval = { documentNumber: '  ', rate: 18, issuedOn: '2026-02-30' }
    expect(schemaErrors(g).map((x) => x.path).sort()).toEqual(['quota.approval.documentNumber', 'quota.approval.issuedOn'])
  })

  it('thresholds and points out of order', () => {
    const g = rawGuideline()
    at(g, 'grades').competentMin = 95
    at(g, 'channels.quarterly.gradeCutoffs').fairMin = 85
    at(g, 'channels.quarterly.nineBoxCutoffs').highMin = 70
    at(g, 'channels.democratic.ballotPoints').incompetent = 60
    expect(schemaErrors(g).map((x) => x.path)).toEqual([
      'channels.democratic.ballotPoints',
      'channels.quarterly.gradeCutoffs',
      'channels.quarterly.nineBoxCutoffs',
      'grades',
    ])
  })

  it('several schema errors at once, all reported', () => {
    const g = rawGuideline()
    delete at(g, 'categories.general.dimensions').lian
    at(g, 'categories.technical.dimensions.de').weight = -5
    delete g.appeal
    expect(schemaErrors(g).map((x) => x.path)).toEqual(['categories.general.dimensions.lian', 'categories.technical.dimensions.de.weight', 'appeal'])
  })

  it('inputs that are not a guideline at all', () => {
    for (const input of [null, undefined, 'guideline', 42, [], {}]) {
      const v = schemaErrors(input)
      expect(v.length, JSON.stringify(input)).toBeGreaterThan(0)
    }
    expect(schemaErrors({})).toHaveLength(7)
  })

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        const r = parseGuideline(input)
        return !r.ok && r.violations.every((v) => v.id === 'SCHEMA' && v.zh.length > 0 && v.en.length > 0)
      }),
    )
  })

  it('never throws on a default guideline with one field replaced by anything', () => {
    const paths: string[][] = []
    const walk = (node: unknown, path: string[]) => {
      paths.push(path)
      if (typeof node === 'object' && node !== null) for (const [k, v] of Object.entries(node)) walk(v, [...path, k])
    }
    walk(rawGuideline(), [])
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue(), (path, value) => {
        const g = rawGuideline()
        let node: Record<string, unknown> = g
        for (const seg of path.slice(0, -1)) node = node[seg] as Record<string, unknown>
        node[path[path.length - 1] as string] = value
        const v = validateGuideline(g, DEFAULT_POLICY)
        return Array.isArray(v) && v.every((x) => x.zh.length > 0 && x.en.length > 0)
      }),
      { numRuns: 500 },
    )
  })
})

describe('format errors do not hide constraint breaches (RULES.md §2: every violated constraint)', () => {
  const ids = (v: Violation[]) => v.map((x) => (x.id === 'SCHEMA' ? `SCHEMA ${x.path}` : `${x.id} ${x.path}`))

  it('an unknown field is reported together with the P1, P2, P4 and P10 breaches elsewhere in the file', () => {
    const g = rawGuideline()
    at(g, 'channels.quarterly').peerWieght = 10 // a typo beside the real field
    at(g, 'channels.leadership').weight = 40 // P1, and the channels no longer sum to 100
    at(g, 'channels.quarterly').peerWeight = 30 // P4
    at(g, 'categories.general.dimensions.ji').weight = 35 // P2, and the general dimensions sum to 95
    const v = validateGuideline(g, DEFAULT_POLICY)
    expectBilingual(v)
    expect(ids(v)).toEqual([
      'SCHEMA channels.quarterly.peerWieght',
      'P1 channels.leadership.weight',
      'P2 categories.general.dimensions.ji.weight',
      'P4 channels.quarterly.peerWeight',
      'P10 categories.general.dimensions',
      'P10 channels',
    ])
    expect(v.find((x) => x.id === 'P1')).toMatchObject({ value: 40, bound: 50, op: '>=' })
  })

  it('a breach that needs the broken value is not guessed; the others still are', () => {
    const g = rawGuideline()
    delete at(g, 'channels.quarterly').peerWeight // P4 cannot be evaluated
    at(g, 'channels.leadership').weight = 45
    at(g, 'channels.democratic').weight = 35
    at(g, 'publicity').guidelineWorkingDays = 3
    expect(ids(validateGuideline(g, DEFAULT_POLICY))).toEqual([
      'SCHEMA channels.quarterly.peerWeight',
      'P1 channels.leadership.weight',
      'P7 publicity.guidelineWorkingDays',
    ])
  })

  it('an indicator with an unknown source blocks the checks that need to know it (P3 and the sum of its dimension) and nothing else', () => {
    const g = rawGuideline()
    const ind = (at(g, 'categories.enforcement.dimensions.ji.indicators') as unknown as Record<string, unknown>[])[2]!
    ind.source = 'poll'
    ind.weight = 'thirty' // never checked by the schema once the source is unknown
    const general = (at(g, 'categories.general.dimensions.ji.indicators') as unknown as Record<string, unknown>[])[2]!
    general.weight = 20 // P3 for general posts, and its 绩 indicators sum to 90
    expect(ids(validateGuideline(g, DEFAULT_POLICY))).toEqual([
      'SCHEMA categories.enforcement.dimensions.ji.indicators.2.source',
      'P3 categories.general.dimensions.ji.indicators.2.weight',
      'P10 categories.general.dimensions.ji.indicators',
    ])
  })

  it('a malformed approval leaves P6 unevaluated rather than checked against the wrong bound', () => {
    const g = rawGuideline()
    at(g, 'quota').excellentRate = 18
    at(g, 'quota').approval = { documentNumber: '某组干〔2026〕7号', rate: 18, count: 3 }
    expect(ids(validateGuideline(g, DEFAULT_POLICY))).toEqual(['SCHEMA quota.approval'])
    delete at(g, 'quota').approval
    at(g, 'quota').note = 'x'
    expect(ids(validateGuideline(g, DEFAULT_POLICY))).toEqual(['SCHEMA quota.note', 'P6 quota.excellentRate'])
  })

  it('a value whose toString is not callable is described, not thrown on (found by the property below)', () => {
    const g = rawGuideline()
    const rule = at(g, 'categories.enforcement.dimensions.qin.indicators.0.rule')
    rule.name = { toString: [] }
    const v = validateGuideline(g, DEFAULT_POLICY)
    const hit = v.find((x) => x.path === 'categories.enforcement.dimensions.qin.indicators.0.rule.name')
    expect(hit?.zh).toContain('{…}')
    expect(hit?.en).toContain('{…}')
  })

  it('one field replaced by anything never hides a P1 breach that does not depend on it', () => {
    const paths: string[][] = []
    const walk = (node: unknown, path: string[]) => {
      paths.push(path)
      if (typeof node === 'object' && node !== null) for (const [k, v] of Object.entries(node)) walk(v, [...path, k])
    }
    walk(rawGuideline(), [])
    const p1 = 'channels.leadership.weight'
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue(), (path, value) => {
        const g = rawGuideline()
        at(g, 'channels.leadership').weight = 40
        let node: Record<string, unknown> = g
        for (const seg of path.slice(0, -1)) node = node[seg] as Record<string, unknown>
        node[path[path.length - 1] as string] = value
        const v = validateGuideline(g, DEFAULT_POLICY)
        const reported = v.some((x) => x.id === 'P1' && x.path === p1)
        // Replacing a container of the weight may or may not keep a readable weight: nothing to say.
        if (p1.startsWith(`${path.join('.')}.`)) return true
        if (p1 !== path.join('.')) return reported
        const h = typeof value === 'number' ? toHundredths(value) : null
        return reported === (h !== null && h >= 0 && h < 5000)
      }),
      { numRuns: 500 },
    )
  })
})
