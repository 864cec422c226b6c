import type { IsoDate } from '@shared/org'
import { KaoheError } from '@shared/errors'
import type { Label } from '@shared/guideline/model'
import {
  FOLLOWUP_KIND_LABELS,
  type BonusRow,
  type BonusTable,
  type FlagRow,
  type FollowUpKind,
  type FollowUpStatus,
  type FollowUpSummary,
  type FollowUpView,
  type GenerateResult,
  type OutcomeFlags,
  type OutcomeListEntry,
  type OutcomeLists,
} from '@shared/outcomes'
import type { AnnualPersonView } from '@shared/annual'
import type { ReadableDB, Store } from '../../db/store'
import type { ResultFollowupRow } from '../../db/schema'
import { policyInForce } from '../policy/inForce'
import type { ResultsPolicy } from '../policy/defaults'
import { addDays, daysInMonth } from '../calendar/dates'
import { leadership } from '../org/groups'
import { addRectificationPlan } from '../annual/round'

/**
 * Results application (结果应用, RULES.md §8): what a final grade leads to. Every number — the bonus
 * coefficients, the rectification and reassignment periods, the 三等功 and dismissal runs — comes
 * from the policy's `results` section for the year.
 *
 * - Bonus table: base × coefficient per person (integer fen, half up), total against the budget.
 * - Follow-ups (`generateOutcomes`, idempotent): 优秀 → commendation list; 称职 → talent pool;
 *   基本称职 → 诫勉谈话 by the unit head, a rectification plan (also in rectification_plans, so V3
 *   applies while it runs), targeted training; 不称职 → reassignment or standby training between the
 *   policy's months, a follow-up assessment, and a dismissal/demotion recommendation when 不称职 the
 *   policy's number of years running. A grade changed later (an appeal) cancels the follow-ups its old
 *   grade made and creates the new grade's.
 * - Flags: 三等功 after the policy's consecutive 优秀, dismissal, no award next year (V1), talent pool.
 */

export const GRADES = ['优秀', '称职', '基本称职', '不称职'] as const
type Grade = (typeof GRADES)[number]
const HR_NAME = '人事科'
const GRADE_CHANGED = '等次已变更 / the grade changed'

function results(db: ReadableDB, year: number): ResultsPolicy {
  return policyInForce(db, year).policy.results
}

export function percentOf(r: ResultsPolicy, grade: string): number | null {
  switch (grade) {
    case '优秀':
      return r.bonusPercentExcellent
    case '称职':
      return r.bonusPercentCompetent
    case '基本称职':
      return r.bonusPercentBasic
    case '不称职':
      return r.bonusPercentIncompetent
    default:
      return null
  }
}

/** base × percent / 100 in fen, rounded half up (exact for integer percents). */
export function bonusFen(baseFen: number, percent: number): number {
  if (Number.isInteger(percent)) return Math.floor((baseFen * percent + 50) / 100)
  return Math.round((baseFen * percent) / 100)
}

/** The calendar date `months` months after `date` (the day clamped to the month's last). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7)) - 1 + months
  const year = y + Math.floor(m / 12)
  const month = (((m % 12) + 12) % 12) + 1
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month))
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

interface RoundInfo {
  final: boolean
  /** The first day the grades are final (the day after the publicity's last). */
  finalOn: IsoDate | null
  people: AnnualPersonView[]
}

function roundInfo(db: ReadableDB, year: number, today: IsoDate): RoundInfo {
  const row = db.first(db.qb.selectFrom('annual_rounds').select(['stage', 'publicity_until', 'result_json']).where('year', '=', year))
  if (!row) return { final: false, finalOn: null, people: [] }
  const final = row.stage === 'publicity' && row.publicity_until !== null && today > row.publicity_until
  const people = (JSON.parse(row.result_json) as { people: AnnualPersonView[] }).people
  const grades = new Map(db.all(db.qb.selectFrom('annual_grades').select(['person_id', 'grade']).where('year', '=', year)).map((g) => [g.person_id, g.grade]))
  return {
    final,
    finalOn: row.publicity_until === null ? null : addDays(row.publicity_until, 1),
    people: people.map((p) => ({ ...p, grade: (grades.get(p.personId) ?? p.grade) as AnnualPersonView['grade'] })),
  }
}

