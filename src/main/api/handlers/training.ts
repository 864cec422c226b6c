import { localDate } from '@shared/dates'
import {
  addSession,
  assessorReminder,
  cancelEnrolment,
  enrol,
  enrolmentList,
  linkEnrolment,
  needsWithEnrolments,
  recordAttendance,
  sessionsOf,
  trainingReport,
} from '../../core/training'
import type { HandlersFor } from '../router'

/**
 * 培训辅导 (plan §六(四)). Thin: the rules are core/training's. Audit entries name sessions, people,
 * enrolments and counts; never a score or a need's text.
 */
export const trainingHandlers: HandlersFor<'training'> = {
  'training.sessions': ({ session }, { year }) => sessionsOf(session.store, year),

  'training.addSession': ({ session, now, note }, input) => {
    const s = addSession(session.store, input, session.user.id, now)
    note(`training:${s.id}`, { year: s.year, kind: s.kind, heldOn: s.heldOn })
    return s
  },

  'training.attend': ({ session, now, note }, input) => {
    const r = recordAttendance(session.store, input, session.user.id, now, localDate(now))
    note(`training:${input.sessionId}`, { added: r.added, already: r.already, enrolmentsAttended: r.enrolmentsAttended })
    return r
  },

  'training.report': ({ session }, { year }) => trainingReport(session.store, year),

  'training.myReminder': ({ session, now }, { year }) => {
    const today = localDate(now)
    return assessorReminder(session.store, session.actor.personId, year ?? Number(today.slice(0, 4)), today)
  },

  'training.needs': ({ session, now, note }, { year }) => {
    const rows = needsWithEnrolments(session.store, year, localDate(now))
    note(`training:needs:${year}`, { needs: rows.length })
    return rows
  },

  'training.enrolments': ({ session }, { year }) => enrolmentList(session.store, year),

  'training.enrol': ({ session, now, note }, input) => {
    const e = enrol(session.store, input, session.user.id, now, localDate(now))
    note(`person:${input.personId}`, { enrolment: e.id, year: input.year, sessionId: input.sessionId ?? null })
    return e
  },

  'training.linkEnrolment': ({ session, now, note }, input) => {
    const e = linkEnrolment(session.store, input, now)
    note(`person:${e.personId}`, { enrolment: e.id, sessionId: input.sessionId, status: e.status })
    return e
  },

  'training.cancelEnrolment': ({ session, now, note }, input) => {
    const e = cancelEnrolment(session.store, input, now)
    note(`person:${e.personId}`, { enrolment: e.id, reasonChars: input.reason.length })
    return e
  },
}
