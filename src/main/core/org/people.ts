import { KaoheError } from '@shared/errors'
import { EMPLOYMENT_STATUS_LABELS, GONE_STATUSES, type EmploymentStatus, type IsoDate, type PostCategory } from '@shared/org'
import type { PersonDetail, PersonPeriod, PersonSummary } from '@shared/api/types'
import type { PersonRow } from '../../db/schema'
import type { Store } from '../../db/store'

/**
 * People (公务员) and their history. The `people` row holds the current assignment for fast lists;
 * `person_periods` holds every assignment with the dates it was true, so "who was where on which
 * date" has an answer after transfers and status changes. One function changes a person, whether
 * the change comes from the form or a roster import, so both keep history the same way.
 */

/** The assignment fields history tracks. */
export interface Assignment {
  departmentId: number | null
  post: string
  category: PostCategory
  rank: string
  supervisorId: number | null
  riskPost: boolean
  status: EmploymentStatus
}

export interface PersonFields extends Assignment {
  staffNo: string
  name: string
  joinedOn: IsoDate | null
  leftOn: IsoDate | null
}

const ASSIGNMENT_KEYS: (keyof Assignment)[] = ['departmentId', 'post', 'category', 'rank', 'supervisorId', 'riskPost', 'status']
const PERSON_KEYS: (keyof PersonFields)[] = ['staffNo', 'name', 'joinedOn', 'leftOn', ...ASSIGNMENT_KEYS]

export function isGone(status: string): boolean {
  return (GONE_STATUSES as readonly string[]).includes(status)
}


function fieldsOf(row: PersonRow): PersonFields {
  return {
    staffNo: row.staff_no,
    name: row.name,
    departmentId: row.department_id,
    post: row.post,
    category: row.category,
    rank: row.rank,
    supervisorId: row.supervisor_id,
    riskPost: row.risk_post === 1,
    status: row.status,
    joinedOn: row.joined_on,
    leftOn: row.left_on,
  }
}

/** The names of the fields that differ (for the preview and the audit entry). */
export function changedFields(before: PersonFields, after: PersonFields): (keyof PersonFields)[] {
  return PERSON_KEYS.filter((k) => before[k] !== after[k])
}

export function personRow(store: Store, id: number): PersonRow {
  const row = store.first(store.qb.selectFrom('people').selectAll().where('id', '=', id))
  if (!row) throw new KaoheError('NOT_FOUND', { what: '人员 person', id })
  return row
}

export function personFields(store: Store, id: number): PersonFields {
  return fieldsOf(personRow(store, id))
}

/**
 * Creates or changes a person. An assignment change closes the current period the day before
 * `effectiveOn` and opens a new one; a change effective on the current period's own first day
 * corrects it in place. Reporting lines are not checked here: a caller changing many people (a
 * roster) checks them once at the end with `checkReportingLines`.
 */
export function savePerson(
  store: Store,
  id: number | null,
  fields: PersonFields,
  change: { effectiveOn: IsoDate; reason: string; actorId: number | null; now: Date },
): { id: number; changed: (keyof PersonFields)[] } {
  const clash = store.first(
    store.qb.selectFrom('people').select(['id', 'name']).where('staff_no', '=', fields.staffNo),
  )
  if (clash && clash.id !== id) {
    throw new KaoheError('ORG_DUPLICATE_STAFF_NO', { staffNo: fields.staffNo, name: clash.name })
  }
  const values = {
    staff_no: fields.staffNo,
    name: fields.name,
    department_id: fields.departmentId,
    post: fields.post,
    category: fields.category,
    rank: fields.rank,
    supervisor_id: fields.supervisorId,
    risk_post: fields.riskPost ? 1 : 0,
    status: fields.status,
    joined_on: fields.joinedOn,
    left_on: fields.leftOn,
  }
  const period = {
    department_id: fields.departmentId,
    post: fields.post,
    category: fields.category,
    rank: fields.rank,
    supervisor_id: fields.supervisorId,
    risk_post: fields.riskPost ? 1 : 0,
    status: fields.status,
    reason: change.reason,
    recorded_by: change.actorId,
    recorded_at: change.now.toISOString(),
  }
  if (id === null) {
    const newId = store.run(store.qb.insertInto('people').values(values)).lastInsertRowid
    store.run(
      store.qb.insertInto('person_periods').values({ person_id: newId, valid_from: change.effectiveOn, valid_to: null, ...period }),
    )
    return { id: newId, changed: PERSON_KEYS }
  }
  const before = personFields(store, id)
  const changed = changedFields(before, fields)
  if (!changed.length) return { id, changed }
  store.run(store.qb.updateTable('people').set(values).where('id', '=', id))
  if (ASSIGNMENT_KEYS.some((k) => changed.includes(k))) {
    const current = store.first(
      store.qb.selectFrom('person_periods').select(['id', 'valid_from']).where('person_id', '=', id).where('valid_to', 'is', null),
    )
    if (current && change.effectiveOn < current.valid_from) {
      throw new KaoheError('ORG_EFFECTIVE_TOO_EARLY', { effectiveOn: change.effectiveOn, name: fields.name, from: current.valid_from })
    }
    if (current && current.valid_from === change.effectiveOn) {
      store.run(store.qb.updateTable('person_periods').set(period).where('id', '=', current.id))
    } else {
      if (current) store.run(store.qb.updateTable('person_periods').set({ valid_to: change.effectiveOn }).where('id', '=', current.id))
      store.run(
        store.qb.insertInto('person_periods').values({ person_id: id, valid_from: change.effectiveOn, valid_to: null, ...period }),
      )
    }
  }
  return { id, changed }
}

