import { createHash } from 'node:crypto'
import {
  TIE,
  type AnnualBlockerView,
  type AnnualExplanation,
  type AnnualOwnResult,
  type AnnualPersonView,
  type AnnualPublishedView,
  type AnnualRoundView,
  type AnnualStage,
  type ProposedGrade,
} from '@shared/annual'
import type { IsoDate } from '@shared/org'
import { KaoheError } from '@shared/errors'
import { CHANNELS, type Label } from '@shared/guideline/model'
import type { ReadableDB, Store } from '../../db/store'
import { publicityPeriod, storedPublicity } from '../calendar/publicity'
import { unitCalendar } from '../calendar/unitCalendar'
import { policyInForce } from '../policy/inForce'
import { defaultGuideline } from '../guideline/defaults'
import { versionInForce } from '../guideline/versions'
import { rationalToNumber, roundHalfUp2 } from '../metrics/exact'
import { assembleYear, type AssembledYear, type Participant } from './assemble'
import { computeAnnual } from './engine'
import { explain } from './explain'
import { lodgeLead } from '../integrity/leads'
import { toInputsFile } from './inputsFile'
import type { AnnualResult, PersonResult } from './model'

/**
 * The annual round's life (RULES.md §6 steps 5–7): HR proposes the grades the engine computes from the
 * year's records (refused while anything blocks grading); the leadership group reviews them, changes
 * a grade only with a written reason and decides a boundary tie; the head confirms (优秀 never above
 * K, no tie left); HR publishes the results for the publicity period on the working calendar; after
 * its last day the grades are final. The proposal is stored with the hash of its inputs, so a record
 * changed afterwards shows as "inputs changed" until HR proposes again.
 */

export interface StoredProposal {
  people: AnnualPersonView[]
  quota: Label
  blockers: AnnualBlockerView[]
  explanations: Record<string, Label[]>
}

const STAGE_LABEL_ZH: Record<AnnualStage, string> = { open: '汇总评分', proposed: '拟定等次', confirmed: '已确认', publicity: '公示', final: '已确定' }
const STAGE_LABEL_EN: Record<AnnualStage, string> = { open: 'collecting', proposed: 'proposed', confirmed: 'confirmed', publicity: 'publicity', final: 'final' }

function stageError(year: number, stage: AnnualStage, action: Label): KaoheError {
  return new KaoheError('ANNUAL_STAGE', { year, stage: STAGE_LABEL_ZH[stage], stageEn: STAGE_LABEL_EN[stage], action: action.zh, actionEn: action.en })
}

/** No score a ballot moves leaves the round while ballots may still come in. */
export function roundOpen(year: number): KaoheError {
  return new KaoheError('ANNUAL_BLOCKED', { year, reason: '民主测评尚未结束，结束前不提供计算结果与输入', reasonEn: 'the democratic evaluation is still open: no results or inputs until it closes' })
}

export function inputsHash(a: AssembledYear): string {
  return createHash('sha256').update(JSON.stringify(toInputsFile(a.inputs)), 'utf8').digest('hex')
}

function toNumber(r: { n: bigint; d: bigint }): number {
  return rationalToNumber(r)
}

function noteOf(p: PersonResult): Label | null {
  if (p.status === 'pending') return { zh: '立案审查中，等次待定', en: 'under investigation: grade pending' }
  if (p.status !== 'ungraded') return null
  const r = p.ungradedReason
  return r?.kind === 'sanction'
    ? { zh: `${r.lastYear ? '上一年度' : '本年度'}受“${r.sanction ?? ''}”，不定等次`, en: `"${r.sanction ?? ''}" ${r.lastYear ? 'last year' : 'this year'}: no grade` }
    : { zh: '试用期或长期病假，不定等次', en: 'probation or long leave: no grade' }
}