function requireFinal(db: ReadableDB, year: number, today: IsoDate): RoundInfo & { finalOn: IsoDate } {
  const info = roundInfo(db, year, today)
  if (!info.final || info.finalOn === null) throw new KaoheError('OUTCOMES_NOT_FINAL', { year })
  return info as RoundInfo & { finalOn: IsoDate }
}

// ---------------------------------------------------------------- bonus

export function bonusTable(db: ReadableDB, year: number, today: IsoDate): BonusTable {
  const r = results(db, year)
  const setting = db.first(db.qb.selectFrom('bonus_settings').selectAll().where('year', '=', year))
  const info = roundInfo(db, year, today)
  const baseFen = setting?.base_fen ?? null
  const rows: BonusRow[] = info.final
    ? [...info.people]
        .sort((a, b) => a.staffNo.localeCompare(b.staffNo))
        .map((p) => {
          const percent = percentOf(r, p.grade)
          const reason: Label | null = percent === null ? (p.note ?? { zh: `等次：${p.grade}`, en: `grade: ${p.grade}` }) : null
          return {
            personId: p.personId,
            staffNo: p.staffNo,
            name: p.name,
            department: p.department,
            grade: p.grade,
            percent,
            amountFen: percent === null || baseFen === null ? null : bonusFen(baseFen, percent),
            reason,
          }
        })
    : []
  const totalFen = rows.reduce((s, x) => s + (x.amountFen ?? 0), 0)
  return {
    year,
    final: info.final,
    baseFen,
    budgetFen: setting?.budget_fen ?? null,
    percents: { 优秀: r.bonusPercentExcellent, 称职: r.bonusPercentCompetent, 基本称职: r.bonusPercentBasic, 不称职: r.bonusPercentIncompetent },
    rows,
    totalFen,
    remainingFen: setting ? setting.budget_fen - totalFen : null,
  }
}

export function setBonus(store: Store, input: { year: number; baseFen: number; budgetFen: number }, actorId: number, now: Date): void {
  for (const [k, v] of [['baseFen', input.baseFen], ['budgetFen', input.budgetFen]] as const) {
    if (!Number.isSafeInteger(v) || v < 0) throw new KaoheError('INVALID_INPUT', { details: `${k === 'baseFen' ? '奖金基数' : '奖金预算'}须为非负整数（分）：${v} / ${k} must be a non-negative integer of fen: ${v}` })
  }
  const values = { base_fen: input.baseFen, budget_fen: input.budgetFen, set_by: actorId, set_at: now.toISOString() }
  store.run(store.qb.insertInto('bonus_settings').values({ year: input.year, ...values }).onConflict((oc) => oc.column('year').doUpdateSet(values)))
}

// ---------------------------------------------------------------- grades over the years

/** A person's grade per year: recorded from before Kaohe, or from a published round (as V1 reads it). */
export function gradeHistory(db: ReadableDB, personId: number): Map<number, string> {
  const out = new Map<number, string>()
  for (const r of db.all(db.qb.selectFrom('prior_grades').select(['year', 'grade']).where('person_id', '=', personId))) out.set(r.year, r.grade)
  const published = new Set(db.all(db.qb.selectFrom('annual_rounds').select('year').where('stage', '=', 'publicity')).map((r) => r.year))
  for (const r of db.all(db.qb.selectFrom('annual_grades').select(['year', 'grade']).where('person_id', '=', personId))) if (published.has(r.year)) out.set(r.year, r.grade)
  return out
}

function runLength(history: Map<number, string>, year: number, grade: Grade): number {
  let n = 0
  while (history.get(year - n) === grade) n++
  return n
}

export function flagsOf(db: ReadableDB, personId: number, year: number): OutcomeFlags {
  const r = results(db, year)
  const history = gradeHistory(db, personId)
  const pool = db.first(
    db.qb.selectFrom('outcome_lists').select('id').where('list', '=', 'talentPool').where('person_id', '=', personId).where('year', '=', year).where('removed_at', 'is', null),
  )
  return {
    merit: runLength(history, year, '优秀') >= r.meritConsecutiveExcellent,
    dismissal: runLength(history, year, '不称职') >= r.dismissalConsecutiveIncompetent,
    ineligibleNextYear: history.get(year) === '不称职',
    talentPool: pool !== undefined,
  }
}

// ---------------------------------------------------------------- generation

