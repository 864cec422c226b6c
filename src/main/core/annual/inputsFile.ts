import { z } from 'zod'
import { BALLOT_LEVELS, SANCTION_EFFECTS, type BallotLevel } from '@shared/annual'
import { CHANNELS, DIMENSIONS, INDICATOR_SOURCES, POST_CATEGORIES, type Dimension, type PostCategory } from '@shared/guideline/model'
import { KaoheError } from '@shared/errors'
import { DEFAULT_POLICY } from '../policy/defaults'
import { decimalRational, parseFraction, rational, type Rational } from '../metrics/exact'
import { defaultGuideline } from '../guideline/defaults'
import type { Q } from './exactSum'
import type { AnnualResult, EngineInputs, EnginePerson, EngineScheme } from './model'

/**
 * The neutral inputs file (计算明细的输入, docs/annual-inputs.md): every fact the annual computation
 * uses, in the format of the worked examples (`test/fixtures/annual/annual-*.input.json`), so an
 * auditor or an appellant can recompute the result with `kaohe annual compute --inputs FILE` and no
 * database. Numbers are decimals as written, or exact fractions spelled "n/d" (a quarterly score of
 * 253/3 has no finite decimal). Anything the file does not say takes the shipped default, and the
 * writer (`toInputsFile`) always says it, so a file from `kaohe annual inputs` is complete.
 */

// A spelled number is short: a hostile file's million-digit fraction would make BigInt arithmetic crawl.
const number = z.union([z.number(), z.string().max(40).regex(/^-?\d+(\.\d+)?$|^-?\d+\/\d+$/)])
type Num = z.infer<typeof number>

const level = z.enum(BALLOT_LEVELS)
const levelCounts = z.record(level, z.number().int().min(0).max(1_000_000)).transform((r) => r as Partial<Record<BallotLevel, number>>)

const indicatorInput = z.union([z.object({ ratings: z.array(number).max(1000) }).strict(), z.object({ value: number.nullable() }).strict()])

const personSchema = z
  .object({
    id: z.union([z.string().min(1).max(64), z.number().int()]).transform(String),
    name: z.string().max(100).optional(),
    category: z.enum(POST_CATEGORIES),
    indicators: z.record(z.string().min(1).max(60), indicatorInput),
    ballotCount: z.number().int().min(0).max(1_000_000).optional(),
    ballots: z.record(z.enum(DIMENSIONS), z.union([z.array(level).max(1_000_000), levelCounts])).optional(),
    quarterly: z.array(number).max(4).optional(),
    review: z
      .object({ status: z.enum(['none', 'pending', 'completed']).optional(), minor: z.number().int().min(0).optional(), serious: z.boolean().optional() })
      .strict()
      .optional(),
    riskPost: z.boolean().optional(),
    lastYearGrade: z.string().max(10).nullable().optional(),
    rectificationPlan: z.boolean().optional(),
    sanctions: z.array(z.string().min(1).max(30)).optional(),
    sanctionsLastYear: z.array(z.string().min(1).max(30)).optional(),
    ungraded: z.boolean().optional(),
    underInvestigation: z.boolean().optional(),
  })
  .strict()

const dimensionSchema = z.object({ weight: number, indicators: z.record(z.string().min(1).max(60), z.object({ source: z.enum(INDICATOR_SOURCES), weight: number }).strict()) }).strict()
const schemeSchema = z.object(Object.fromEntries(DIMENSIONS.map((d) => [d, dimensionSchema])) as Record<Dimension, typeof dimensionSchema>).strict()

const fileSchema = z
  .object({
    $comment: z.string().optional(),
    format: z.literal('kaohe-annual-inputs/1').optional(),
    year: z.number().int().min(2000).max(2100).optional(),
    policy: z
      .object({
        quotaRate: number,
        excellentMin: number,
        competentMin: number,
        basicMin: number,
        minBallots: z.number().int().min(1),
        channels: z.object({ leadership: number, democratic: number, quarterly: number }).strict(),
        approval: z
          .object({ document: z.string().min(1).max(100), count: z.number().int().min(0).optional(), rate: number.optional() })
          .strict()
          .refine((a) => (a.count === undefined) !== (a.rate === undefined), '须且只须给出 count 或 rate 之一 / exactly one of count or rate')
          .nullable()
          .optional(),
        ballotPoints: z.record(level, number).optional(),
        recipientShareMin: number.optional(),
        sanctionEffects: z.record(z.string().min(1).max(30), z.enum(SANCTION_EFFECTS)).optional(),
      })
      .strict(),
    guideline: z.record(z.enum(POST_CATEGORIES), schemeSchema),
    democraticRound: z.object({ colleagues: z.number().int().min(0), representatives: z.number().int().min(0) }).strict().nullable().optional(),
    people: z.array(personSchema).max(200_000),
  })
  .strict()

