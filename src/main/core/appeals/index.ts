import type { AnnualPersonView } from '@shared/annual'
import { APPEAL_GRADES, ROUTE_LABELS, type AppealItem, type AppealRoute, type AppealStatus, type AppealView, type AppealWindow, type RecusedMember } from '@shared/appeals'
import { KaoheError } from '@shared/errors'
import { CHANNELS, CHANNEL_LABELS, DIMENSION_LABELS, type Dimension, type Label } from '@shared/guideline/model'
import type { IsoDate } from '@shared/org'
import type { AppealRow } from '../../db/schema'
import { members } from '../leadership/sheets'
import type { ReadableDB, Store } from '../../db/store'
import type { CalendarWarning, WorkingDayCalendar } from '../calendar/calendar'
import { unitCalendar } from '../calendar/unitCalendar'
import { deliveredOn, reissueForm } from '../feedback'
import { defaultGuideline } from '../guideline/defaults'
import { versionInForce } from '../guideline/versions'
import { policyInForce } from '../policy/inForce'

/**
 * Appeals (申诉, RULES.md §7, issue 10). The internal appeal: filed in writing by the person within
 * the guideline's `appeal.windowWorkingDays` working days (P8) of the feedback form's delivery (day 1
 * is the day after; a deadline on a non-working day is the next working day), naming the disputed
 * items and the grade asked for; routed to the leadership group, the members who scored the
 * disputed items recused; answered within `appeal.answerCalendarDays` calendar days (P9); the
 * answer is final. An upheld appeal only ever improves the grade, goes back through the quota (优秀
 * never above K), and makes a new form version. The statutory routes for a 不称职 result (复核, then
 * 申诉; policy section `appeals`) are recorded by HR when used, with their own deadlines; the result
 * applies meanwhile.
 */

export interface AppealSummary {
  id: number
  year: number
  route: 'internal' | 'review' | 'statutory'
  filedOn: IsoDate
  dueOn: IsoDate
  status: 'pending' | 'upheld' | 'refused' | 'withdrawn'
  answeredOn: IsoDate | null
  gradeBefore: string
  gradeAfter: string | null
}

const RANK: Record<string, number> = Object.fromEntries(APPEAL_GRADES.map((g, i) => [g, APPEAL_GRADES.length - i]))

function label(w: CalendarWarning): Label {
  return { zh: w.zh, en: w.en }
}

interface StoredPeople {
  people: AnnualPersonView[]
}

function personName(db: ReadableDB, personId: number): { name: string; staffNo: string } {
  const p = db.first(db.qb.selectFrom('people').select(['name', 'staff_no']).where('id', '=', personId))
  if (!p) throw new KaoheError('NOT_FOUND', { what: '人员 person', id: personId })
  return { name: p.name, staffNo: p.staff_no }
}

function yearResult(db: ReadableDB, year: number, personId: number): { grade: string | null; me: AnnualPersonView | null; k: number | null } {
  const round = db.first(db.qb.selectFrom('annual_rounds').select(['result_json', 'k']).where('year', '=', year))
  const g = db.first(db.qb.selectFrom('annual_grades').select('grade').where('year', '=', year).where('person_id', '=', personId))
  const me = round ? ((JSON.parse(round.result_json) as StoredPeople).people.find((p) => p.personId === personId) ?? null) : null
  return { grade: g && RANK[g.grade] !== undefined ? g.grade : null, me, k: round?.k ?? null }
}

/** The disputed items the person's result offers: the channels scored and the dimensions rated. */
function itemsOf(me: AnnualPersonView | null): AppealItem[] {
  if (!me) return []
  const items: AppealItem[] = []
  for (const c of CHANNELS) if (me.channels[c].score !== null) items.push({ key: `channel:${c}`, label: CHANNEL_LABELS[c] })
  for (const d of me.dimensions) if (d.leadership !== null || d.democratic !== null) items.push({ key: `dimension:${d.dimension}`, label: DIMENSION_LABELS[d.dimension] })
  return items
}