/**
 * Reporting lines (汇报关系) must end at the top of the unit: no one supervises themself, no
 * supervisor has left the unit, and no chain loops. Checks the given people (or everyone).
 */
export function checkReportingLines(store: Store, only?: readonly number[]): void {
  const rows = store.all(store.qb.selectFrom('people').select(['id', 'name', 'staff_no', 'supervisor_id', 'status']))
  const byId = new Map(rows.map((r) => [r.id, r]))
  const label = (r: { name: string; staff_no: string }) => `${r.name}（${r.staff_no}）`
  for (const start of only ?? rows.map((r) => r.id)) {
    const person = byId.get(start)
    if (!person || person.supervisor_id === null || isGone(person.status)) continue
    if (person.supervisor_id === person.id) throw new KaoheError('ORG_SUPERVISOR_SELF', { name: label(person) })
    const sup = byId.get(person.supervisor_id)
    if (sup && isGone(sup.status)) {
      const s = EMPLOYMENT_STATUS_LABELS[sup.status]
      throw new KaoheError('ORG_SUPERVISOR_GONE', { supervisor: label(sup), status: s?.zh ?? sup.status, name: label(person) })
    }
    const seen: number[] = [person.id]
    let cursor = sup
    while (cursor && cursor.supervisor_id !== null) {
      if (seen.includes(cursor.id)) {
        const cycle = [...seen.slice(seen.indexOf(cursor.id)), cursor.id].map((i) => label(byId.get(i)!)).join(' → ')
        throw new KaoheError('ORG_SUPERVISOR_CYCLE', { cycle })
      }
      seen.push(cursor.id)
      cursor = byId.get(cursor.supervisor_id)
    }
  }
}

export function listPeople(
  store: Store,
  filter: { departmentId?: number; search?: string; includeGone: boolean },
): PersonSummary[] {
  let q = store.qb
    .selectFrom('people as p')
    .leftJoin('departments as d', 'd.id', 'p.department_id')
    .leftJoin('people as s', 's.id', 'p.supervisor_id')
    .leftJoin('users as u', 'u.person_id', 'p.id')
    .select([
      'p.id', 'p.staff_no', 'p.name', 'p.department_id', 'd.name as department_name', 'p.post', 'p.category', 'p.rank',
      'p.supervisor_id', 's.name as supervisor_name', 's.staff_no as supervisor_staff_no', 'p.risk_post', 'p.status',
      'p.joined_on', 'p.left_on', 'u.username',
    ])
  if (filter.departmentId) q = q.where('p.department_id', '=', filter.departmentId)
  if (filter.search) {
    const like = `%${filter.search}%`
    q = q.where((eb) => eb.or([eb('p.name', 'like', like), eb('p.staff_no', 'like', like), eb('p.post', 'like', like)]))
  }
  if (!filter.includeGone) q = q.where('p.status', 'not in', [...GONE_STATUSES])
  return store.all(q.orderBy('d.sort_order').orderBy('p.staff_no')).map((r) => ({
    id: r.id,
    staffNo: r.staff_no,
    name: r.name,
    departmentId: r.department_id,
    departmentName: r.department_name,
    post: r.post,
    category: r.category,
    rank: r.rank,
    supervisorId: r.supervisor_id,
    supervisorName: r.supervisor_name,
    supervisorStaffNo: r.supervisor_staff_no,
    riskPost: r.risk_post === 1,
    status: r.status,
    joinedOn: r.joined_on,
    leftOn: r.left_on,
    username: r.username,
  }))
}