function personView(p: PersonResult, who: Participant): AnnualPersonView {
  return {
    personId: who.personId,
    staffNo: who.staffNo,
    name: who.name,
    department: who.department,
    category: p.category,
    status: p.status,
    note: noteOf(p),
    channels: Object.fromEntries(
      CHANNELS.map((c) => [c, { weight: toNumber(p.channels[c].weight), effectiveWeight: roundHalfUp2(p.channels[c].effectiveWeight), score: p.channels[c].rounded }]),
    ) as AnnualPersonView['channels'],
    T: p.T,
    eligible: p.eligible,
    forced: p.forced,
    vetoes: p.vetoes,
    reasons: p.reasons,
    flags: p.flags,
    rank: p.rank,
    proposed: p.grade,
    grade: p.grade,
    changeReason: null,
    dimensions: p.leadership.map((d, i) => {
      const dem = p.democratic.dimensions[i]
      return { dimension: d.dimension, leadership: d.score === null ? null : roundHalfUp2(d.score), democratic: p.channels.democratic.score === null || !dem?.mean ? null : roundHalfUp2(dem.mean) }
    }),
  }
}

interface Computed {
  assembled: AssembledYear
  result: AnnualResult
  hash: string
  proposal: StoredProposal
}

/** The engine over the year's records now, with everything a view needs. */
export function computeYear(store: Store, year: number, today: IsoDate): Computed {
  const assembled = assembleYear(store, year, today)
  const result = computeAnnual(assembled.inputs)
  const proposal = proposalOf(result, assembled.participants)
  const blockers = proposal.blockers
  // Every kiosk ballot consumed exactly one code: a ballot written past the kiosk (by someone holding
  // the database key) shows as a difference, and grading stops until it is explained.
  const ballots = store.first(store.qb.selectFrom('ballots').select((eb) => eb.fn.countAll<number>().as('n')).where('year', '=', year))?.n ?? 0
  const consumed = store.first(store.qb.selectFrom('ballot_codes').select((eb) => eb.fn.countAll<number>().as('n')).where('year', '=', year).where('consumed', '=', 1))?.n ?? 0
  if (ballots !== consumed) {
    blockers.unshift({
      code: 'BALLOTS_WITHOUT_CODES',
      staffNo: null,
      name: null,
      zh: `民主测评选票 ${ballots} 张，已使用票码 ${consumed} 个，两者不符：有选票不是凭票码投出的`,
      en: `${ballots} democratic ballots but ${consumed} codes used: some ballots were not cast with a code`,
    })
  }
  if (assembled.democraticRoundOpen) {
    blockers.unshift({ code: 'DEMOCRATIC_ROUND_OPEN', staffNo: null, name: null, zh: '民主测评尚未结束：人事科结束测评后方可拟定等次', en: 'the democratic evaluation is still open: HR closes it before grades can be proposed' })
  }
  return { assembled, result, hash: inputsHash(assembled), proposal }
}

/** The engine's result as stored with a round: each person's view, the quota in words, blockers and 计算明细. */
export function proposalOf(result: AnnualResult, participants: readonly Participant[]): StoredProposal {
  const byStaff = new Map(participants.map((p) => [p.staffNo, p]))
  const people = result.people.map((p) => personView(p, byStaff.get(p.id)!))
  const explanations: Record<string, Label[]> = {}
  for (const p of result.people) explanations[p.id] = explain(result, p, byStaff.get(p.id)!.name)
  const blockers: AnnualBlockerView[] = result.blockers.map((b) => ({ code: b.code, staffNo: b.id, name: b.id ? (byStaff.get(b.id)?.name ?? null) : null, zh: b.zh.replace(`${b.id ?? ''}：`, `${b.id ? `${byStaff.get(b.id)?.name ?? ''}（${b.id}）` : ''}：`), en: b.en }))
  return { people, quota: { zh: result.quota.zh, en: result.quota.en }, blockers, explanations }
}

function roundRow(db: ReadableDB, year: number) {
  return db.first(db.qb.selectFrom('annual_rounds').selectAll().where('year', '=', year))
}

function stageOf(row: ReturnType<typeof roundRow>, today: IsoDate): AnnualStage {
  if (!row) return 'open'
  if (row.stage === 'publicity' && row.publicity_until !== null && today > row.publicity_until) return 'final'
  return row.stage
}

function approvalView(db: ReadableDB, year: number): AnnualRoundView['approval'] {
  const a = db.first(db.qb.selectFrom('annual_approvals').selectAll().where('year', '=', year))
  return a ? { document: a.document, count: a.approved_count, rate: a.approved_rate === null ? null : Number(a.approved_rate) } : null
}