interface Planned {
  kind: FollowUpKind
  owner: { personId: number } | { role: 'hr' }
  earliestOn: IsoDate | null
  dueOn: IsoDate
}

function supervisorOf(db: ReadableDB, personId: number): number | null {
  return db.first(db.qb.selectFrom('people').select('supervisor_id').where('id', '=', personId))?.supervisor_id ?? null
}

function plannedFor(db: ReadableDB, r: ResultsPolicy, p: AnnualPersonView, year: number, finalOn: IsoDate, headId: number | null): Planned[] {
  const head = headId !== null && headId !== p.personId ? { personId: headId } : { role: 'hr' as const }
  const sup = supervisorOf(db, p.personId)
  const supervisor = sup !== null ? { personId: sup } : head
  const hr = { role: 'hr' as const }
  if (p.grade === '基本称职') {
    const end = addDays(addMonths(finalOn, r.rectificationMonths), -1)
    return [
      { kind: 'admonitionTalk', owner: head, earliestOn: null, dueOn: end },
      { kind: 'rectification', owner: supervisor, earliestOn: null, dueOn: end },
      { kind: 'targetedTraining', owner: hr, earliestOn: null, dueOn: end },
    ]
  }
  if (p.grade === '不称职') {
    const earliest = addMonths(finalOn, r.reassignmentMonthsMin)
    const due = addDays(addMonths(finalOn, r.reassignmentMonthsMax), -1)
    const out: Planned[] = [
      { kind: 'reassignment', owner: hr, earliestOn: earliest, dueOn: due },
      { kind: 'followUpAssessment', owner: supervisor, earliestOn: earliest, dueOn: due },
    ]
    if (runLength(gradeHistory(db, p.personId), year, '不称职') >= r.dismissalConsecutiveIncompetent) out.push({ kind: 'dismissalReview', owner: head, earliestOn: null, dueOn: due })
    return out
  }
  return []
}

/**
 * Creates the year's follow-ups and list entries from the final grades. Idempotent: what exists is
 * kept (done or not); an entry HR removed is not added back; an open follow-up or a grade-made list
 * entry whose grade has since changed is cancelled.
 */
export function generateOutcomes(store: Store, year: number, actorId: number, now: Date, today: IsoDate): GenerateResult {
  const info = requireFinal(store, year, today)
  const r = results(store, year)
  const headId = leadership(store).head?.id ?? null
  const at = now.toISOString()
  const out: GenerateResult = { year, created: 0, existing: 0, cancelled: 0, listed: 0, rectificationPlans: 0 }
  const existing = store.all(store.qb.selectFrom('result_followups').selectAll().where('year', '=', year))
  const byKey = new Map(existing.map((f) => [`${f.person_id}:${f.kind}`, f]))
  const wanted = new Set<string>()
  const lists = store.all(store.qb.selectFrom('outcome_lists').selectAll().where('year', '=', year))
  const listKey = new Map(lists.map((e) => [`${e.list}:${e.person_id}`, e]))
  const wantedLists = new Set<string>()

  for (const p of info.people) {
    if (p.status !== 'graded') continue
    const list = p.grade === '优秀' ? 'commendation' : p.grade === '称职' ? 'talentPool' : null
    if (list) {
      const key = `${list}:${p.personId}`
      wantedLists.add(key)
      const had = listKey.get(key)
      if (had && had.source === 'grade' && had.removed_reason === GRADE_CHANGED) {
        // Removed when the grade changed, and the grade is back: the entry is too.
        store.run(store.qb.updateTable('outcome_lists').set({ removed_at: null, removed_by: null, removed_reason: null }).where('id', '=', had.id))
      } else if (!had) {
        const reason = list === 'commendation' ? `${year} 年度考核优秀` : `${year} 年度考核称职`
        store.run(store.qb.insertInto('outcome_lists').values({ list, year, person_id: p.personId, source: 'grade', reason, added_by: actorId, added_at: at, removed_at: null, removed_by: null, removed_reason: null }))
        out.listed++
      }
    }
    for (const plan of plannedFor(store, r, p, year, info.finalOn, headId)) {
      const key = `${p.personId}:${plan.kind}`
      wanted.add(key)
      const had = byKey.get(key)
      if (had && had.cancelled_on === null) {
        out.existing++
        continue
      }
      let planId: number | null = null
      if (plan.kind === 'rectification') {
        planId = addRectificationPlan(store, { personId: p.personId, startsOn: info.finalOn, endsOn: plan.dueOn, reason: `${year} 年度考核基本称职，整改 ${r.rectificationMonths} 个月` }, actorId, now)
        out.rectificationPlans++
      }
      const values = {
        owner_person_id: 'personId' in plan.owner ? plan.owner.personId : null,
        owner_role: 'role' in plan.owner ? plan.owner.role : null,
        earliest_on: plan.earliestOn,
        due_on: plan.dueOn,
        rectification_plan_id: planId,
        done_on: null,
        done_by: null,
        note: null,
        cancelled_on: null,
        created_by: actorId,
        created_at: at,
      }
      if (had) store.run(store.qb.updateTable('result_followups').set(values).where('id', '=', had.id))
      else store.run(store.qb.insertInto('result_followups').values({ year, person_id: p.personId, kind: plan.kind, ...values }))
      out.created++
    }
  }
  // A grade changed since (an appeal): what the old grade made no longer applies.
  for (const f of existing) {
    if (wanted.has(`${f.person_id}:${f.kind}`) || f.done_on !== null || f.cancelled_on !== null) continue
    store.run(store.qb.updateTable('result_followups').set({ cancelled_on: today }).where('id', '=', f.id))
    if (f.rectification_plan_id !== null) {
      // The plan ends the day before it is cancelled (never before it starts): V3 stops applying.
      const plan = store.first(store.qb.selectFrom('rectification_plans').select('starts_on').where('id', '=', f.rectification_plan_id))
      const end = plan && addDays(today, -1) < plan.starts_on ? plan.starts_on : addDays(today, -1)
      store.run(store.qb.updateTable('rectification_plans').set({ ends_on: end }).where('id', '=', f.rectification_plan_id))
    }
    out.cancelled++
  }
  for (const e of lists) {
    if (e.source !== 'grade' || e.removed_at !== null || wantedLists.has(`${e.list}:${e.person_id}`)) continue
    store.run(store.qb.updateTable('outcome_lists').set({ removed_at: at, removed_by: actorId, removed_reason: GRADE_CHANGED }).where('id', '=', e.id))
  }
  return out
}

