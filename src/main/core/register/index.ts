import { KaoheError } from '@shared/errors'
import type { AnnualStage } from '@shared/annual'
import type { IsoDate } from '@shared/org'
import { GONE_STATUSES } from '@shared/org'
import {
  REGISTER_PARTS,
  REGISTER_PART_LABELS,
  REGISTER_TEXT_MAX,
  type RegisterFormView,
  type RegisterList,
  type RegisterListRow,
  type RegisterPart,
  type RegisterPartView,
} from '@shared/register'
import type { RegisterPartRow } from '../../db/schema'
import type { ReadableDB, Store } from '../../db/store'
import { authorize, type Actor } from '../access/authorize'
import { relationsTo } from '../access/relations'
import type { Permission } from '@shared/access/permissions'

/**
 * 《公务员年度考核登记表》 (issue 10, item 1b): one form per person and year. Each part is written by
 * its role only (the person, their supervisor, the head, the leadership group or HR), saved as a draft
 * and then submitted, after which it no longer changes; the grade printed is the confirmed result
 * (annual_grades once the head has confirmed the round).
 */

/** Which permission writes which part (the handlers use the same; see shared/api/register.ts). */
export const PART_PERMISSIONS: Record<RegisterPart, Permission[]> = {
  duties: ['register.own', 'register.manage'],
  summary: ['register.own'],
  training: ['register.own', 'register.manage'],
  supervisor: ['register.supervise'],
  head: ['register.head'],
  committee: ['register.committee'],
  opinion: ['register.own'],
  undetermined: ['register.manage'],
}

/**
 * The round's stage on a day, as core/annual/round.ts's `stageOf` says it: 'final' once the results
 * publicity has ended.
 */
export function annualStage(db: ReadableDB, year: number, today: IsoDate): AnnualStage {
  const row = db.first(db.qb.selectFrom('annual_rounds').select(['stage', 'publicity_until']).where('year', '=', year))
  if (!row) return 'open'
  if (row.stage === 'publicity' && row.publicity_until !== null && today > row.publicity_until) return 'final'
  return row.stage
}

const CONFIRMED: readonly AnnualStage[] = ['confirmed', 'publicity', 'final']

/** The person's grade of the year from the confirmed results, or null before the head confirms. */
export function confirmedGrade(db: ReadableDB, year: number, personId: number, today: IsoDate): string | null {
  if (!CONFIRMED.includes(annualStage(db, year, today))) return null
  return db.first(db.qb.selectFrom('annual_grades').select('grade').where('year', '=', year).where('person_id', '=', personId))?.grade ?? null
}

const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度']

/** The year's quarterly 小结, in quarter order, as one starting text for the 个人总结. */
export function quarterlyStart(db: ReadableDB, year: number, personId: number): string {
  const rows = db.all(db.qb.selectFrom('quarterly_summaries').select(['quarter', 'text']).where('person_id', '=', personId).where('year', '=', year).orderBy('quarter'))
  return rows.map((r) => `${QUARTER_NAMES[r.quarter - 1] ?? `第${r.quarter}季度`}：${r.text.trim()}`).join('\n').slice(0, REGISTER_TEXT_MAX.summary)
}

function personOf(db: ReadableDB, personId: number) {
  const p = db.first(
    db.qb
      .selectFrom('people as p')
      .leftJoin('departments as d', 'd.id', 'p.department_id')
      .select(['p.id', 'p.staff_no', 'p.name', 'p.gender', 'p.birth_month', 'p.political_status', 'p.post_since', 'p.post', 'p.rank', 'd.name as department_name'])
      .where('p.id', '=', personId),
  )
  if (!p) throw new KaoheError('NOT_FOUND', { what: '人员 person', id: personId })
  return p
}

function emptyPart(part: RegisterPart): RegisterPartView {
  return { part, text: '', status: 'empty', suggestedGrade: null, writerName: null, writtenAt: null, submittedAt: null }
}

function partRows(db: ReadableDB, year: number, personIds: readonly number[] | 'all') {
  let q = db.qb
    .selectFrom('register_parts as r')
    .leftJoin('people as w', 'w.id', 'r.writer_person_id')
    .leftJoin('users as u', 'u.id', 'r.written_by')
    .selectAll('r')
    .select(['w.name as writer_name', 'u.display_name as user_name'])
    .where('r.year', '=', year)
  if (personIds !== 'all') q = q.where('r.person_id', 'in', personIds.length ? [...personIds] : [-1])
  return db.all(q)
}

function partView(r: RegisterPartRow & { writer_name: string | null; user_name: string | null }): RegisterPartView {
  return {
    part: r.part,
    text: r.text,
    status: r.status,
    suggestedGrade: r.suggested_grade,
    writerName: r.writer_name ?? r.user_name,
    writtenAt: r.written_at,
    submittedAt: r.submitted_at,
  }
}