function itemLabel(key: string): Label {
  const [kind, name] = key.split(':') as [string, string]
  if (kind === 'channel' && name in CHANNEL_LABELS) return CHANNEL_LABELS[name as keyof typeof CHANNEL_LABELS]
  if (kind === 'dimension' && name in DIMENSION_LABELS) return DIMENSION_LABELS[name as Dimension]
  return { zh: key, en: key }
}

function deadlines(db: ReadableDB, year: number): { windowWorkingDays: number; answerCalendarDays: number } {
  const g = versionInForce(db, year, `${year}-12-31`)?.guideline ?? defaultGuideline(year)
  return { windowWorkingDays: g.appeal.windowWorkingDays, answerCalendarDays: g.appeal.answerCalendarDays }
}

function openAppeal(db: ReadableDB, year: number, personId: number): AppealRow | undefined {
  return db.first(db.qb.selectFrom('appeals').selectAll().where('year', '=', year).where('person_id', '=', personId).where('route', '=', 'internal').where('status', '=', 'pending'))
}

/**
 * The last day to file: `days` working days after delivery (day 1 is the day after, RULES.md §1), so
 * always a working day; with the calendar's warning when a year's holiday table is not loaded.
 */
export function appealDeadline(cal: WorkingDayCalendar, delivered: IsoDate, days: number): { date: IsoDate; warnings: Label[] } {
  const r = cal.addWorkingDays(delivered, days)
  return { date: r.date, warnings: r.warnings.map(label) }
}

/** Whether the person may appeal the year's result today, until when, and with which calendar warnings. */
export function appealWindow(store: Store, year: number, personId: number, today: IsoDate, cal: WorkingDayCalendar = unitCalendar(store)): AppealWindow {
  const { name } = personName(store, personId)
  const { grade, me } = yearResult(store, year, personId)
  const d = deadlines(store, year)
  const delivered = deliveredOn(store, year, personId)
  const base = { year, personId, grade, deliveredOn: delivered, ...d, items: itemsOf(me) }
  const open = openAppeal(store, year, personId)
  if (!delivered) {
    return { ...base, windowUntil: null, open: false, warnings: [], openAppealId: open?.id ?? null, reason: { zh: `${name} 的 ${year} 年度绩效反馈表尚未送达，申诉期尚未开始`, en: `The ${year} feedback form has not been delivered yet: the appeal period has not begun` } }
  }
  const until = appealDeadline(cal, delivered, d.windowWorkingDays)
  const warnings = until.warnings
  const closed = today > until.date
  const reason: Label | null = open
    ? { zh: `已有待答复的申诉（编号 ${open.id}）`, en: `An appeal (no. ${open.id}) is awaiting its answer` }
    : closed
      ? { zh: `申诉期已于 ${until.date} 届满`, en: `The appeal period ended on ${until.date}` }
      : grade === null
        ? { zh: '没有确定的等次', en: 'no final grade' }
        : null
  return { ...base, windowUntil: until.date, open: reason === null, reason, warnings, openAppealId: open?.id ?? null }
}

/** Who is recused for these items: leadership-sheet raters of the person for the leadership channel and the dimensions; the supervisors who rated the quarters. */
export function recusedFor(db: ReadableDB, year: number, personId: number, items: readonly string[]): RecusedMember[] {
  const out = new Map<number, RecusedMember>()
  const add = (id: number, reason: Label) => {
    const prev = out.get(id)
    if (prev) {
      if (!prev.reason.zh.includes(reason.zh)) prev.reason = { zh: `${prev.reason.zh}；${reason.zh}`, en: `${prev.reason.en}; ${reason.en}` }
      return
    }
    out.set(id, { personId: id, name: personName(db, id).name, reason })
  }
  add(personId, { zh: '申诉人本人', en: 'the appellant' })
  const leadership = items.some((i) => i === 'channel:leadership' || i.startsWith('dimension:'))
  if (leadership) {
    const raters = db.all(db.qb.selectFrom('leadership_sheets').select('rater_id').distinct().where('year', '=', year).where('person_id', '=', personId).where('status', '=', 'submitted'))
    for (const r of raters) add(r.rater_id, { zh: '领导小组评分表评分人', en: 'rated the leadership sheet' })
  }
  if (items.includes('channel:quarterly')) {
    const sups = db.all(db.qb.selectFrom('quarterly_ratings').select('supervisor_id').distinct().where('year', '=', year).where('person_id', '=', personId))
    for (const s of sups) if (s.supervisor_id !== null) add(s.supervisor_id, { zh: '季度评价的直接上级', en: 'rated the quarters as supervisor' })
  }
  return [...out.values()]
}