export type AnnualInputsFile = z.input<typeof fileSchema>

function invalid(where: string, zh: string, en: string): KaoheError {
  return new KaoheError('ANNUAL_INPUTS_INVALID', { where, reason: zh, reasonEn: en })
}

function exact(x: Num, where: string): Q {
  try {
    return typeof x === 'number' ? decimalRational(x) : x.includes('/') ? parseFraction(x) : decimalRational(Number(x))
  } catch {
    throw invalid(where, `“${String(x)}”不是数`, `"${String(x)}" is not a number`)
  }
}

function score(x: Num, where: string): Q {
  const r = exact(x, where)
  if (r.n < 0n || r.n > 100n * r.d) throw invalid(where, `分数 ${String(x)} 不在 0–100 之间`, `score ${String(x)} is outside 0–100`)
  return r
}

/** Weights, rates and shares are percents: 0–100. */
function weight(x: Num, where: string): Q {
  const r = exact(x, where)
  if (r.n < 0n || r.n > 100n * r.d) throw invalid(where, `百分比 ${String(x)} 不在 0–100 之间`, `percent ${String(x)} is outside 0–100`)
  return r
}

/**
 * The largest inputs file read: a unit of 200,000 people with full ballots stays well below it, and a
 * hostile file is refused before it is parsed rather than exhausting memory.
 */
export const MAX_INPUTS_FILE_BYTES = 512 * 1024 * 1024

/** Parses an inputs file's JSON text; every problem names where it is. */
export function parseInputsFile(text: string): EngineInputs {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    throw invalid('(file)', `不是有效的 JSON：${(e as Error).message}`, `not valid JSON: ${(e as Error).message}`)
  }
  return inputsFromJson(json)
}