/** Whether a part applies to the person at all: the 不定等次 explanation only to someone with no grade. */
function applies(part: RegisterPart, grade: string | null): boolean {
  if (part === 'undetermined') return grade === '不定等次'
  if (part === 'opinion' || part === 'committee') return grade !== null
  return true
}

/** The parts the actor may write now for this person and year (their role, the order, the grade). */
export function editableParts(db: ReadableDB, actor: Actor, year: number, personId: number, today: IsoDate): RegisterPart[] {
  const rel = relationsTo(db, actor.personId)
  const grade = confirmedGrade(db, year, personId, today)
  const parts = new Map(partRows(db, year, [personId]).map((r) => [r.part, r]))
  return REGISTER_PARTS.filter((part) => {
    if (parts.get(part)?.status === 'submitted') return false
    if (!PART_PERMISSIONS[part].some((perm) => authorize(actor, perm, { personId, relationsTo: rel }))) return false
    return orderProblem(part, grade, parts.get('summary')?.status === 'submitted') === null
  })
}

/** Why a part cannot be written yet, or null. */
function orderProblem(part: RegisterPart, grade: string | null, summarySubmitted: boolean): { zh: string; en: string } | null {
  if ((part === 'opinion' || part === 'committee') && grade === null) {
    return { zh: '年度等次确认之后', en: 'once the annual grade is confirmed' }
  }
  if (part === 'undetermined' && grade !== '不定等次') return { zh: '仅限确认为不定等次的人员', en: 'only for people confirmed with no grade (不定等次)' }
  if (part === 'supervisor' && !summarySubmitted && grade !== '不定等次') return { zh: '本人提交个人总结之后', en: 'once the person has submitted their summary' }
  return null
}

export function registerForm(db: ReadableDB, year: number, personId: number, today: IsoDate, editable: RegisterPart[]): RegisterFormView {
  const p = personOf(db, personId)
  const parts = Object.fromEntries(REGISTER_PARTS.map((k) => [k, emptyPart(k)])) as Record<RegisterPart, RegisterPartView>
  for (const r of partRows(db, year, [personId])) parts[r.part] = partView(r)
  return {
    year,
    personId,
    staffNo: p.staff_no,
    name: p.name,
    gender: p.gender,
    birthMonth: p.birth_month,
    politicalStatus: p.political_status,
    postSince: p.post_since,
    unitName: db.first(db.qb.selectFrom('unit').select('name'))?.name ?? '',
    departmentName: p.department_name,
    post: p.post,
    rank: p.rank,
    grade: confirmedGrade(db, year, personId, today),
    stage: annualStage(db, year, today),
    parts,
    quarterlyStart: quarterlyStart(db, year, personId),
    editable,
  }
}

/**
 * The people whose forms the year has: the participants of the year's round when there is one,
 * otherwise everyone in the unit now; narrowed to `scope`.
 */
export function registerPeople(db: ReadableDB, year: number, scope: 'all' | readonly number[]): number[] {
  const graded = db.all(db.qb.selectFrom('annual_grades').select('person_id').where('year', '=', year)).map((r) => r.person_id)
  let ids = graded
  if (!ids.length) {
    ids = db
      .all(db.qb.selectFrom('people').select('id').where('status', 'not in', [...GONE_STATUSES]))
      .map((r) => r.id)
  }
  const staff = new Map(db.all(db.qb.selectFrom('people').select(['id', 'staff_no'])).map((r) => [r.id, r.staff_no]))
  return ids.filter((id) => scope === 'all' || scope.includes(id)).sort((a, b) => (staff.get(a) ?? '').localeCompare(staff.get(b) ?? ''))
}

export function registerList(db: ReadableDB, year: number, scope: 'all' | readonly number[], today: IsoDate): RegisterList {
  const ids = registerPeople(db, year, scope)
  const stage = annualStage(db, year, today)
  const status = new Map<number, Map<RegisterPart, RegisterPartView['status']>>()
  for (const r of partRows(db, year, ids)) {
    const m = status.get(r.person_id) ?? new Map<RegisterPart, RegisterPartView['status']>()
    m.set(r.part, r.status)
    status.set(r.person_id, m)
  }
  const people = new Map(
    db
      .all(db.qb.selectFrom('people as p').leftJoin('departments as d', 'd.id', 'p.department_id').select(['p.id', 'p.staff_no', 'p.name', 'p.supervisor_id', 'd.name as department_name']))
      .map((p) => [p.id, p]),
  )
  const rows: RegisterListRow[] = ids.map((id) => {
    const p = people.get(id)!
    const grade = confirmedGrade(db, year, id, today)
    const m = status.get(id)
    const parts = Object.fromEntries(REGISTER_PARTS.map((k) => [k, m?.get(k) ?? 'empty'])) as RegisterListRow['parts']
    // 培训情况 may rightly stay empty; the unit's top has no supervisor to comment.
    const needed = REGISTER_PARTS.filter((k) => applies(k, grade) && k !== 'training' && !(k === 'supervisor' && p.supervisor_id === null))
    const complete = grade !== null && needed.every((k) => parts[k] === 'submitted')
    return { personId: id, staffNo: p.staff_no, name: p.name, departmentName: p.department_name, grade, parts, complete }
  })
  return { year, stage, rows }
}