export interface FileInput {
  year: number
  personId: number
  items: string[]
  gradeAsked: string
  text: string
}

/** The person files an internal appeal: within the window, one open per year, naming items from their result. */
export function fileAppeal(store: Store, input: FileInput, actorUserId: number, now: Date, today: IsoDate): AppealView {
  const { year, personId } = input
  const { name } = personName(store, personId)
  const cal = unitCalendar(store)
  const w = appealWindow(store, year, personId, today, cal)
  if (!w.deliveredOn) throw new KaoheError('APPEAL_NOT_DELIVERED', { name, year })
  if (w.grade === null) throw new KaoheError('APPEAL_NOT_GRADED', { name, year })
  if (today > w.windowUntil!) {
    throw new KaoheError('APPEAL_WINDOW_CLOSED', { year, deliveredOn: w.deliveredOn, days: `${w.windowWorkingDays} 个工作日`, daysEn: `${w.windowWorkingDays} working days`, deadline: w.windowUntil!, today })
  }
  if (w.openAppealId !== null) throw new KaoheError('APPEAL_ALREADY_OPEN', { name, year, id: w.openAppealId })
  const known = new Set(w.items.map((i) => i.key))
  const items = [...new Set(input.items.map((i) => i.trim()))]
  if (!items.length) throw new KaoheError('INVALID_INPUT', { details: '请至少选择一项有异议的考核事项 / name at least one disputed item' })
  for (const item of items) if (!known.has(item)) throw new KaoheError('APPEAL_ITEM_UNKNOWN', { item, name, year, known: [...known].join(', ') || '—' })
  if (RANK[input.gradeAsked] === undefined) throw new KaoheError('INVALID_INPUT', { details: `申请的等次“${input.gradeAsked}”无效 / invalid grade asked for` })
  if (RANK[input.gradeAsked]! <= RANK[w.grade]!) throw new KaoheError('APPEAL_GRADE_NOT_HIGHER', { name, before: w.grade, after: input.gradeAsked })
  const text = input.text.trim()
  if (!text) throw new KaoheError('INVALID_INPUT', { details: '请填写申诉理由 / write the grounds of the appeal' })
  const due = cal.addCalendarDays(today, w.answerCalendarDays)
  const id = store.run(
    store.qb.insertInto('appeals').values({
      year,
      person_id: personId,
      route: 'internal',
      delivered_on: w.deliveredOn,
      filed_on: today,
      window_until: w.windowUntil!,
      due_on: due.date,
      warnings_json: JSON.stringify(w.warnings),
      items_json: JSON.stringify(items),
      grade_before: w.grade,
      grade_asked: input.gradeAsked,
      text,
      recused_json: JSON.stringify(recusedFor(store, year, personId, items)),
      status: 'pending',
      filed_by: actorUserId,
      created_at: now.toISOString(),
    }),
  ).lastInsertRowid
  return appealView(store, id, today)
}

function row(db: ReadableDB, id: number): AppealRow {
  const r = db.first(db.qb.selectFrom('appeals').selectAll().where('id', '=', id))
  if (!r) throw new KaoheError('NOT_FOUND', { what: '申诉 appeal', id })
  return r
}

