import { z } from 'zod'
import type { OfficeRef } from '@shared/bundles'
import type { IsoDate } from '@shared/org'
import { KaoheError } from '@shared/errors'
import { POST_CATEGORIES } from '@shared/guideline/model'
import type { Store } from '../../db/store'
import { roundView } from '../annual/round'

/**
 * What a package carries (issue 11): the year's final results going up, and what comes down
 * (policy, guideline template, quota approval, holiday table), plus the receipt either way.
 *
 * The results payload is deliberately narrow. It is what the 备案 documents need at both ends and
 * nothing else: no ledger, no ballots, no free text a person wrote (change reasons, appeal texts,
 * comments), no T3 detail. A text that never leaves the unit cannot leak from a package.
 */

export const GRADES = ['优秀', '称职', '基本称职', '不称职', '不定等次'] as const
export type Grade = (typeof GRADES)[number]

const label = z.strictObject({ zh: z.string().max(400), en: z.string().max(400) })
const score = z.number().finite().min(0).max(100).nullable()
const officeRef = z.strictObject({
  uid: z.string().regex(/^[0-9a-f]{32}$/),
  code: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  kind: z.enum(['unit', 'superior']),
})
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

const personSchema = z.strictObject({
  staffNo: z.string().min(1).max(64),
  name: z.string().min(1).max(100),
  department: z.string().max(200).nullable(),
  post: z.string().max(200),
  rank: z.string().max(200),
  category: z.enum(POST_CATEGORIES),
  grade: z.enum(GRADES),
  proposed: z.enum(GRADES),
  status: z.enum(['graded', 'ungraded', 'pending']),
  T: score,
  channels: z.strictObject({ democratic: score, leadership: score, quarterly: score }),
  dimensions: z.array(z.strictObject({ dimension: z.string().max(64), leadership: score, democratic: score })).max(32),
  note: label.nullable(),
})

const appealSchema = z.strictObject({
  staffNo: z.string().min(1).max(64),
  outcome: z.enum(['pending', 'upheld', 'refused', 'withdrawn']),
  gradeBefore: z.string().max(20),
  gradeAfter: z.string().max(20).nullable(),
  filedOn: isoDate,
  answeredOn: isoDate.nullable(),
})

export const resultsPayloadSchema = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    unit: officeRef,
    N: z.number().int().min(0).max(100_000),
    K: z.number().int().min(0).max(100_000),
    quota: label,
    approval: z.strictObject({ document: z.string().max(200), count: z.number().int().min(0).nullable(), rate: z.number().min(0).max(100).nullable() }).nullable(),
    guidelineVersion: z.number().int().min(0).nullable(),
    inputsSha256: z.string().regex(/^[0-9a-f]{64}$/),
    counts: z.strictObject(Object.fromEntries(GRADES.map((g) => [g, z.number().int().min(0)])) as Record<Grade, z.ZodNumber>),
    people: z.array(personSchema).max(100_000),
    appeals: z.array(appealSchema).max(100_000),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>()
    for (const person of p.people) {
      if (seen.has(person.staffNo)) ctx.addIssue({ code: 'custom', path: ['people'], message: `工号 ${person.staffNo} 重复 / staff number ${person.staffNo} twice` })
      seen.add(person.staffNo)
    }
    for (const g of GRADES) {
      const n = p.people.filter((x) => x.grade === g).length
      if (n !== p.counts[g]) ctx.addIssue({ code: 'custom', path: ['counts', g], message: `${g} 人数 ${p.counts[g]} 与名单 ${n} 人不符 / ${g} count ${p.counts[g]} but ${n} listed` })
    }
    if (p.N !== p.people.length) ctx.addIssue({ code: 'custom', path: ['N'], message: `N=${p.N} 与名单 ${p.people.length} 人不符 / N=${p.N} but ${p.people.length} listed` })
    if (p.counts['优秀'] > allowedExcellent(p)) {
      ctx.addIssue({ code: 'custom', path: ['counts', '优秀'], message: `优秀 ${p.counts['优秀']} 人超过 K=${p.K} 且无相应批复 / ${p.counts['优秀']} 优秀 above K=${p.K} without an approval` })
    }
    for (const a of p.appeals) {
      if (!seen.has(a.staffNo)) ctx.addIssue({ code: 'custom', path: ['appeals'], message: `申诉人 ${a.staffNo} 不在名单中 / appeal by ${a.staffNo} not in the list` })
    }
  })
export type ResultsPayload = z.infer<typeof resultsPayloadSchema>

/** How many 优秀 the unit may have: K, or what an approval from the superior allows. */
export function allowedExcellent(p: Pick<ResultsPayload, 'N' | 'K' | 'approval'>): number {
  if (!p.approval) return p.K
  if (p.approval.count !== null) return Math.max(p.K, p.approval.count)
  if (p.approval.rate !== null) return Math.max(p.K, Math.floor((p.N * p.approval.rate) / 100))
  return p.K
}

export const receiptPayloadSchema = z.strictObject({
  packageId: z.string().regex(/^[0-9a-f]{32}$/),
  manifestSha256: z.string().regex(/^[0-9a-f]{64}$/),
  kind: z.enum(['results', 'policy', 'guideline', 'quota', 'calendar']),
  importedAt: z.string().datetime(),
})
export type ReceiptPayload = z.infer<typeof receiptPayloadSchema>

/** A policy file as `kaohe policy import` reads it; its rules are checked by core/policy on import. */
export const policyPayloadSchema = z.strictObject({ year: z.number().int().min(2000).max(2100), fileName: z.string().min(1).max(200), text: z.string().min(1).max(1_000_000) })
export type PolicyPayload = z.infer<typeof policyPayloadSchema>

