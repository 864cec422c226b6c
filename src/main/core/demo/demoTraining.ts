import { localDate } from '@shared/dates'
import type { Store } from '../../db/store'
import { addSession, enrol, needsWithEnrolments, ratersOf, recordAttendance } from '../training'

/**
 * The demo's training story (培训辅导, plan §六(四)): the 2026 assessor training held in February,
 * attended by every rater but one — 0401 (the demo account kezhang), who therefore sees the reminder
 * on the rating screens and appears in HR's report; a 绩效工作坊 in May with its attendance and a
 * 案例教学 in the autumn; and enrolments from the first 2025 training needs, one attended at the
 * workshop and one still planned. Written through core/training, like HR's own actions.
 */
export const DEMO_MISSING_RATER = '0401'

export function demoTraining(store: Store, opts: { now: Date }): void {
  const today = localDate(opts.now)
  const hr = store.first(store.qb.selectFrom('users as u').innerJoin('people as p', 'p.id', 'u.person_id').select('u.id').where('p.staff_no', '=', '0201'))
  const actorId = hr?.id ?? 1
  const at = (day: string) => new Date(`${day}T10:00:00`)
  const assessor = addSession(
    store,
    { year: 2026, kind: 'assessor', title: '2026 年度考核者培训：考核标准解读与沟通技巧', heldOn: '2026-02-26', hours: 3, trainer: '市委组织部 王老师', location: '三楼会议室' },
    actorId,
    at('2026-01-20'),
  )
  const workshop = addSession(
    store,
    { year: 2026, kind: 'workshop', title: '绩效工作坊：制定目标与复盘工作', heldOn: '2026-05-14', hours: 4, trainer: '人事科', location: '二楼培训室' },
    actorId,
    at('2026-04-20'),
  )
  addSession(store, { year: 2026, kind: 'caseStudy', title: '案例教学：优秀履职案例分享', heldOn: '2026-10-22', hours: 2, trainer: '领导小组', location: '三楼会议室' }, actorId, at('2026-09-20'))

  const staffNoOf = new Map(store.all(store.qb.selectFrom('people').select(['id', 'staff_no'])).map((p) => [p.id, p.staff_no]))
  const raters = [...ratersOf(store, 2026).keys()].map((id) => staffNoOf.get(id)).filter((s): s is string => s !== undefined && s !== DEMO_MISSING_RATER)

  // The 2025 needs that become enrolments (enrolled before the workshop, so attendance closes one).
  const needs = needsWithEnrolments(store, 2025, today)
    .filter((n, i, all) => all.findIndex((m) => m.personId === n.personId) === i)
    .slice(0, 2)
  const [first, second] = needs
  if (first) enrol(store, { year: 2025, personId: first.personId, key: first.key, sessionId: workshop.id }, actorId, at('2026-04-21'), today)
  if (second) enrol(store, { year: 2025, personId: second.personId, key: second.key }, actorId, at('2026-04-21'), today)

  if (today >= assessor.heldOn && raters.length > 0) recordAttendance(store, { sessionId: assessor.id, staffNos: raters }, actorId, at(assessor.heldOn), today)
  if (today >= workshop.heldOn) {
    const staff = store
      .all(store.qb.selectFrom('people').select('staff_no').where('status', '=', 'active').orderBy('staff_no'))
      .map((p) => p.staff_no)
      .filter((s) => s >= '0402')
      .slice(0, 8)
    const attendees = [...new Set([...staff, ...(first ? [staffNoOf.get(first.personId) ?? ''] : [])])].filter((s) => s !== '')
    recordAttendance(store, { sessionId: workshop.id, staffNos: attendees }, actorId, at(workshop.heldOn), today)
  }
}