function viewOf(db: ReadableDB, r: AppealRow, today: IsoDate): AppealView {
  const who = personName(db, r.person_id)
  return {
    id: r.id,
    year: r.year,
    personId: r.person_id,
    staffNo: who.staffNo,
    name: who.name,
    route: r.route,
    deliveredOn: r.delivered_on,
    filedOn: r.filed_on,
    windowUntil: r.window_until,
    dueOn: r.due_on,
    overdue: r.status === 'pending' && today > r.due_on,
    warnings: JSON.parse(r.warnings_json) as Label[],
    items: (JSON.parse(r.items_json) as string[]).map((key) => ({ key, label: itemLabel(key) })),
    gradeBefore: r.grade_before,
    gradeAsked: r.grade_asked,
    text: r.text,
    recused: JSON.parse(r.recused_json) as RecusedMember[],
    status: r.status,
    answeredOn: r.answered_on,
    answerReason: r.answer_reason,
    gradeAfter: r.grade_after,
    body: r.body,
    documentNo: r.document_no,
    reviewOf: r.review_of,
    extended: r.extended === 1,
    newFormId: r.new_form_id,
  }
}

export function appealView(db: ReadableDB, id: number, today: IsoDate): AppealView {
  return viewOf(db, row(db, id), today)
}

export function appealPerson(db: ReadableDB, id: number): number {
  return row(db, id).person_id
}

/** Appeals of a year (or all years), of everyone or of the given people, newest first. */
export function listAppeals(db: ReadableDB, filter: { year?: number | undefined; people: 'all' | number[] }, today: IsoDate): AppealView[] {
  if (filter.people !== 'all' && filter.people.length === 0) return []
  let q = db.qb.selectFrom('appeals').selectAll().orderBy('filed_on', 'desc').orderBy('id', 'desc')
  if (filter.year !== undefined) q = q.where('year', '=', filter.year)
  if (filter.people !== 'all') q = q.where('person_id', 'in', filter.people)
  return db.all(q).map((r) => viewOf(db, r, today))
}

/** interfaces.md: every appeal and statutory route of one person, newest first. */
export function appealsOf(db: ReadableDB, personId: number): AppealSummary[] {
  return db
    .all(db.qb.selectFrom('appeals').selectAll().where('person_id', '=', personId).orderBy('year', 'desc').orderBy('filed_on', 'desc').orderBy('id', 'desc'))
    .map((r) => ({ id: r.id, year: r.year, route: r.route, filedOn: r.filed_on, dueOn: r.due_on, status: r.status, answeredOn: r.answered_on, gradeBefore: r.grade_before, gradeAfter: r.grade_after }))
}

/** Pending and overdue internal appeals, for the home page. */
export function appealCounts(db: ReadableDB, today: IsoDate): { pending: number; overdue: number; firstDue: IsoDate | null } {
  const rows = db.all(db.qb.selectFrom('appeals').select(['due_on']).where('status', '=', 'pending').orderBy('due_on'))
  return { pending: rows.length, overdue: rows.filter((r) => today > r.due_on).length, firstDue: rows[0]?.due_on ?? null }
}

/**
 * Raises the grade of an upheld appeal: never worse, 优秀 within K and only for an eligible person;
 * annual_grades records why and who; the feedback form gets its next version.
 */
function raiseGrade(store: Store, r: AppealRow, grade: string, reason: string, actorUserId: number, now: Date): number {
  const { name } = personName(store, r.person_id)
  const current = store.first(store.qb.selectFrom('annual_grades').select('grade').where('year', '=', r.year).where('person_id', '=', r.person_id))
  const { me, k } = yearResult(store, r.year, r.person_id)
  if (!current || RANK[current.grade] === undefined || k === null) throw new KaoheError('APPEAL_NOT_GRADED', { name, year: r.year })
  if (RANK[grade] === undefined || RANK[grade]! <= RANK[current.grade]!) throw new KaoheError('APPEAL_GRADE_NOT_HIGHER', { name, before: current.grade, after: grade })
  if (grade === '优秀') {
    if (me && !me.eligible) throw new KaoheError('APPEAL_NOT_ELIGIBLE', { name, reasons: me.reasons.map((x) => x.zh).join('；') || '—', reasonsEn: me.reasons.map((x) => x.en).join('; ') || '—' })
    const excellent = store.all(store.qb.selectFrom('annual_grades').select('person_id').where('year', '=', r.year).where('grade', '=', '优秀')).filter((g) => g.person_id !== r.person_id).length + 1
    if (excellent > k) throw new KaoheError('ANNUAL_QUOTA_EXCEEDED', { count: excellent, k })
  }
  const why = `${ROUTE_LABELS[r.route].zh}（编号 ${r.id}）：${reason}`
  store.run(store.qb.updateTable('annual_grades').set({ grade, reason: why, changed_by: actorUserId, changed_at: now.toISOString() }).where('year', '=', r.year).where('person_id', '=', r.person_id))
  return reissueForm(store, { year: r.year, personId: r.person_id, reason: why }, actorUserId, now).formId
}