/** A guideline template; the body is checked by core/guideline's schema on import. */
export const guidelinePayloadSchema = z.strictObject({ year: z.number().int().min(2000).max(2100), name: z.string().min(1).max(200), body: z.unknown() })
export type GuidelinePayload = z.infer<typeof guidelinePayloadSchema>

export const quotaPayloadSchema = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    document: z.string().trim().min(1).max(120),
    count: z.number().int().min(0).max(100_000).nullable(),
    rate: z.number().min(0).max(100).nullable(),
  })
  .refine((q) => (q.count === null) !== (q.rate === null), { message: '须且只须给出批准人数或比例之一 / exactly one of count or rate' })
export type QuotaPayload = z.infer<typeof quotaPayloadSchema>

/** A holiday table in the format `kaohe calendar import` reads (checked by core/calendar on import). */
export const calendarPayloadSchema = z.strictObject({ year: z.number().int().min(2000).max(2100), fileName: z.string().min(1).max(200), text: z.string().min(1).max(1_000_000) })
export type CalendarPayload = z.infer<typeof calendarPayloadSchema>

export const PAYLOAD_FILES = {
  results: 'data/results.json',
  receipt: 'data/receipt.json',
  policy: 'data/policy.json',
  guideline: 'data/guideline.json',
  quota: 'data/quota.json',
  calendar: 'data/calendar.json',
} as const

export const PAYLOAD_SCHEMAS = {
  results: resultsPayloadSchema,
  receipt: receiptPayloadSchema,
  policy: policyPayloadSchema,
  guideline: guidelinePayloadSchema,
  quota: quotaPayloadSchema,
  calendar: calendarPayloadSchema,
} as const

function gradeOf(g: string, staffNo: string): Grade {
  // A final round has no tie left; anything else is not a grade a package may carry.
  if (!(GRADES as readonly string[]).includes(g)) throw new KaoheError('INVALID_INPUT', { details: `${staffNo}: ${g}` })
  return g as Grade
}

const STAGE_ZH: Record<string, string> = { open: '汇总评分', proposed: '拟定等次', confirmed: '已确认', publicity: '公示', final: '已确定' }

/** The year's final results as the package carries them; refused (stage named) before 'final'. */
export function buildResultsPayload(store: Store, year: number, unit: OfficeRef, today: IsoDate): ResultsPayload {
  const round = roundView(store, year, today)
  if (round.stage !== 'final') {
    throw new KaoheError('PACKAGE_RESULTS_NOT_FINAL', { year, stage: STAGE_ZH[round.stage] ?? round.stage, stageEn: round.stage })
  }
  const people = round.people.map((p) => {
    // 职务职级 as of the year's end (the period that covers 31 December, else the last one in the year).
    const period = store.first(
      store.qb
        .selectFrom('person_periods')
        .select(['post', 'rank'])
        .where('person_id', '=', p.personId)
        .where('valid_from', '<=', `${year}-12-31`)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', `${year}-01-01`)]))
        .orderBy('valid_from', 'desc')
        .limit(1),
    )
    return {
      staffNo: p.staffNo,
      name: p.name,
      department: p.department,
      post: period?.post ?? '',
      rank: period?.rank ?? '',
      category: p.category,
      grade: gradeOf(p.grade, p.staffNo),
      proposed: gradeOf(p.proposed, p.staffNo),
      status: p.status,
      T: p.T,
      channels: { democratic: p.channels.democratic.score, leadership: p.channels.leadership.score, quarterly: p.channels.quarterly.score },
      dimensions: p.dimensions.map((d) => ({ dimension: String(d.dimension), leadership: d.leadership, democratic: d.democratic })),
      note: p.note ? { zh: p.note.zh, en: p.note.en } : null,
    }
  })
  const staffOf = new Map(round.people.map((p) => [p.personId, p.staffNo]))
  // Outcomes and dates only: the texts of an appeal and of its answer stay at the unit.
  const appeals = store
    .all(store.qb.selectFrom('appeals').select(['person_id', 'status', 'grade_before', 'grade_after', 'filed_on', 'answered_on']).where('year', '=', year).orderBy('id'))
    .filter((a) => staffOf.has(a.person_id))
    .map((a) => ({ staffNo: staffOf.get(a.person_id)!, outcome: a.status, gradeBefore: a.grade_before, gradeAfter: a.grade_after, filedOn: a.filed_on, answeredOn: a.answered_on }))
  const counts = Object.fromEntries(GRADES.map((g) => [g, people.filter((p) => p.grade === g).length])) as Record<Grade, number>
  return {
    year,
    unit,
    N: round.N,
    K: round.K,
    quota: { zh: round.quota.zh, en: round.quota.en },
    approval: round.approval,
    guidelineVersion: round.guidelineVersion,
    inputsSha256: round.inputsSha256,
    counts,
    people,
    appeals,
  }
}

/** Parses and validates one payload file; the message lists every issue (for the 'content' check). */
export function parsePayload<K extends keyof typeof PAYLOAD_SCHEMAS>(kind: K, bytes: Uint8Array): { ok: true; value: z.infer<(typeof PAYLOAD_SCHEMAS)[K]> } | { ok: false; reason: string } {
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch (e) {
    return { ok: false, reason: `${PAYLOAD_FILES[kind]}: ${(e as Error).message}` }
  }
  const r = PAYLOAD_SCHEMAS[kind].safeParse(json)
  if (!r.success) return { ok: false, reason: r.error.issues.slice(0, 10).map((i) => `${PAYLOAD_FILES[kind]} ${i.path.join('.') || '(file)'}: ${i.message}`).join('; ') }
  return { ok: true, value: r.data as z.infer<(typeof PAYLOAD_SCHEMAS)[K]> }
}
