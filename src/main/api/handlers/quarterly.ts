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
import { quarterlyRules } from '../../core/quarterly/params'
import { withholdFewPeers } from '../../core/quarterly/peerPrivacy'
import type { CallContext, Handlers } from '../router'

/** A row as this viewer may see it: peer means only from the policy's minimum of raters. */
function asSeenBy<R extends Parameters<typeof withholdFewPeers>[0]>({ session }: CallContext, row: R): R {
  return withholdFewPeers(row, quarterlyRules(session.store, row.year).minPeerRaters, session.actor.personId)
}

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
  'quarterly.status': (ctx, { year, quarter }) => {
    const { session, now } = ctx
    return quarterlyStatus(session.store, scopeOf(session.store, session.actor, 'quarterly.read'), year, quarter, localDate(now)).map((r) => asSeenBy(ctx, r))
  },

  'quarterly.get': (ctx, { personId, year, quarter }) => asSeenBy(ctx, quarterlyDetail(ctx.session.store, personId, year, quarter, localDate(ctx.now))),

  'quarterly.submitSummary': (ctx, input) => {
    const { session, now, note } = ctx
    note(`person:${input.personId}`, { year: input.year, quarter: input.quarter, chars: input.text.length })
    return asSeenBy(ctx, submitSummary(session.store, input, { userId: session.user.id, now, today: localDate(now) }))
  },

  'quarterly.rate': (ctx, input) => {
    const { session, now, note } = ctx
    // Ids and the quarter only: a rating, a grade or a 不达标 mark is assessment content (DESIGN.md §4).
    note(`person:${input.personId}`, { year: input.year, quarter: input.quarter })
    const result = rateQuarter(session.store, input, {
      userId: session.user.id,
      supervisorPersonId: session.actor.personId,
      now,
      today: localDate(now),
    })
    note(`person:${input.personId}`, {
      year: input.year,
      quarter: input.quarter,
      followupsOpened: result.openedFollowups.map((f) => f.id),
    })
    return { ...result, status: asSeenBy(ctx, result.status) }
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

  // One rule with quarterly.status: the supervisor chain sees its own people's axes, HR and the leadership everyone's.
  'quarterly.nineBox': ({ session, now, note }, { year, quarter }) => {
    const view = nineBoxView(session.store, scopeOf(session.store, session.actor, 'quarterly.nineBox'), year, quarter, localDate(now))
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