/** The person withdraws their own pending internal appeal (before the answer). */
export function withdrawAppeal(store: Store, appealId: number, today: IsoDate): AppealView {
  const r = row(store, appealId)
  if (r.route !== 'internal') throw new KaoheError('APPEAL_ROUTE_INVALID', { reason: `编号 ${r.id} 是法定救济`, reasonEn: `no. ${r.id} is a statutory route` })
  if (r.status !== 'pending') throw new KaoheError('APPEAL_ANSWERED', { id: r.id, on: r.answered_on ?? '—' })
  store.run(store.qb.updateTable('appeals').set({ status: 'withdrawn', answered_on: today }).where('id', '=', r.id))
  return appealView(store, r.id, today)
}

export interface AnswerInput {
  appealId: number
  decision: 'upheld' | 'refused'
  grade?: string | undefined
  reason: string
}

function wholeGroupRecused(db: ReadableDB, recused: readonly RecusedMember[]): boolean {
  const group = members(db)
  return group.length > 0 && group.every((m) => recused.some((r) => r.personId === m.personId))
}

function isGroupHead(db: ReadableDB, personId: number | null): boolean {
  if (personId === null) return false
  return db.first(db.qb.selectFrom('org_groups').select('person_id').where('role', '=', 'head').where('valid_to', 'is', null).where('person_id', '=', personId)) !== undefined
}

/**
 * A non-recused member of the leadership group answers an internal appeal; the answer is final. If the
 * whole group is recused, the head answers (see wholeGroupRecused).
 */
export function answerAppeal(store: Store, input: AnswerInput, actor: { userId: number; personId: number | null }, now: Date, today: IsoDate): AppealView {
  const r = row(store, input.appealId)
  if (r.route !== 'internal') throw new KaoheError('APPEAL_ROUTE_INVALID', { reason: `编号 ${r.id} 是法定救济，由人事科登记其决定`, reasonEn: `no. ${r.id} is a statutory route: HR records its decision` })
  if (r.status !== 'pending') throw new KaoheError('APPEAL_ANSWERED', { id: r.id, on: r.answered_on ?? '—' })
  const recused = JSON.parse(r.recused_json) as RecusedMember[]
  const me = actor.personId === null ? undefined : recused.find((m) => m.personId === actor.personId)
  // When every member of the group scored the disputed items, recusing them all would leave the
  // appeal unanswered past P9: the group's head then answers, and the recusals stay listed with it.
  if (me && !(wholeGroupRecused(store, recused) && isGroupHead(store, actor.personId))) {
    const items = (JSON.parse(r.items_json) as string[]).map(itemLabel)
    throw new KaoheError('APPEAL_RECUSED', { member: me.name, items: items.map((i) => i.zh).join('、'), itemsEn: items.map((i) => i.en).join(', '), id: r.id })
  }
  return decideRow(store, r, input, actor.userId, actor.personId, now, today)
}

