import { localDate } from '@shared/dates'
import { KaoheError } from '@shared/errors'
import { scopeOf } from '../../core/access/relations'
import { textDigest } from '../../core/audit/digest'
import {
  amendRating,
  assignPeers,
  autoAssignPeers,
  assignmentRater,
  listFollowups,
  myAssignments,
  nineBoxView,
  peerRate,
  quarterlyDetail,
  quarterlyStatus,
  rateQuarter,
  reopenQuarter,
  submitSummary,
  updateFollowup,
} from '../../core/quarterly'
import { quarterlyRules } from '../../core/quarterly/params'
import { withholdFewPeers } from '../../core/quarterly/peerPrivacy'
import type { CallContext, HandlersFor } from '../router'

/** A row as this viewer may see it: peer means only from the policy's minimum of raters. */
function asSeenBy<R extends Parameters<typeof withholdFewPeers>[0]>({ session }: CallContext, row: R): R {
  return withholdFewPeers(row, quarterlyRules(session.store, row.year).minPeerRaters, session.actor.personId)
}

/** A 小结 draft is the person's own: nobody else sees it, not even their supervisor. */
function ownDraftOnly<D extends { personId: number; draft: unknown }>({ session }: CallContext, d: D): D {
  return d.personId === session.actor.personId ? d : { ...d, draft: null }
}

/**
 * 季度评估 (RULES.md §5). Audit entries name people, quarters and counts; never a summary's text,
 * a rating's reason or a peer's score. Peers stand in no reporting relation: the peer-rating
 * handler checks the assignment belongs to the caller.
 */
export const quarterlyHandlers: HandlersFor<'quarterly'> = {
  'quarterly.status': (ctx, { year, quarter }) => {
    const { session, now } = ctx
    return quarterlyStatus(session.store, scopeOf(session.store, session.actor, 'quarterly.read'), year, quarter, localDate(now)).map((r) => asSeenBy(ctx, r))
  },

  'quarterly.get': (ctx, { personId, year, quarter }) => ownDraftOnly(ctx, asSeenBy(ctx, quarterlyDetail(ctx.session.store, personId, year, quarter, localDate(ctx.now)))),

  'quarterly.submitSummary': (ctx, input) => {
    const { session, now, note } = ctx
    note(`person:${input.personId}`, { year: input.year, quarter: input.quarter, chars: input.text.length, ...(input.draft ? { draft: true } : {}) })
    return ownDraftOnly(ctx, asSeenBy(ctx, submitSummary(session.store, input, { userId: session.user.id, now, today: localDate(now) })))
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

  'quarterly.autoAssignPeers': ({ session, now, note }, input) => {
    const result = autoAssignPeers(session.store, input, { userId: session.user.id, now, today: localDate(now) })
    note(`quarter:${input.year}Q${input.quarter}`, {
      departmentId: input.departmentId ?? null,
      created: result.created.length,
      short: result.short.map((s) => s.rateeId),
    })
    return result
  },

  // The reason is HR's free text: the audit keeps its digest, never the text.
  'quarterly.reopen': ({ session, now, note }, input) => {
    note(`quarter:${input.year}Q${input.quarter}`, { reason: textDigest(input.reason) })
    const phase = reopenQuarter(session.store, input, { userId: session.user.id, now, today: localDate(now) })
    note(`quarter:${input.year}Q${input.quarter}`, { reason: textDigest(input.reason), openUntil: phase.reopened?.openUntil ?? null })
    return phase
  },

  // Ids, the quarter and the reason's digest only: the ratings before and after are assessment content (DESIGN.md §4).
  'quarterly.amend': (ctx, input) => {
    const { session, now, note } = ctx
    note(`person:${input.personId}`, { year: input.year, quarter: input.quarter, reason: textDigest(input.reason) })
    return ownDraftOnly(ctx, asSeenBy(ctx, amendRating(session.store, input, { userId: session.user.id, now, today: localDate(now) })))
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
