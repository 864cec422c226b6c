import { KaoheError } from '@shared/errors'
import type { IsoDate } from '@shared/org'
import {
  ENROLMENT_STATUS_LABELS,
  RATER_REASONS,
  type AssessorReminder,
  type AttendanceResult,
  type EnrolmentStatus,
  type EnrolmentView,
  type NeedRow,
  type RaterReason,
  type RaterStatus,
  type TrainingKind,
  type TrainingReport,
  type TrainingSessionView,
} from '@shared/training'
import type { TrainingEnrolmentRow, TrainingSessionRow } from '../../db/schema'
import type { ReadableDB, Store } from '../../db/store'
import { trainingNeeds } from '../archive/trainingNeeds'
import { isGone } from '../org/people'

/**
 * Training and coaching (培训辅导, plan §六(四)). Each year HR schedules the assessor training
 * (考核标准解读 + 沟通技巧) for everyone who rates — supervisors of anyone, leadership group members,
 * the year's leadership-sheet raters and peer raters — and the staff workshops (绩效工作坊, 案例教学),
 * and records who attended. A rater who has not attended the year's assessor training is reminded on
 * every rating screen and listed in HR's report. HR turns a training need of the growth archive
 * (core/archive/trainingNeeds.ts) into an enrolment: planned, attended once the person attends the
 * session it is linked to, or cancelled with a reason.
 */

// ---- sessions and attendance ----

function sessionRow(db: ReadableDB, id: number): TrainingSessionRow {
  const row = db.first(db.qb.selectFrom('training_sessions').selectAll().where('id', '=', id))
  if (!row) throw new KaoheError('NOT_FOUND', { what: '培训场次 training session', id: String(id) })
  return row
}

function attendeesOf(db: ReadableDB, sessionIds: number[]): Map<number, TrainingSessionView['attendees']> {
  const out = new Map<number, TrainingSessionView['attendees']>()
  if (sessionIds.length === 0) return out
  const rows = db.all(
    db.qb
      .selectFrom('training_attendance as a')
      .innerJoin('people as p', 'p.id', 'a.person_id')
      .select(['a.session_id', 'p.id', 'p.staff_no', 'p.name'])
      .where('a.session_id', 'in', sessionIds)
      .orderBy('p.staff_no'),
  )
  for (const r of rows) {
    const who = { personId: r.id, staffNo: r.staff_no, name: r.name }
    const list = out.get(r.session_id)
    if (list) list.push(who)
    else out.set(r.session_id, [who])
  }
  return out
}

function viewOf(row: TrainingSessionRow, attendees: TrainingSessionView['attendees']): TrainingSessionView {
  return { id: row.id, year: row.year, kind: row.kind, title: row.title, heldOn: row.held_on, hours: row.hours, trainer: row.trainer, location: row.location, attendees }
}

/** The year's sessions, by date, with their attendees. */
export function sessionsOf(db: ReadableDB, year: number): TrainingSessionView[] {
  const rows = db.all(db.qb.selectFrom('training_sessions').selectAll().where('year', '=', year).orderBy('held_on').orderBy('id'))
  const att = attendeesOf(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => viewOf(r, att.get(r.id) ?? []))
}

export function sessionView(db: ReadableDB, id: number): TrainingSessionView {
  const row = sessionRow(db, id)
  return viewOf(row, attendeesOf(db, [id]).get(id) ?? [])
}

export interface NewSession {
  year: number
  kind: TrainingKind
  title: string
  heldOn: IsoDate
  hours: number
  trainer?: string | undefined
  location?: string | undefined
}

/** Schedules a session; its date lies in its year. */
export function addSession(store: Store, input: NewSession, actorId: number, now: Date): TrainingSessionView {
  if (!input.heldOn.startsWith(`${input.year}-`)) throw new KaoheError('TRAINING_DATE_OUTSIDE_YEAR', { date: input.heldOn, year: input.year })
  const id = store.run(
    store.qb.insertInto('training_sessions').values({
      year: input.year,
      kind: input.kind,
      title: input.title.trim(),
      held_on: input.heldOn,
      hours: input.hours,
      trainer: input.trainer?.trim() || null,
      location: input.location?.trim() || null,
      created_by: actorId,
      created_at: now.toISOString(),
    }),
  ).lastInsertRowid
  return sessionView(store, id)
}