function decideRow(store: Store, r: AppealRow, input: Omit<AnswerInput, 'appealId'>, actorUserId: number, actorPersonId: number | null, now: Date, today: IsoDate, decidedOn: IsoDate = today): AppealView {
  const reason = input.reason.trim()
  if (!reason) throw new KaoheError('INVALID_INPUT', { details: '请填写答复理由 / write the reasons of the answer' })
  let formId: number | null = null
  let gradeAfter: string | null = null
  if (input.decision === 'upheld') {
    if (!input.grade) throw new KaoheError('INVALID_INPUT', { details: '支持申诉须给出新的等次 / an upheld appeal gives the new grade' })
    formId = raiseGrade(store, r, input.grade, reason, actorUserId, now)
    gradeAfter = input.grade
  } else if (input.grade !== undefined) {
    throw new KaoheError('INVALID_INPUT', { details: '驳回申诉不改变等次，不能给出新等次 / a refused appeal changes no grade' })
  }
  store.run(
    store.qb
      .updateTable('appeals')
      .set({ status: input.decision, answered_on: decidedOn, answer_reason: reason, grade_after: gradeAfter, answered_by: actorUserId, answered_person_id: actorPersonId, new_form_id: formId })
      .where('id', '=', r.id),
  )
  return appealView(store, r.id, today)
}

export interface RouteInput {
  year: number
  personId: number
  route: 'review' | 'statutory'
  filedOn: IsoDate
  body: string
  documentNo: string
  text: string
  /** A 申诉 after a 复核: the 复核's id (its decision starts the period). */
  reviewOf?: number | undefined
}

/**
 * HR records a statutory route used against a 不称职 result (RULES.md §7, policy `appeals`), in
 * calendar days: 复核 within reviewDays of delivery (decided within reviewDecisionDays); 申诉 within
 * appealAfterReviewDays of the 复核 decision, or appealDirectDays of delivery directly (decided within
 * appealDecisionDays, + appealExtensionDays when extended). The result applies meanwhile.
 */
export function recordRoute(store: Store, input: RouteInput, actorUserId: number, now: Date, today: IsoDate): AppealView {
  const { year, personId } = input
  const { name } = personName(store, personId)
  const { grade } = yearResult(store, year, personId)
  if (grade !== '不称职') throw new KaoheError('APPEAL_ROUTE_INVALID', { reason: `${name} 的 ${year} 年度等次为“${grade ?? '无'}”，法定复核、申诉只适用于不称职`, reasonEn: `${name}’s ${year} grade is "${grade ?? 'none'}": the statutory routes are for 不称职 only` })
  if (input.filedOn > today) throw new KaoheError('INVALID_INPUT', { details: `提出日期 ${input.filedOn} 晚于今天 / the filing date is after today` })
  const delivered = deliveredOn(store, year, personId)
  if (!delivered) throw new KaoheError('APPEAL_NOT_DELIVERED', { name, year })
  if (input.filedOn < delivered) throw new KaoheError('INVALID_INPUT', { details: `提出日期 ${input.filedOn} 早于送达日 ${delivered} / filed before delivery` })
  const p = policyInForce(store, year).policy.appeals
  const cal = unitCalendar(store)
  let from = delivered
  let days: number
  let decisionDays: number
  let reviewOf: number | null = null
  if (input.route === 'review') {
    if (input.reviewOf !== undefined) throw new KaoheError('APPEAL_ROUTE_INVALID', { reason: '复核不基于另一复核', reasonEn: 'a review is not based on another review' })
    const earlier = store.first(store.qb.selectFrom('appeals').select('id').where('year', '=', year).where('person_id', '=', personId).where('route', '=', 'review'))
    if (earlier) throw new KaoheError('APPEAL_ROUTE_INVALID', { reason: `已登记复核（编号 ${earlier.id}）`, reasonEn: `a review is already recorded (no. ${earlier.id})` })
    days = p.reviewDays
    decisionDays = p.reviewDecisionDays
  } else {
    if (input.reviewOf !== undefined) {
      const rv = store.first(store.qb.selectFrom('appeals').selectAll().where('id', '=', input.reviewOf))
      if (!rv || rv.route !== 'review' || rv.person_id !== personId || rv.year !== year) throw new KaoheError('APPEAL_ROUTE_INVALID', { reason: `编号 ${input.reviewOf} 不是 ${name} 的 ${year} 年度复核`, reasonEn: `no. ${input.reviewOf} is not ${name}’s ${year} review` })
      if (rv.answered_on === null) throw new KaoheError('APPEAL_ROUTE_INVALID', { reason: `复核（编号 ${rv.id}）尚未作出决定`, reasonEn: `the review (no. ${rv.id}) is not decided yet` })
      from = rv.answered_on
      days = p.appealAfterReviewDays
      reviewOf = rv.id
    } else {
      days = p.appealDirectDays
    }
    decisionDays = p.appealDecisionDays
  }
  const windowUntil = cal.addCalendarDays(from, days).date
  if (input.filedOn > windowUntil) {
    throw new KaoheError('APPEAL_ROUTE_LATE', { route: ROUTE_LABELS[input.route].zh, routeEn: ROUTE_LABELS[input.route].en, from, days, deadline: windowUntil, filedOn: input.filedOn })
  }
  const body = input.body.trim()
  const documentNo = input.documentNo.trim()
  if (!body || !documentNo) throw new KaoheError('INVALID_INPUT', { details: '请填写受理机关和文书编号 / give the deciding body and the document number' })
  const id = store.run(
    store.qb.insertInto('appeals').values({
      year,
      person_id: personId,
      route: input.route,
      delivered_on: delivered,
      filed_on: input.filedOn,
      window_until: windowUntil,
      due_on: cal.addCalendarDays(input.filedOn, decisionDays).date,
      items_json: '[]',
      grade_before: grade,
      grade_asked: null,
      text: input.text.trim() || ROUTE_LABELS[input.route].zh,
      body,
      document_no: documentNo,
      review_of: reviewOf,
      status: 'pending',
      filed_by: actorUserId,
      created_at: now.toISOString(),
    }),
  ).lastInsertRowid
  return appealView(store, id, today)
}