function decidedPeople(db: ReadableDB, year: number, people: AnnualPersonView[]): AnnualPersonView[] {
  const grades = new Map(db.all(db.qb.selectFrom('annual_grades').selectAll().where('year', '=', year)).map((g) => [g.person_id, g]))
  return people.map((p) => {
    const g = grades.get(p.personId)
    return g ? { ...p, grade: g.grade as ProposedGrade, changeReason: g.reason } : p
  })
}

/** The publicity period as shown everywhere: day 1 is the first working day after the start (RULES.md §1). */
function publicityOf(store: Store, row: NonNullable<ReturnType<typeof roundRow>>): AnnualRoundView['publicity'] {
  if (row.publicity_from === null || row.publicity_until === null) return null
  const p = storedPublicity(unitCalendar(store), { start: row.publicity_from, end: row.publicity_until, effectiveOn: row.publicity_until, workingDays: resultsPublicityDays(store, row.year) })
  return { from: p.from, until: row.publicity_until, warnings: p.warnings.map((w) => ({ zh: w.zh, en: w.en })) }
}

/** Results publicity in working days: the guideline's plan, never below the policy's P7. */
function resultsPublicityDays(store: Store, year: number): number {
  const g = versionInForce(store, year, `${year}-12-31`)?.guideline ?? defaultGuideline(year)
  return Math.max(g.publicity.resultsWorkingDays, policyInForce(store, year).policy.constraints.P7_publicityWorkingDaysMin ?? 0)
}

export function roundView(store: Store, year: number, today: IsoDate): AnnualRoundView {
  const row = roundRow(store, year)
  const stage = stageOf(row, today)
  const live = !row || row.stage === 'proposed' ? computeYear(store, year, today) : null
  if (!row) {
    const c = live!
    // While ballots may still come in, no score that a ballot moves is shown: comparing two views
    // taken before and after one voter would tell how that voter voted.
    const withheld = c.assembled.democraticRoundOpen
    return {
      year,
      stage,
      N: c.result.N,
      K: c.result.K,
      quota: c.proposal.quota,
      approval: approvalView(store, year),
      boundaryTie: withheld ? null : tieNames(c.result.boundaryTie, c.proposal.people),
      blockers: c.proposal.blockers,
      people: withheld ? [] : c.proposal.people,
      excellentCount: withheld ? 0 : c.proposal.people.filter((p) => p.grade === '优秀').length,
      guidelineVersion: c.assembled.guidelineVersion,
      inputsSha256: c.hash,
      inputsChanged: false,
      proposedAt: null,
      confirmedAt: null,
      publicity: null,
    }
  }
  const stored = JSON.parse(row.result_json) as StoredProposal
  const people = decidedPeople(store, year, stored.people)
  return {
    year,
    stage,
    N: row.n,
    K: row.k,
    quota: stored.quota,
    approval: approvalView(store, year),
    boundaryTie: tieNames(row.boundary_tie === null ? null : (JSON.parse(row.boundary_tie) as string[]), people),
    blockers: stored.blockers,
    people,
    excellentCount: people.filter((p) => p.grade === '优秀').length,
    guidelineVersion: row.guideline_version,
    inputsSha256: row.inputs_sha256,
    inputsChanged: live !== null && live.hash !== row.inputs_sha256,
    proposedAt: row.proposed_at,
    confirmedAt: row.confirmed_at,
    publicity: publicityOf(store, row),
  }
}

function tieNames(ids: string[] | null, people: AnnualPersonView[]): AnnualRoundView['boundaryTie'] {
  if (!ids) return null
  const byStaff = new Map(people.map((p) => [p.staffNo, p.name]))
  return ids.map((staffNo) => ({ staffNo, name: byStaff.get(staffNo) ?? staffNo }))
}