export function personDetail(store: Store, id: number): PersonDetail {
  personRow(store, id)
  const summary = listPeople(store, { includeGone: true }).find((p) => p.id === id)!
  const history: PersonPeriod[] = store
    .all(
      store.qb
        .selectFrom('person_periods as h')
        .leftJoin('departments as d', 'd.id', 'h.department_id')
        .leftJoin('people as s', 's.id', 'h.supervisor_id')
        .leftJoin('users as u', 'u.id', 'h.recorded_by')
        .select([
          'h.valid_from', 'h.valid_to', 'd.name as department_name', 'h.post', 'h.category', 'h.rank', 's.name as supervisor_name',
          'h.risk_post', 'h.status', 'h.reason', 'u.username',
        ])
        .where('h.person_id', '=', id)
        .orderBy('h.valid_from', 'desc'),
    )
    .map((h) => ({
      from: h.valid_from,
      to: h.valid_to,
      departmentName: h.department_name,
      post: h.post,
      category: h.category,
      rank: h.rank,
      supervisorName: h.supervisor_name,
      riskPost: h.risk_post === 1,
      status: h.status,
      reason: h.reason,
      recordedBy: h.username,
    }))
  const reports = store.all(
    store.qb
      .selectFrom('people')
      .select(['id', 'staff_no as staffNo', 'name'])
      .where('supervisor_id', '=', id)
      .where('status', 'not in', [...GONE_STATUSES])
      .orderBy('staff_no'),
  )
  const groups = store.all(
    store.qb.selectFrom('org_groups').select('role').where('person_id', '=', id).where('valid_to', 'is', null),
  )
  const roles = groups.map((g) => g.role)
  const row = personRow(store, id)
  return {
    ...summary,
    personal: { gender: row.gender, birthMonth: row.birth_month, politicalStatus: row.political_status, postSince: row.post_since },
    history,
    reports,
    leadership: roles.includes('head') ? 'head' : roles.includes('member') ? 'member' : null,
    discipline: roles.includes('discipline'),
  }
}

/** Where a person was on a date: their assignment period then, or undefined if not yet/no longer in the unit. */
export function assignmentOn(store: Store, personId: number, date: IsoDate) {
  return store.first(
    store.qb
      .selectFrom('person_periods')
      .selectAll()
      .where('person_id', '=', personId)
      .where('valid_from', '<=', date)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)])),
  )
}

/** Staff number → person id, for everyone the unit has had (imports match people by 工号). */
export function staffIdMap(store: Store): Map<string, number> {
  return new Map(store.all(store.qb.selectFrom('people').select(['id', 'staff_no'])).map((p) => [p.staff_no, p.id]))
}

/**
 * The personal fields the 《公务员年度考核登记表》 needs (issue 10, 1b; migration 14): 性别, 出生年月,
 * 政治面貌, 任现职时间. Not history-tracked: they describe the person, not an assignment.
 */
export interface PersonalFields {
  gender: '男' | '女' | null
  /** YYYY-MM */
  birthMonth: string | null
  politicalStatus: string | null
  /** YYYY-MM */
  postSince: string | null
}

export const MONTH_PATTERN = /^(19|20)\d\d-(0[1-9]|1[0-2])$/

export function personalFields(store: Store, id: number): PersonalFields {
  const r = personRow(store, id)
  return { gender: r.gender, birthMonth: r.birth_month, politicalStatus: r.political_status, postSince: r.post_since }
}

/** Sets the personal fields given (undefined leaves a field as it is); checks each, naming the person and field. */
export function savePersonal(store: Store, id: number, fields: Partial<PersonalFields>): (keyof PersonalFields)[] {
  const row = personRow(store, id)
  const bad = (field: string, fieldEn: string, value: string, expected: string, expectedEn: string) =>
    new KaoheError('PERSON_FIELD_INVALID', { name: `${row.name}（${row.staff_no}）`, field, fieldEn, value, expected, expectedEn })
  if (fields.gender != null && fields.gender !== '男' && fields.gender !== '女') throw bad('性别', 'Gender', String(fields.gender), '“男”或“女”', '男 or 女')
  if (fields.birthMonth != null && !MONTH_PATTERN.test(fields.birthMonth)) throw bad('出生年月', 'Born', fields.birthMonth, '年-月，如 1988-07', 'year-month, e.g. 1988-07')
  if (fields.postSince != null && !MONTH_PATTERN.test(fields.postSince)) throw bad('任现职时间', 'In post since', fields.postSince, '年-月，如 2021-03', 'year-month, e.g. 2021-03')
  const born = fields.birthMonth !== undefined ? fields.birthMonth : row.birth_month
  const since = fields.postSince !== undefined ? fields.postSince : row.post_since
  if (born && since && since < born) {
    throw bad('任现职时间', 'In post since', since, `晚于出生年月 ${born}`, `after the month of birth ${born}`)
  }
  if (fields.politicalStatus != null && (fields.politicalStatus.trim().length === 0 || fields.politicalStatus.length > 20)) {
    throw bad('政治面貌', 'Political status', fields.politicalStatus, '1 至 20 字', '1 to 20 characters')
  }
  const before = personalFields(store, id)
  const set: Record<string, string | null> = {}
  const changed: (keyof PersonalFields)[] = []
  const columns = { gender: 'gender', birthMonth: 'birth_month', politicalStatus: 'political_status', postSince: 'post_since' } as const
  for (const k of Object.keys(columns) as (keyof PersonalFields)[]) {
    const v = fields[k]
    if (v === undefined || v === before[k]) continue
    set[columns[k]] = v === null ? null : v.trim()
    changed.push(k)
  }
  if (changed.length) store.run(store.qb.updateTable('people').set(set).where('id', '=', id))
  return changed
}