// ---------------------------------------------------------------- follow-ups

export interface FollowUpViewer {
  personId: number | null
  /** HR, the leadership group: see every follow-up. */
  seesAll: boolean
  isHr: boolean
}

export interface FollowUpFilter {
  year?: number | undefined
  kind?: FollowUpKind | undefined
  overdue?: boolean | undefined
  personId?: number | undefined
}

function statusOf(f: Pick<ResultFollowupRow, 'done_on' | 'cancelled_on' | 'due_on'>, today: IsoDate): FollowUpStatus {
  if (f.cancelled_on !== null) return 'cancelled'
  if (f.done_on !== null) return 'done'
  return today > f.due_on ? 'overdue' : 'open'
}

function mayComplete(f: Pick<ResultFollowupRow, 'owner_person_id' | 'owner_role'>, v: FollowUpViewer): boolean {
  return (f.owner_person_id !== null && f.owner_person_id === v.personId) || (f.owner_role === 'hr' && v.isHr)
}

function followupRows(db: ReadableDB) {
  return db.qb
    .selectFrom('result_followups as f')
    .innerJoin('people as p', 'p.id', 'f.person_id')
    .leftJoin('departments as d', 'd.id', 'p.department_id')
    .leftJoin('people as o', 'o.id', 'f.owner_person_id')
    .selectAll('f')
    .select(['p.staff_no', 'p.name', 'd.name as department', 'o.name as owner_name'])
}

function summaryOf(f: ResultFollowupRow & { owner_name: string | null }): FollowUpSummary {
  return {
    id: f.id,
    year: f.year,
    kind: f.kind,
    label: FOLLOWUP_KIND_LABELS[f.kind],
    ownerName: f.owner_role === 'hr' ? HR_NAME : f.owner_name,
    dueOn: f.due_on,
    doneOn: f.done_on,
    note: f.note,
  }
}

/** The follow-ups about a person (the growth archive): every year's, cancelled ones left out. */
export function followupsOf(db: ReadableDB, personId: number): FollowUpSummary[] {
  return db.all(followupRows(db).where('f.person_id', '=', personId).where('f.cancelled_on', 'is', null).orderBy('f.year').orderBy('f.due_on').orderBy('f.id')).map(summaryOf)
}