/** People of the unit in post (not gone), by staff number. */
function peopleInPost(db: ReadableDB): Map<string, { id: number; name: string }> {
  const rows = db.all(db.qb.selectFrom('people').select(['id', 'staff_no', 'name', 'status']))
  return new Map(rows.filter((r) => !isGone(r.status)).map((r) => [r.staff_no, { id: r.id, name: r.name }]))
}

/**
 * Records who attended a held session, by person id or staff number (a list pasted or imported).
 * Every unknown or departed staff number is named and nothing is recorded; people already recorded
 * are left as they were. Enrolments linked to the session become attended.
 */
export function recordAttendance(
  store: Store,
  input: { sessionId: number; personIds?: number[] | undefined; staffNos?: string[] | undefined },
  actorId: number,
  now: Date,
  today: IsoDate,
): AttendanceResult {
  const session = sessionRow(store, input.sessionId)
  if (session.held_on > today) throw new KaoheError('TRAINING_NOT_HELD', { title: session.title, date: session.held_on })
  const inPost = peopleInPost(store)
  const byId = new Map([...inPost.entries()].map(([staffNo, p]) => [p.id, staffNo]))
  const unknown: string[] = []
  const ids = new Set<number>()
  for (const raw of input.staffNos ?? []) {
    const staffNo = raw.trim()
    if (staffNo === '') continue
    const p = inPost.get(staffNo)
    if (p) ids.add(p.id)
    else unknown.push(staffNo)
  }
  for (const id of input.personIds ?? []) {
    if (byId.has(id)) ids.add(id)
    else unknown.push(`#${id}`)
  }
  if (unknown.length > 0) throw new KaoheError('TRAINING_UNKNOWN_STAFF', { title: session.title, list: [...new Set(unknown)].join(', ') })
  if (ids.size === 0) throw new KaoheError('INVALID_INPUT', { details: '出席名单为空 / the attendance list is empty' })
  const already = new Set(
    store.all(store.qb.selectFrom('training_attendance').select('person_id').where('session_id', '=', session.id)).map((r) => r.person_id),
  )
  let added = 0
  for (const personId of ids) {
    if (already.has(personId)) continue
    store.run(store.qb.insertInto('training_attendance').values({ session_id: session.id, person_id: personId, recorded_by: actorId, recorded_at: now.toISOString() }))
    added++
  }
  const enrolmentsAttended = store.run(
    store.qb
      .updateTable('training_enrolments')
      .set({ status: 'attended', closed_at: now.toISOString() })
      .where('session_id', '=', session.id)
      .where('status', '=', 'planned')
      .where('person_id', 'in', [...ids]),
  ).changes
  return { session: sessionView(store, session.id), added, already: ids.size - added, enrolmentsAttended }
}

// ---- raters and the assessor training ----

/** Whether the person attended an assessor-training session of the year. */
export function assessorTrainingAttended(db: ReadableDB, personId: number, year: number): boolean {
  return (
    db.first(
      db.qb
        .selectFrom('training_attendance as a')
        .innerJoin('training_sessions as s', 's.id', 'a.session_id')
        .select('a.person_id')
        .where('a.person_id', '=', personId)
        .where('s.year', '=', year)
        .where('s.kind', '=', 'assessor'),
    ) !== undefined
  )
}

/**
 * Who rates in the year, with why: the direct supervisor of anyone in post (and anyone who gave a
 * quarterly rating that year), a member or head of the leadership group during the year, a rater of
 * a leadership evaluation sheet of the year, and a peer rater assigned in the year. People gone are
 * left out: they cannot attend.
 */