export function inputsFromJson(json: unknown): EngineInputs {
  const parsed = fileSchema.safeParse(json)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const where = first?.path.join('.') || '(file)'
    const list = parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')
    throw invalid(where, list, list)
  }
  const f = parsed.data
  const defaults = defaultGuideline(f.year ?? 2026).channels.democratic.ballotPoints
  const defaultPoints: Record<BallotLevel, number> = { 优秀: defaults.excellent, 称职: defaults.competent, 基本称职: defaults.basicallyCompetent, 不称职: defaults.incompetent }
  const sanctionEffects = f.policy.sanctionEffects ?? DEFAULT_POLICY.annual.sanctionEffects
  const p = f.policy
  const policy: EngineInputs['policy'] = {
    quotaRate: weight(p.quotaRate, 'policy.quotaRate'),
    excellentMin: score(p.excellentMin, 'policy.excellentMin'),
    competentMin: score(p.competentMin, 'policy.competentMin'),
    basicMin: score(p.basicMin, 'policy.basicMin'),
    minBallots: p.minBallots,
    channels: Object.fromEntries(CHANNELS.map((c) => [c, weight(p.channels[c], `policy.channels.${c}`)])) as EngineInputs['policy']['channels'],
    approval: p.approval ? { document: p.approval.document, ...(p.approval.count !== undefined ? { count: p.approval.count } : { rate: weight(p.approval.rate ?? 0, 'policy.approval.rate') }) } : null,
    ballotPoints: Object.fromEntries(BALLOT_LEVELS.map((l) => [l, score(p.ballotPoints?.[l] ?? defaultPoints[l], `policy.ballotPoints.${l}`)])) as Record<BallotLevel, Q>,
    recipientShareMin: weight(p.recipientShareMin ?? DEFAULT_POLICY.constraints.P5_recipientVoterShareMin ?? 0, 'policy.recipientShareMin'),
    sanctionEffects,
  }
  const guideline = {} as Record<PostCategory, EngineScheme>
  for (const [cat, scheme] of Object.entries(f.guideline) as [PostCategory, z.infer<typeof schemeSchema>][]) {
    guideline[cat] = Object.fromEntries(
      DIMENSIONS.map((d) => [
        d,
        {
          weight: weight(scheme[d].weight, `guideline.${cat}.${d}.weight`),
          indicators: Object.entries(scheme[d].indicators).map(([name, ind]) => ({ name, source: ind.source, weight: weight(ind.weight, `guideline.${cat}.${d}.${name}.weight`) })),
        },
      ]),
    ) as EngineScheme
  }
  const seen = new Set<string>()
  const people = f.people.map((raw, i): EnginePerson => {
    const at = `people[${i}] (${raw.id})`
    if (seen.has(raw.id)) throw invalid(at, `编号 ${raw.id} 重复`, `id ${raw.id} appears twice`)
    seen.add(raw.id)
    const scheme = guideline[raw.category]
    if (!scheme) throw invalid(`${at}.category`, `指引中没有“${raw.category}”类岗位`, `the guideline has no "${raw.category}" category`)
    const known = new Map(DIMENSIONS.flatMap((d) => scheme[d].indicators.map((ind) => [ind.name, ind.source] as const)))
    const indicators: EnginePerson['indicators'] = {}
    for (const [name, given] of Object.entries(raw.indicators)) {
      const source = known.get(name)
      if (!source) throw invalid(`${at}.indicators.${name}`, `指标“${name}”不在该类岗位的指引中`, `indicator "${name}" is not in the guideline for this category`)
      if ('ratings' in given) {
        if (source !== 'rated') throw invalid(`${at}.indicators.${name}`, `“${name}”不是领导评分指标，应给出 value`, `"${name}" is not a rated indicator: give a value`)
        indicators[name] = { ratings: given.ratings.map((r, j) => score(r, `${at}.indicators.${name}.ratings[${j}]`)) }
      } else {
        indicators[name] = { value: given.value === null ? null : score(given.value, `${at}.indicators.${name}.value`) }
      }
    }
    // An indicator the file leaves out has no data of its kind: N/A for a computed one, and for a
    // rated one no ratings, which blocks grading (the engine says so).
    for (const [name, source] of known) {
      if (!(name in indicators)) indicators[name] = source === 'rated' ? { ratings: [] } : { value: null }
    }
    const ballots = {} as EnginePerson['ballots']
    let most = 0
    for (const d of DIMENSIONS) {
      const given = raw.ballots?.[d]
      const counts = Object.fromEntries(BALLOT_LEVELS.map((l) => [l, 0])) as Record<BallotLevel, number>
      if (Array.isArray(given)) for (const l of given) counts[l] += 1
      else if (given) for (const l of BALLOT_LEVELS) counts[l] = given[l] ?? 0
      ballots[d] = counts
      most = Math.max(most, BALLOT_LEVELS.reduce((s, l) => s + counts[l], 0))
    }
    const ballotCount = raw.ballotCount ?? most
    if (ballotCount < most) throw invalid(`${at}.ballotCount`, `有效票数 ${ballotCount} 少于某一维度的票数 ${most}`, `ballotCount ${ballotCount} is below a dimension's ${most} ballots`)
    for (const list of ['sanctions', 'sanctionsLastYear'] as const) {
      for (const s of raw[list] ?? []) {
        if (!(s in sanctionEffects)) throw invalid(`${at}.${list}`, `处分或组织处理“${s}”不在政策的处分表中`, `sanction "${s}" is not in the policy's sanction table`)
      }
    }
    const review = raw.review
    return {
      id: raw.id,
      category: raw.category,
      indicators,
      ballotCount,
      ballots,
      quarterly: (raw.quarterly ?? []).map((x, j) => score(x, `${at}.quarterly[${j}]`)),
      review: { status: review ? (review.status ?? 'completed') : 'none', minor: review?.minor ?? 0, serious: review?.serious ?? false },
      riskPost: raw.riskPost ?? false,
      lastYearGrade: raw.lastYearGrade ?? null,
      rectificationPlan: raw.rectificationPlan ?? false,
      sanctions: raw.sanctions ?? [],
      sanctionsLastYear: raw.sanctionsLastYear ?? [],
      ungraded: raw.ungraded ?? false,
      underInvestigation: raw.underInvestigation ?? false,
    }
  })
  return { year: f.year ?? null, policy, guideline, people, democraticRound: f.democraticRound ?? null }
}