/** The follow-ups the viewer may see: all for HR and the leadership group, else those they own. */
export function listFollowups(db: ReadableDB, viewer: FollowUpViewer, filter: FollowUpFilter, today: IsoDate): FollowUpView[] {
  let q = followupRows(db)
  if (filter.year !== undefined) q = q.where('f.year', '=', filter.year)
  if (filter.kind !== undefined) q = q.where('f.kind', '=', filter.kind)
  if (filter.personId !== undefined) q = q.where('f.person_id', '=', filter.personId)
  if (filter.overdue) q = q.where('f.done_on', 'is', null).where('f.cancelled_on', 'is', null).where('f.due_on', '<', today)
  if (!viewer.seesAll) {
    const me = viewer.personId ?? -1
    q = viewer.isHr ? q.where((eb) => eb.or([eb('f.owner_person_id', '=', me), eb('f.owner_role', '=', 'hr')])) : q.where('f.owner_person_id', '=', me)
  }
  return db.all(q.orderBy('f.due_on').orderBy('p.staff_no').orderBy('f.id')).map((f) => ({
    ...summaryOf(f),
    kind: f.kind,
    personId: f.person_id,
    staffNo: f.staff_no,
    name: f.name,
    department: f.department,
    ownerPersonId: f.owner_person_id,
    ownerRole: f.owner_role,
    earliestOn: f.earliest_on,
    status: statusOf(f, today),
    mayComplete: mayComplete(f, viewer) && f.done_on === null && f.cancelled_on === null,
  }))
}

/** Its owner (HR for HR's) marks a follow-up done, with a note. */
export function completeFollowup(store: Store, input: { id: number; note: string; doneOn?: IsoDate | undefined }, viewer: FollowUpViewer, actorId: number, today: IsoDate): { id: number; personId: number; year: number; kind: FollowUpKind } {
  const f = store.first(store.qb.selectFrom('result_followups').selectAll().where('id', '=', input.id))
  if (!f) throw new KaoheError('NOT_FOUND', { what: '跟进事项 follow-up', id: input.id })
  const label = FOLLOWUP_KIND_LABELS[f.kind]
  if (f.done_on !== null || f.cancelled_on !== null) {
    const s = f.done_on !== null ? { zh: `已于 ${f.done_on} 完成`, en: `done on ${f.done_on}` } : { zh: '已撤销', en: 'cancelled' }
    throw new KaoheError('OUTCOMES_FOLLOWUP_STATE', { id: f.id, kind: label.zh, kindEn: label.en, state: s.zh, stateEn: s.en })
  }
  if (!mayComplete(f, viewer)) throw new KaoheError('OUTCOMES_NOT_OWNER', { id: f.id, kind: label.zh, kindEn: label.en })
  const note = input.note.trim()
  if (note === '') throw new KaoheError('INVALID_INPUT', { details: '完成情况说明不能为空 / the completion note is empty' })
  const doneOn = input.doneOn ?? today
  if (doneOn > today) throw new KaoheError('INVALID_INPUT', { details: `完成日期 ${doneOn} 晚于今天 / done on ${doneOn} is in the future` })
  store.run(store.qb.updateTable('result_followups').set({ done_on: doneOn, done_by: actorId, note }).where('id', '=', f.id))
  return { id: f.id, personId: f.person_id, year: f.year, kind: f.kind }
}

/** Open follow-ups the person (or HR) owns, for the home page: count and the first due date. */
export function followupTasks(db: ReadableDB, owner: { personId: number | null; isHr: boolean }): { count: number; firstDue: IsoDate | null } {
  const rows = db.all(
    db.qb
      .selectFrom('result_followups')
      .select('due_on')
      .where('done_on', 'is', null)
      .where('cancelled_on', 'is', null)
      .where((eb) => eb.or([eb('owner_person_id', '=', owner.personId ?? -1), ...(owner.isHr ? [eb('owner_role', '=', 'hr')] : [])]))
      .orderBy('due_on'),
  )
  return { count: rows.length, firstDue: rows[0]?.due_on ?? null }
}

// ---------------------------------------------------------------- lists and flags