/** HR extends a statutory 申诉's decision period once, by the policy's appealExtensionDays. */
export function extendRoute(store: Store, appealId: number, today: IsoDate): AppealView {
  const r = row(store, appealId)
  if (r.route !== 'statutory') throw new KaoheError('APPEAL_ROUTE_INVALID', { reason: '只有法定申诉可以延长决定期限', reasonEn: 'only a statutory appeal’s decision period can be extended' })
  if (r.status !== 'pending') throw new KaoheError('APPEAL_ANSWERED', { id: r.id, on: r.answered_on ?? '—' })
  if (r.extended) throw new KaoheError('APPEAL_ROUTE_INVALID', { reason: '决定期限已延长过', reasonEn: 'the decision period was already extended' })
  const days = policyInForce(store, r.year).policy.appeals.appealExtensionDays
  store.run(store.qb.updateTable('appeals').set({ extended: 1, due_on: unitCalendar(store).addCalendarDays(r.due_on, days).date }).where('id', '=', r.id))
  return appealView(store, r.id, today)
}

/** HR records the decision of a statutory route (the body's decision, with its date). */
export function decideRoute(store: Store, input: { appealId: number; decision: 'upheld' | 'refused'; grade?: string | undefined; reason: string; decidedOn: IsoDate }, actorUserId: number, now: Date, today: IsoDate): AppealView {
  const r = row(store, input.appealId)
  if (r.route === 'internal') throw new KaoheError('APPEAL_ROUTE_INVALID', { reason: `编号 ${r.id} 是领导小组申诉，由领导小组答复`, reasonEn: `no. ${r.id} is an internal appeal: the leadership group answers it` })
  if (r.status !== 'pending') throw new KaoheError('APPEAL_ANSWERED', { id: r.id, on: r.answered_on ?? '—' })
  if (input.decidedOn > today || input.decidedOn < r.filed_on) throw new KaoheError('INVALID_INPUT', { details: `决定日期 ${input.decidedOn} 应在 ${r.filed_on} 与今天之间 / the decision date must be between filing and today` })
  return decideRow(store, r, input, actorUserId, null, now, today, input.decidedOn)
}

export type { AppealRoute, AppealStatus }
