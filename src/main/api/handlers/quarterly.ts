import { localDate } from '@shared/dates'
import { KaoheError } from '@shared/errors'
import { scopeOf } from '../../core/access/relations'
import {
  assignPeers,
  assignmentRater,
  listFollowups,
  myAssignments,
  nineBoxView,
  peerRate,
  quarterlyDetail,
  quarterlyStatus,
  rateQuarter,
  submitSummary,
  updateFollowup,
} from '../../core/quarterly'
import type { Handlers } from '../router'

/**
 * 季度评估 (RULES.md §5). Audit entries name people, quarters and counts; never a summary's text,
 * a rating's reason or a peer's score. Peers stand in no reporting relation: the peer-rating
 * handler checks the assignment belongs to the caller.
 */
export const quarterlyHandlers: Pick<
  Handlers,
  | 'quarterly.status'
  | 'quarterly.get'
  | 'quarterly.submitSummary'
  | 'quarterly.rate'
  | 'quarterly.assignPeers'
  | 'quarterly.myPeerAssignments'
  | 'quarterly.peerRate'
  | 'quarterly.nineBox'
  | 'quarterly.followups.list'
  | 'quarterly.followups.update'
> = {
  'quarterly.status': ({ session, now }, { year, quarter }) =>
    quarterlyStatus(session.store, scopeOf(session.store, session.actor, 'quarterly.read'), year, quarter, localDate(now)),

  'quarterly.get': ({ session, now }, { personId, year, quarter }) => quarterlyDetail(session.store, personId, year, quarter, localDate(now)),

  'quarterly.submitSummary': ({ session, now, note }, input) => {
    note(`person:${input.personId}`, { year: input.year, quarter: input.quarter, chars: input.text.length })
    return submitSummary(session.store, input, { userId: session.user.id, now, today: localDate(now) })
  },

  'quarterly.rate': ({ session, now, note }, input) => {
    note(`person:${input.personId}`, { year: input.year, quarter: input.quarter, failMark: input.failMark })
    const result = rateQuarter(session.store, input, {
      userId: session.user.id,
      supervisorPersonId: session.actor.personId,
      now,
      today: localDate(now),
    })
    note(`person:${input.personId}`, {
      year: input.year,
      quarter: input.quarter,
      failMark: input.failMark,
      grade: result.status.grade,
      meetsStandard: result.status.meetsStandard,
      followupsOpened: result.openedFollowups.map((f) => f.id),
    })
    return result
  },

  'quarterly.assignPeers': ({ session, now, note }, input) => {
    note(`person:${input.raterId}`, { year: input.year, quarter: input.quarter, rateeIds: input.rateeIds })
    const result = assignPeers(session.store, input, { userId: session.user.id, now })
    note(`person:${input.raterId}`, { year: input.year, quarter: input.quarter, rateeIds: input.rateeIds, warnings: result.warnings.map((w) => w.rateeId) })
    return result
  },

  'quarterly.myPeerAssignments': ({ session }, filter) => myAssignments(session.store, session.actor.personId, filter),

  'quarterly.peerRate': ({ session, now, note }, { assignmentId, score }) => {
    const a = assignmentRater(session.store, assignmentId)
    note(`peerAssignment:${assignmentId}`, { year: a.year, quarter: a.quarter })
    if (session.actor.personId === null || a.raterId !== session.actor.personId) throw new KaoheError('FORBIDDEN', { method: 'quarterly.peerRate' })
    return peerRate(session.store, assignmentId, score, { userId: session.user.id, now, today: localDate(now) })
  },

  'quarterly.nineBox': ({ session, now, note }, { year, quarter }) => {
    const view = nineBoxView(session.store, year, quarter, localDate(now))
    note(`quarter:${year}Q${quarter}`, { people: view.cells.reduce((n, c) => n + c.people.length, 0) })
    return view
  },

  'quarterly.followups.list': ({ session }, { state }) => listFollowups(session.store, state),

  'quarterly.followups.update': ({ session, now, note }, input) => {
    const f = updateFollowup(session.store, input, { userId: session.user.id, now })
    note(`followup:${f.id}`, { personId: f.personId, state: f.state, ownerId: f.ownerId, deadline: f.deadline })
    return f
  },
}