function listRows(db: ReadableDB, year: number): OutcomeListEntry[] {
  return db
    .all(
      db.qb
        .selectFrom('outcome_lists as e')
        .innerJoin('people as p', 'p.id', 'e.person_id')
        .leftJoin('departments as d', 'd.id', 'p.department_id')
        .selectAll('e')
        .select(['p.staff_no', 'p.name', 'd.name as department'])
        .where('e.year', '=', year)
        .orderBy('p.staff_no'),
    )
    .map((e) => ({
      id: e.id,
      list: e.list,
      year: e.year,
      personId: e.person_id,
      staffNo: e.staff_no,
      name: e.name,
      department: e.department,
      source: e.source,
      reason: e.reason,
      addedAt: e.added_at,
      removedAt: e.removed_at,
      removedReason: e.removed_reason,
    }))
}

export function outcomeLists(db: ReadableDB, year: number, today: IsoDate): OutcomeLists {
  const all = listRows(db, year)
  const info = roundInfo(db, year, today)
  const flagged: FlagRow[] = []
  if (info.final) {
    for (const p of [...info.people].sort((a, b) => a.staffNo.localeCompare(b.staffNo))) {
      const flags = flagsOf(db, p.personId, year)
      if (flags.merit || flags.dismissal || flags.ineligibleNextYear) flagged.push({ personId: p.personId, staffNo: p.staffNo, name: p.name, department: p.department, grade: p.grade, flags })
    }
  }
  return { year, commendation: all.filter((e) => e.list === 'commendation'), talentPool: all.filter((e) => e.list === 'talentPool'), flagged }
}

/** HR adds a person to the talent pool by hand, with a reason (or back, after a removal). */
export function addToTalentPool(store: Store, input: { year: number; personId: number; reason: string }, actorId: number, now: Date): number {
  const person = store.first(store.qb.selectFrom('people').select(['id', 'name']).where('id', '=', input.personId))
  if (!person) throw new KaoheError('NOT_FOUND', { what: '人员 person', id: input.personId })
  const reason = input.reason.trim()
  if (reason === '') throw new KaoheError('INVALID_INPUT', { details: '须写明理由 / a reason is required' })
  const had = store.first(store.qb.selectFrom('outcome_lists').selectAll().where('list', '=', 'talentPool').where('year', '=', input.year).where('person_id', '=', input.personId))
  if (had && had.removed_at === null) throw new KaoheError('OUTCOMES_LIST_ENTRY', { name: person.name, year: input.year, state: '已在人才库中', stateEn: 'is already in the talent pool' })
  const values = { source: 'manual' as const, reason, added_by: actorId, added_at: now.toISOString(), removed_at: null, removed_by: null, removed_reason: null }
  if (had) {
    // The removal stays on record: the spell that ended goes into the entry's history.
    const spell = { source: had.source, reason: had.reason, addedBy: had.added_by, addedAt: had.added_at, removedBy: had.removed_by, removedAt: had.removed_at, removedReason: had.removed_reason }
    const history = [...(JSON.parse(had.history) as unknown[]), spell]
    store.run(store.qb.updateTable('outcome_lists').set({ ...values, history: JSON.stringify(history) }).where('id', '=', had.id))
    return had.id
  }
  return store.run(store.qb.insertInto('outcome_lists').values({ list: 'talentPool', year: input.year, person_id: input.personId, ...values })).lastInsertRowid
}

/** HR removes a talent-pool entry, with a reason (kept, shown as removed). */
export function removeFromTalentPool(store: Store, input: { id: number; reason: string }, actorId: number, now: Date): { personId: number; year: number } {
  const e = store.first(store.qb.selectFrom('outcome_lists').selectAll().where('id', '=', input.id).where('list', '=', 'talentPool'))
  if (!e) throw new KaoheError('NOT_FOUND', { what: '人才库条目 talent-pool entry', id: input.id })
  const name = store.first(store.qb.selectFrom('people').select('name').where('id', '=', e.person_id))?.name ?? String(e.person_id)
  if (e.removed_at !== null) throw new KaoheError('OUTCOMES_LIST_ENTRY', { name, year: e.year, state: '已移出人才库', stateEn: 'was already removed from the talent pool' })
  const reason = input.reason.trim()
  if (reason === '') throw new KaoheError('INVALID_INPUT', { details: '须写明理由 / a reason is required' })
  store.run(store.qb.updateTable('outcome_lists').set({ removed_at: now.toISOString(), removed_by: actorId, removed_reason: reason }).where('id', '=', e.id))
  return { personId: e.person_id, year: e.year }
}