export interface PartInput {
  year: number
  personId: number
  part: RegisterPart
  text: string
  suggestedGrade?: string | undefined
  submit: boolean
}

/**
 * Saves one part of a person's form as a draft or submits it. The caller has checked the writer's
 * role for the part (the router, through the method's permission); here: the order, the grade,
 * the size, and that a submitted part never changes.
 */
export function savePart(store: Store, input: PartInput, writer: { userId: number | null; personId: number | null }, now: Date, today: IsoDate): RegisterPartView {
  const { year, personId, part } = input
  const person = personOf(store, personId)
  const label = REGISTER_PART_LABELS[part]
  const text = input.text.trim()
  const max = REGISTER_TEXT_MAX[part]
  if ([...text].length > max) {
    throw new KaoheError('REGISTER_TEXT_TOO_LONG', { part: label.zh, partEn: label.en, max, length: [...text].length })
  }
  const current = store.first(store.qb.selectFrom('register_parts').selectAll().where('year', '=', year).where('person_id', '=', personId).where('part', '=', part))
  if (current?.status === 'submitted') {
    throw new KaoheError('REGISTER_PART_SUBMITTED', { part: label.zh, partEn: label.en, name: person.name, year, on: current.submitted_at!.slice(0, 10) })
  }
  const grade = confirmedGrade(store, year, personId, today)
  const summary = store.first(store.qb.selectFrom('register_parts').select('status').where('year', '=', year).where('person_id', '=', personId).where('part', '=', 'summary'))
  const problem = orderProblem(part, grade, summary?.status === 'submitted')
  if (problem) throw new KaoheError('REGISTER_NOT_YET', { part: label.zh, partEn: label.en, name: person.name, year, when: problem.zh, whenEn: problem.en })
  if (input.suggestedGrade !== undefined && part !== 'supervisor') {
    throw new KaoheError('INVALID_INPUT', { details: `只有主管领导评语带考核等次建议 / only the supervisor’s part carries a suggested grade (${label.zh})` })
  }
  if (input.submit) {
    if (!text) throw new KaoheError('REGISTER_TEXT_REQUIRED', { part: label.zh, partEn: label.en, name: person.name })
    if (part === 'supervisor' && !input.suggestedGrade) {
      throw new KaoheError('REGISTER_TEXT_REQUIRED', { part: '考核等次建议', partEn: 'the suggested grade', name: person.name })
    }
  }
  const values = {
    text,
    suggested_grade: (input.suggestedGrade ?? null) as RegisterPartRow['suggested_grade'],
    status: input.submit ? ('submitted' as const) : ('draft' as const),
    written_by: writer.userId,
    writer_person_id: writer.personId,
    written_at: now.toISOString(),
    submitted_at: input.submit ? now.toISOString() : null,
  }
  if (current) {
    store.run(store.qb.updateTable('register_parts').set(values).where('year', '=', year).where('person_id', '=', personId).where('part', '=', part))
  } else {
    store.run(store.qb.insertInto('register_parts').values({ year, person_id: personId, part, ...values }))
  }
  const row = partRows(store, year, [personId]).find((r) => r.part === part)!
  return partView(row)
}

/**
 * The home page's 登记表 to-dos for a person: the latest year whose grades are confirmed, whether
 * their own 个人总结 is still to submit, and how many direct reports' forms wait for their comment.
 */
export function registerTasks(db: ReadableDB, personId: number, today: IsoDate): { year: number; ownSummary: number; toComment: number } | null {
  const thisYear = Number(today.slice(0, 4))
  const year = [thisYear, thisYear - 1].find((y) => CONFIRMED.includes(annualStage(db, y, today)))
  if (year === undefined) return null
  const submitted = (part: RegisterPart) =>
    new Set(db.all(db.qb.selectFrom('register_parts').select('person_id').where('year', '=', year).where('part', '=', part).where('status', '=', 'submitted')).map((r) => r.person_id))
  const graded = new Set(registerPeople(db, year, 'all'))
  const summaries = submitted('summary')
  const comments = submitted('supervisor')
  const reports = db.all(db.qb.selectFrom('people').select('id').where('supervisor_id', '=', personId).where('status', 'not in', [...GONE_STATUSES])).map((r) => r.id)
  return {
    year,
    ownSummary: graded.has(personId) && !summaries.has(personId) ? 1 : 0,
    toComment: reports.filter((id) => graded.has(id) && summaries.has(id) && !comments.has(id)).length,
  }
}