export function ratersOf(db: ReadableDB, year: number): Map<number, RaterReason[]> {
  const reasons = new Map<number, Set<RaterReason>>()
  const add = (id: number | null, r: RaterReason) => {
    if (id === null) return
    const s = reasons.get(id) ?? new Set<RaterReason>()
    s.add(r)
    reasons.set(id, s)
  }
  const people = db.all(db.qb.selectFrom('people').select(['id', 'status', 'supervisor_id']))
  for (const p of people) if (!isGone(p.status)) add(p.supervisor_id, 'supervisor')
  for (const r of db.all(db.qb.selectFrom('quarterly_ratings').select('supervisor_id').where('year', '=', year).distinct())) add(r.supervisor_id, 'supervisor')
  const groups = db.all(
    db.qb
      .selectFrom('org_groups')
      .select('person_id')
      .where('role', 'in', ['head', 'member'])
      .where('valid_from', '<=', `${year}-12-31`)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', `${year}-01-01`)])),
  )
  for (const g of groups) add(g.person_id, 'leadershipGroup')
  for (const r of db.all(db.qb.selectFrom('leadership_sheets').select('rater_id').where('year', '=', year).distinct())) add(r.rater_id, 'sheetRater')
  for (const r of db.all(db.qb.selectFrom('peer_assignments').select('rater_id').where('year', '=', year).distinct())) add(r.rater_id, 'peerRater')
  const present = new Set(people.filter((p) => !isGone(p.status)).map((p) => p.id))
  const out = new Map<number, RaterReason[]>()
  for (const [id, s] of reasons) if (present.has(id)) out.set(id, RATER_REASONS.filter((r) => s.has(r)))
  return out
}

function attendedAssessor(db: ReadableDB, year: number): Set<number> {
  return new Set(
    db
      .all(
        db.qb
          .selectFrom('training_attendance as a')
          .innerJoin('training_sessions as s', 's.id', 'a.session_id')
          .select('a.person_id')
          .where('s.year', '=', year)
          .where('s.kind', '=', 'assessor'),
      )
      .map((r) => r.person_id),
  )
}

/** HR's report: every rater of the year and whether they attended; those who did not, apart. */
export function trainingReport(db: ReadableDB, year: number): TrainingReport {
  const raters = ratersOf(db, year)
  const attended = attendedAssessor(db, year)
  const ids = [...raters.keys()]
  const rows =
    ids.length === 0
      ? []
      : db.all(
          db.qb
            .selectFrom('people as p')
            .leftJoin('departments as d', 'd.id', 'p.department_id')
            .select(['p.id', 'p.staff_no', 'p.name', 'd.name as department'])
            .where('p.id', 'in', ids)
            .orderBy('p.staff_no'),
        )
  const list: RaterStatus[] = rows.map((r) => ({ personId: r.id, staffNo: r.staff_no, name: r.name, department: r.department, reasons: raters.get(r.id) ?? [], attended: attended.has(r.id) }))
  const assessorSessions = db.all(db.qb.selectFrom('training_sessions').select('id').where('year', '=', year).where('kind', '=', 'assessor')).length
  return { year, assessorSessions, raters: list, missing: list.filter((r) => !r.attended) }
}

/** The reminder on rating screens for the signed-in person (no person linked: never a rater). */
export function assessorReminder(db: ReadableDB, personId: number | null, year: number, today: IsoDate): AssessorReminder {
  const rater = personId !== null && ratersOf(db, year).has(personId)
  const attended = personId !== null && assessorTrainingAttended(db, personId, year)
  const sessions = db.all(db.qb.selectFrom('training_sessions').select(['title', 'held_on', 'location']).where('year', '=', year).where('kind', '=', 'assessor').orderBy('held_on'))
  const next = sessions.find((s) => s.held_on >= today) ?? sessions[sessions.length - 1]
  return { year, rater, attended, show: rater && !attended, session: next ? { title: next.title, heldOn: next.held_on, location: next.location, held: next.held_on <= today } : null }
}

// ---- enrolments from training needs ----

function enrolmentRow(db: ReadableDB, id: number): TrainingEnrolmentRow {
  const row = db.first(db.qb.selectFrom('training_enrolments').selectAll().where('id', '=', id))
  if (!row) throw new KaoheError('NOT_FOUND', { what: '培训报名 enrolment', id: String(id) })
  return row
}