/** A number as the file spells it: a plain decimal when it has one (77.5), else "n/d". */
function spell(x: Q): number | string {
  const r: Rational = rational(x.n, x.d)
  let d = r.d
  while (d % 2n === 0n) d /= 2n
  while (d % 5n === 0n) d /= 5n
  if (d !== 1n) return `${r.n}/${r.d}`
  const asNumber = Number(r.n) / Number(r.d)
  return decimalRational(asNumber).n === r.n && decimalRational(asNumber).d === r.d ? asNumber : `${r.n}/${r.d}`
}

/** The inputs as a file in the examples' format, complete (every default written out). */
export function toInputsFile(inputs: EngineInputs): Record<string, unknown> {
  const p = inputs.policy
  return {
    format: 'kaohe-annual-inputs/1',
    ...(inputs.year !== null ? { year: inputs.year } : {}),
    policy: {
      quotaRate: spell(p.quotaRate),
      excellentMin: spell(p.excellentMin),
      competentMin: spell(p.competentMin),
      basicMin: spell(p.basicMin),
      minBallots: p.minBallots,
      channels: Object.fromEntries(CHANNELS.map((c) => [c, spell(p.channels[c])])),
      approval: p.approval ? { document: p.approval.document, ...(p.approval.count !== undefined ? { count: p.approval.count } : { rate: spell(p.approval.rate ?? { n: 0n, d: 1n }) }) } : null,
      ballotPoints: Object.fromEntries(BALLOT_LEVELS.map((l) => [l, spell(p.ballotPoints[l])])),
      recipientShareMin: spell(p.recipientShareMin),
      sanctionEffects: p.sanctionEffects,
    },
    guideline: Object.fromEntries(
      (Object.entries(inputs.guideline) as [PostCategory, EngineScheme][]).map(([cat, scheme]) => [
        cat,
        Object.fromEntries(
          DIMENSIONS.map((d) => [d, { weight: spell(scheme[d].weight), indicators: Object.fromEntries(scheme[d].indicators.map((i) => [i.name, { source: i.source, weight: spell(i.weight) }])) }]),
        ),
      ]),
    ),
    democraticRound: inputs.democraticRound,
    people: inputs.people.map((x) => ({
      id: x.id,
      category: x.category,
      indicators: Object.fromEntries(
        Object.entries(x.indicators).map(([name, v]) => [name, 'ratings' in v ? { ratings: v.ratings.map(spell) } : { value: v.value === null ? null : spell(v.value) }]),
      ),
      ballotCount: x.ballotCount,
      ballots: Object.fromEntries(DIMENSIONS.map((d) => [d, BALLOT_LEVELS.flatMap((l) => Array<BallotLevel>(x.ballots[d][l]).fill(l))])),
      quarterly: x.quarterly.map(spell),
      review: { status: x.review.status, minor: x.review.minor, serious: x.review.serious },
      riskPost: x.riskPost,
      lastYearGrade: x.lastYearGrade,
      rectificationPlan: x.rectificationPlan,
      sanctions: x.sanctions,
      sanctionsLastYear: x.sanctionsLastYear,
      ungraded: x.ungraded,
      underInvestigation: x.underInvestigation,
    })),
  }
}

/** The result in the examples' `annual-*.expected.json` format (plus `blockers` when there are any). */
export function toExpectedFormat(result: AnnualResult): Record<string, unknown> {
  return {
    N: result.N,
    K: result.K,
    boundaryTie: result.boundaryTie,
    ...(result.blockers.length > 0 ? { blockers: result.blockers.map((b) => ({ code: b.code, id: b.id, zh: b.zh, en: b.en })) } : {}),
    people: result.people.map((p) =>
      p.status === 'ungraded'
        ? { id: p.id, grade: p.grade }
        : {
            id: p.id,
            channels: { leadership: p.channels.leadership.rounded, democratic: p.channels.democratic.rounded, quarterly: p.channels.quarterly.rounded },
            T: p.T,
            eligible: p.eligible,
            forced: p.forced,
            vetoes: p.vetoes,
            grade: p.grade,
          },
    ),
  }
}