/** HR proposes the year's grades: refused while anything blocks grading, naming each blocker. */
export function propose(store: Store, year: number, actorId: number, now: Date, today: IsoDate): AnnualRoundView {
  const row = roundRow(store, year)
  const stage = stageOf(row, today)
  if (stage !== 'open' && stage !== 'proposed') throw stageError(year, stage, { zh: '重新拟定等次', en: 'propose the grades again' })
  const c = computeYear(store, year, today)
  if (c.proposal.blockers.length > 0) {
    const list = c.proposal.blockers.slice(0, 20)
    throw new KaoheError('ANNUAL_BLOCKED', { year, reason: list.map((b) => b.zh).join('；'), reasonEn: list.map((b) => b.en).join('; ') })
  }
  const values = {
    stage: 'proposed' as const,
    inputs_sha256: c.hash,
    n: c.result.N,
    k: c.result.K,
    boundary_tie: c.result.boundaryTie ? JSON.stringify(c.result.boundaryTie) : null,
    result_json: JSON.stringify(c.proposal),
    guideline_version: c.assembled.guidelineVersion,
    proposed_by: actorId,
    proposed_at: now.toISOString(),
  }
  store.run(store.qb.insertInto('annual_rounds').values({ year, ...values }).onConflict((oc) => oc.column('year').doUpdateSet(values)))
  // A new proposal starts the group's review afresh: earlier changes were to other numbers.
  store.run(store.qb.deleteFrom('annual_grades').where('year', '=', year))
  for (const p of c.proposal.people) {
    store.run(store.qb.insertInto('annual_grades').values({ year, person_id: p.personId, proposed: p.proposed, grade: p.proposed, t: p.T, reason: null, changed_by: null, changed_at: null }))
  }
  return roundView(store, year, today)
}

export interface GradeChange {
  personId: number
  grade: ProposedGrade
  reason?: string | undefined
}

/**
 * The leadership group's decisions on the proposal: a grade other than the engine's needs a written
 * reason; a boundary tie is decided by giving each tied person a grade; 优秀 can never exceed K.
 */
export function decide(store: Store, year: number, changes: readonly GradeChange[], actorId: number, now: Date, today: IsoDate): AnnualRoundView {
  const row = roundRow(store, year)
  const stage = stageOf(row, today)
  if (!row || stage !== 'proposed') throw stageError(year, stage, { zh: '调整拟定等次', en: 'change proposed grades' })
  const grades = new Map(store.all(store.qb.selectFrom('annual_grades').selectAll().where('year', '=', year)).map((g) => [g.person_id, g]))
  const names = new Map((JSON.parse(row.result_json) as StoredProposal).people.map((p) => [p.personId, p]))
  for (const ch of changes) {
    const g = grades.get(ch.personId)
    const who = names.get(ch.personId)
    if (!g || !who) throw new KaoheError('NOT_FOUND', { what: '参评人员 participant', id: ch.personId })
    if (who.status !== 'graded') throw new KaoheError('ANNUAL_STAGE', { year, stage: who.status === 'ungraded' ? '不定等次' : '待定', stageEn: who.status, action: `为 ${who.name} 定等次`, actionEn: `grade ${who.name}` })
    if (ch.grade === TIE || ch.grade === '不定等次' || ch.grade === '待定') throw new KaoheError('INVALID_INPUT', { details: `等次“${ch.grade}”不能由此设定 / grade "${ch.grade}" cannot be set here` })
    const reason = ch.reason?.trim() ?? ''
    // A tied person given 优秀 or 称职 is the group's decision of the tie: it needs its reason too.
    if (ch.grade !== g.proposed && reason === '') throw new KaoheError('ANNUAL_REASON_REQUIRED', { name: who.name })
    if (who.forced && ch.grade !== '不称职' && ch.grade !== g.proposed) {
      throw new KaoheError('INVALID_INPUT', { details: `${who.name} 因否决项定为不称职，不能调整 / ${who.name} is 不称职 by veto and cannot be changed` })
    }
    if (ch.grade === '优秀' && !who.eligible) {
      throw new KaoheError('INVALID_INPUT', { details: `${who.name} 不具备评优资格（${who.reasons.map((r) => r.zh).join('；')}） / ${who.name} is not eligible for 优秀` })
    }
    grades.set(ch.personId, { ...g, grade: ch.grade, reason: ch.grade === g.proposed ? null : reason, changed_by: actorId, changed_at: now.toISOString() })
  }
  const excellent = [...grades.values()].filter((g) => g.grade === '优秀').length
  if (excellent > row.k) throw new KaoheError('ANNUAL_QUOTA_EXCEEDED', { count: excellent, k: row.k })
  for (const ch of changes) {
    const g = grades.get(ch.personId)!
    store.run(store.qb.updateTable('annual_grades').set({ grade: g.grade, reason: g.reason, changed_by: g.changed_by, changed_at: g.changed_at }).where('year', '=', year).where('person_id', '=', ch.personId))
  }
  return roundView(store, year, today)
}