function personName(db: ReadableDB, personId: number): string {
  const p = db.first(db.qb.selectFrom('people').select('name').where('id', '=', personId))
  if (!p) throw new KaoheError('NOT_FOUND', { what: '人员 person', id: String(personId) })
  return p.name
}

function enrolmentQuery(db: ReadableDB) {
  return db.qb
    .selectFrom('training_enrolments as e')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .leftJoin('training_sessions as s', 's.id', 'e.session_id')
    .select(['e.id', 'e.year', 'e.person_id', 'p.staff_no', 'p.name', 'e.need_key', 'e.need_zh', 'e.need_en', 'e.suggestion', 'e.status', 'e.session_id', 's.title as session_title', 'e.cancel_reason'])
}

type EnrolmentJoin = {
  id: number
  year: number
  person_id: number
  staff_no: string
  name: string
  need_key: string
  need_zh: string
  need_en: string
  suggestion: string
  status: EnrolmentStatus
  session_id: number | null
  session_title: string | null
  cancel_reason: string | null
}

function enrolmentView(r: EnrolmentJoin): EnrolmentView {
  return {
    id: r.id,
    year: r.year,
    personId: r.person_id,
    staffNo: r.staff_no,
    name: r.name,
    need: r.need_key,
    needLabel: { zh: r.need_zh, en: r.need_en },
    suggestion: r.suggestion,
    status: r.status,
    sessionId: r.session_id,
    sessionTitle: r.session_title,
    cancelReason: r.cancel_reason,
  }
}

/** The enrolments made from one year's needs. */
export function enrolmentList(db: ReadableDB, year: number): EnrolmentView[] {
  return db.all(enrolmentQuery(db).where('e.year', '=', year).orderBy('p.staff_no').orderBy('e.id')).map(enrolmentView)
}

export function enrolmentById(db: ReadableDB, id: number): EnrolmentView {
  const r = db.first(enrolmentQuery(db).where('e.id', '=', id))
  if (!r) throw new KaoheError('NOT_FOUND', { what: '培训报名 enrolment', id: String(id) })
  return enrolmentView(r)
}

/** A person's enrolments over the years (the growth archive shows them). */
export function enrolmentsOf(
  db: ReadableDB,
  personId: number,
): { id: number; year: number; need: string; suggestion: string; status: 'planned' | 'attended' | 'cancelled'; sessionTitle: string | null }[] {
  return db
    .all(enrolmentQuery(db).where('e.person_id', '=', personId).orderBy('e.year').orderBy('e.id'))
    .map((r) => ({ id: r.id, year: r.year, need: r.need_zh, suggestion: r.suggestion, status: r.status, sessionTitle: r.session_title }))
}

/** The year's training needs (once the results are final) with the enrolment made from each. */
export function needsWithEnrolments(db: ReadableDB, year: number, today: IsoDate): NeedRow[] {
  const needs = trainingNeeds(db, year, undefined, today)
  const open = new Map(
    db
      .all(db.qb.selectFrom('training_enrolments').select(['id', 'person_id', 'need_key', 'status']).where('year', '=', year).where('status', '<>', 'cancelled'))
      .map((r) => [`${r.person_id}:${r.need_key}`, r]),
  )
  const people = new Map(db.all(db.qb.selectFrom('people').select(['id', 'staff_no', 'name'])).map((p) => [p.id, p]))
  return needs.map((n) => {
    const e = open.get(`${n.personId}:${n.key}`)
    const p = people.get(n.personId)
    return {
      personId: n.personId,
      staffNo: p?.staff_no ?? '',
      name: p?.name ?? '',
      year: n.year,
      key: n.key,
      label: n.label,
      score: n.score,
      unitMean: n.unitMean,
      reason: n.reason,
      suggestion: n.suggestion,
      enrolmentId: e?.id ?? null,
      enrolmentStatus: e?.status ?? null,
    }
  })
}

function checkLinkable(db: ReadableDB, sessionId: number, needYear: number): TrainingSessionRow {
  const s = sessionRow(db, sessionId)
  if (s.year < needYear) throw new KaoheError('TRAINING_SESSION_YEAR', { title: s.title, year: s.year, needYear })
  return s
}