/** The head confirms: no tie left undecided, 优秀 within K, the proposal computed from today's records. */
export function confirm(store: Store, year: number, actorId: number, now: Date, today: IsoDate): AnnualRoundView {
  const row = roundRow(store, year)
  const stage = stageOf(row, today)
  if (!row || stage !== 'proposed') throw stageError(year, stage, { zh: '确认等次', en: 'confirm the grades' })
  const grades = store.all(store.qb.selectFrom('annual_grades').selectAll().where('year', '=', year))
  const stored = JSON.parse(row.result_json) as StoredProposal
  const names = new Map(stored.people.map((p) => [p.personId, p.name]))
  const ties = grades.filter((g) => g.grade === TIE)
  if (ties.length) throw new KaoheError('ANNUAL_TIE_UNDECIDED', { names: ties.map((g) => names.get(g.person_id) ?? String(g.person_id)).join('、') })
  const excellent = grades.filter((g) => g.grade === '优秀').length
  if (excellent > row.k) throw new KaoheError('ANNUAL_QUOTA_EXCEEDED', { count: excellent, k: row.k })
  const now2 = computeYear(store, year, today)
  if (now2.hash !== row.inputs_sha256) {
    throw new KaoheError('ANNUAL_BLOCKED', { year, reason: '拟定等次后考核记录有变动，请人事科重新拟定', reasonEn: 'records changed after the proposal: HR must propose again' })
  }
  store.run(store.qb.updateTable('annual_rounds').set({ stage: 'confirmed', confirmed_by: actorId, confirmed_at: now.toISOString() }).where('year', '=', year))
  return roundView(store, year, today)
}

/** HR publishes confirmed results: the publicity period runs the working days the guideline and P7 say. */
export function publish(store: Store, year: number, start: IsoDate, actorId: number, now: Date, today: IsoDate): AnnualRoundView {
  const row = roundRow(store, year)
  const stage = stageOf(row, today)
  if (!row || stage !== 'confirmed') throw stageError(year, stage, { zh: '公示结果', en: 'publish the results' })
  if (start < today) throw new KaoheError('INVALID_INPUT', { details: `公示不能从过去的日期（${start}）开始 / publicity cannot start in the past (${start})` })
  const period = publicityPeriod(unitCalendar(store), start, resultsPublicityDays(store, year))
  store.run(
    store.qb
      .updateTable('annual_rounds')
      .set({ stage: 'publicity', publicity_from: start, publicity_until: period.end, published_by: actorId, published_at: now.toISOString() })
      .where('year', '=', year),
  )
  return roundView(store, year, today)
}

/** The published grades (T0): during publicity and after. */
export function publishedView(store: Store, year: number, today: IsoDate): AnnualPublishedView {
  const row = roundRow(store, year)
  const stage = stageOf(row, today)
  if (!row || (stage !== 'publicity' && stage !== 'final')) return { year, stage, publicity: null, people: [] }
  const stored = JSON.parse(row.result_json) as StoredProposal
  const people = decidedPeople(store, year, stored.people).map((p) => ({ personId: p.personId, staffNo: p.staffNo, name: p.name, department: p.department, grade: p.grade }))
  const period = publicityOf(store, row)!
  return { year, stage, publicity: { from: period.from, until: period.until }, people }
}

/** One's own result: the grade once published, one's own scores and 计算明细 once final. */
export function ownResult(store: Store, year: number, personId: number | null, today: IsoDate): AnnualOwnResult {
  const row = roundRow(store, year)
  const stage = stageOf(row, today)
  const none: AnnualOwnResult = { year, stage, grade: null, person: null, explanation: null, publicity: null }
  if (!row || personId === null || (stage !== 'publicity' && stage !== 'final')) return none
  const stored = JSON.parse(row.result_json) as StoredProposal
  const me = decidedPeople(store, year, stored.people).find((p) => p.personId === personId)
  const period = publicityOf(store, row)!
  const publicity = { from: period.from, until: period.until }
  if (!me) return { ...none, publicity }
  const final = stage === 'final'
  return {
    year,
    stage,
    grade: me.grade,
    person: final ? me : null,
    explanation: final ? { staffNo: me.staffNo, name: me.name, lines: stored.explanations[me.staffNo] ?? [] } : null,
    publicity,
  }
}

/**
 * An objection raised during the results publicity (公示异议, RULES.md §6 step 7): it goes to the
 * discipline office as a lead on its objection channel; the person named never sees it. Only while
 * the period runs.
 */
export function objectDuringPublicity(
  store: Store,
  input: { year: number; personId?: number | undefined; text: string; reporter: string | null },
  now: Date,
  today: IsoDate,
): { id: number; lodgedOn: string } {
  const row = roundRow(store, input.year)
  const stage = stageOf(row, today)
  if (!row || stage !== 'publicity') throw stageError(input.year, stage, { zh: '提出公示异议', en: 'raise an objection to the publicity' })
  return lodgeLead(store, { channel: 'publicityObjection', text: `【${input.year} 年度考核结果公示异议】${input.text}`, ...(input.personId !== undefined ? { namedPersonId: input.personId } : {}), reporter: input.reporter }, now)
}

/** 计算明细 of one person: from the stored proposal once there is one, else from today's records. */
export function explanationOf(store: Store, year: number, personId: number, today: IsoDate): AnnualExplanation {
  const row = roundRow(store, year)
  const live = row ? null : computeYear(store, year, today)
  if (live?.assembled.democraticRoundOpen) throw roundOpen(year)
  const proposal = row ? (JSON.parse(row.result_json) as StoredProposal) : live!.proposal
  const me = proposal.people.find((p) => p.personId === personId)
  if (!me) throw new KaoheError('NOT_FOUND', { what: '参评人员 participant', id: personId })
  return { staffNo: me.staffNo, name: me.name, lines: proposal.explanations[me.staffNo] ?? [] }
}

/** A recorded approval from the higher-level office for more 优秀 (P6): before confirmation only. */
export function recordApproval(store: Store, year: number, a: { document: string; count?: number | undefined; rate?: number | undefined }, actorId: number, now: Date, today: IsoDate): AnnualRoundView {
  const stage = stageOf(roundRow(store, year), today)
  if (stage !== 'open' && stage !== 'proposed') throw stageError(year, stage, { zh: '登记上级批准', en: 'record an approval' })
  if ((a.count === undefined) === (a.rate === undefined)) throw new KaoheError('INVALID_INPUT', { details: '须且只须给出批准人数或批准比例之一 / give exactly one of an approved count or rate' })
  const values = { document: a.document.trim(), approved_count: a.count ?? null, approved_rate: a.rate === undefined ? null : String(a.rate), recorded_by: actorId, recorded_at: now.toISOString() }
  store.run(store.qb.insertInto('annual_approvals').values({ year, ...values }).onConflict((oc) => oc.column('year').doUpdateSet(values)))
  return roundView(store, year, today)
}

/** A grade of a year before the unit used Kaohe (V1 reads last year's). */
export function recordPriorGrade(store: Store, year: number, personId: number, grade: '优秀' | '称职' | '基本称职' | '不称职' | '不定等次', actorId: number, now: Date): void {
  if (roundRow(store, year)) throw new KaoheError('INVALID_INPUT', { details: `${year} 年度已在本系统中评定，不能另行登记 / ${year} was graded in Kaohe` })
  const values = { grade, recorded_by: actorId, recorded_at: now.toISOString() }
  store.run(store.qb.insertInto('prior_grades').values({ year, person_id: personId, ...values }).onConflict((oc) => oc.columns(['year', 'person_id']).doUpdateSet(values)))
}

/** A 基本称职 rectification plan (V3: not eligible for 优秀 while it runs during grading). */
export function addRectificationPlan(store: Store, input: { personId: number; startsOn: IsoDate; endsOn: IsoDate; reason: string }, actorId: number, now: Date): number {
  if (input.endsOn < input.startsOn) throw new KaoheError('INVALID_INPUT', { details: `整改期结束日早于开始日 / the plan ends before it starts` })
  return store.run(
    store.qb.insertInto('rectification_plans').values({ person_id: input.personId, starts_on: input.startsOn, ends_on: input.endsOn, reason: input.reason.trim(), recorded_by: actorId, recorded_at: now.toISOString() }),
  ).lastInsertRowid
}