function attendedSession(db: ReadableDB, sessionId: number, personId: number): boolean {
  return db.first(db.qb.selectFrom('training_attendance').select('person_id').where('session_id', '=', sessionId).where('person_id', '=', personId)) !== undefined
}

/**
 * Turns a need of the year into an enrolment, optionally linked to a session (a person who already
 * attended it is enrolled as attended). One open enrolment per need; a cancelled one may be redone.
 */
export function enrol(store: Store, input: { year: number; personId: number; key: string; sessionId?: number | undefined }, actorId: number, now: Date, today: IsoDate): EnrolmentView {
  const name = personName(store, input.personId)
  const needs = trainingNeeds(store, input.year, input.personId, today)
  const need = needs.find((n) => n.key === input.key)
  if (!need) {
    throw new KaoheError('TRAINING_NEED_UNKNOWN', { name, year: input.year, key: input.key, known: needs.map((n) => n.key).join(', ') || '无 none' })
  }
  const open = store.first(
    store.qb
      .selectFrom('training_enrolments')
      .select(['id', 'status'])
      .where('year', '=', input.year)
      .where('person_id', '=', input.personId)
      .where('need_key', '=', input.key)
      .where('status', '<>', 'cancelled'),
  )
  if (open) {
    const l = ENROLMENT_STATUS_LABELS[open.status]
    throw new KaoheError('TRAINING_ENROLMENT_EXISTS', { name, year: input.year, need: need.label.zh, id: open.id, status: l.zh, statusEn: l.en })
  }
  const attended = input.sessionId !== undefined && (checkLinkable(store, input.sessionId, input.year), attendedSession(store, input.sessionId, input.personId))
  const id = store.run(
    store.qb.insertInto('training_enrolments').values({
      year: input.year,
      person_id: input.personId,
      need_key: need.key,
      need_zh: need.label.zh,
      need_en: need.label.en,
      suggestion: need.suggestion,
      session_id: input.sessionId ?? null,
      status: attended ? 'attended' : 'planned',
      cancel_reason: null,
      created_by: actorId,
      created_at: now.toISOString(),
      closed_at: attended ? now.toISOString() : null,
    }),
  ).lastInsertRowid
  return enrolmentById(store, id)
}

function stateError(e: TrainingEnrolmentRow, name: string, action: { zh: string; en: string }): KaoheError {
  const l = ENROLMENT_STATUS_LABELS[e.status]
  return new KaoheError('TRAINING_ENROLMENT_STATE', { id: e.id, name, need: e.need_zh, status: l.zh, statusEn: l.en, action: action.zh, actionEn: action.en })
}

/** Links a planned enrolment to a session (attended at once if the person attended it). */
export function linkEnrolment(store: Store, input: { id: number; sessionId: number }, now: Date): EnrolmentView {
  const e = enrolmentRow(store, input.id)
  if (e.status !== 'planned') throw stateError(e, personName(store, e.person_id), { zh: '安排培训场次', en: 'link it to a session' })
  checkLinkable(store, input.sessionId, e.year)
  const attended = attendedSession(store, input.sessionId, e.person_id)
  store.run(
    store.qb
      .updateTable('training_enrolments')
      .set({ session_id: input.sessionId, ...(attended ? { status: 'attended' as const, closed_at: now.toISOString() } : {}) })
      .where('id', '=', e.id),
  )
  return enrolmentById(store, e.id)
}

/** Cancels a planned enrolment, with the reason. */
export function cancelEnrolment(store: Store, input: { id: number; reason: string }, now: Date): EnrolmentView {
  const e = enrolmentRow(store, input.id)
  if (e.status !== 'planned') throw stateError(e, personName(store, e.person_id), { zh: '取消', en: 'cancel it' })
  store.run(store.qb.updateTable('training_enrolments').set({ status: 'cancelled', cancel_reason: input.reason.trim(), closed_at: now.toISOString() }).where('id', '=', e.id))
  return enrolmentById(store, e.id)
}
