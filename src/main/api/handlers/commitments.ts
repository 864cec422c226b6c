import { localDate } from '@shared/dates'
import { scopeOf } from '../../core/access/relations'
import { unitCalendar } from '../../core/calendar/unitCalendar'
import {
  commitmentRecord,
  complete,
  decideRevision,
  listCommitments,
  requestRevision,
  review,
  revisionPerson,
  saveDraft,
  submit,
  type Actor,
} from '../../core/commitments'
import { readPolicyConstraints } from '../../core/policy/constraints'
import { policyInForce } from '../../core/policy/inForce'
import type { CallContext, HandlersFor } from '../router'
import { textDigest } from '../../core/audit/digest'

/**
 * 《个人绩效承诺书》 (T1). Audit entries name the letter, person, year, version and state, never a
 * task's text; revision decisions name the request and the version they made.
 */
function actor({ session, now }: CallContext): Actor {
  return { actorId: session.user.id, now, today: localDate(now) }
}

function record(ctx: CallContext, personId: number, year: number) {
  return commitmentRecord(ctx.session.store, personId, year, localDate(ctx.now))
}

export const commitmentHandlers: HandlersFor<'commitments'> = {
  'commitments.get': (ctx, { personId, year }) => record(ctx, personId, year),

  'commitments.list': ({ session, now }, { year }) =>
    listCommitments(session.store, scopeOf(session.store, session.actor, 'commitments.read'), year, localDate(now)),

  'commitments.saveDraft': (ctx, input) => {
    const row = saveDraft(ctx.session.store, input, actor(ctx))
    ctx.note(`commitment:${row.id}`, { personId: row.person_id, year: row.year, version: row.version, state: row.state, tasks: input.tasks.length })
    return record(ctx, input.personId, input.year)
  },

  'commitments.submit': (ctx, { personId, year }) => {
    const row = submit(ctx.session.store, personId, year, actor(ctx))
    ctx.note(`commitment:${row.id}`, { personId, year, version: row.version, state: row.state })
    return record(ctx, personId, year)
  },

  'commitments.review': (ctx, input) => {
    const { store } = ctx.session
    const row = review(store, input, {
      ...actor(ctx),
      calendar: unitCalendar(store),
      publicityWorkingDays: readPolicyConstraints(policyInForce(store, input.year).policy).P7_publicityWorkingDaysMin,
    })
    ctx.note(`commitment:${row.id}`, {
      personId: input.personId,
      year: input.year,
      version: row.version,
      decision: input.decision,
      state: row.state,
      reason: textDigest(input.reason),
      publicityEnd: row.publicity_end,
      effectiveOn: row.effective_on,
    })
    return record(ctx, input.personId, input.year)
  },

  'commitments.complete': (ctx, input) => {
    const row = complete(ctx.session.store, input, actor(ctx))
    ctx.note(`commitment:${row.id}`, { personId: input.personId, year: input.year, version: row.version, taskKey: input.taskKey, completedOn: input.completedOn })
    return record(ctx, input.personId, input.year)
  },

  'commitments.requestRevision': (ctx, input) => {
    const id = requestRevision(ctx.session.store, input, actor(ctx))
    ctx.note(`revision:${id}`, {
      personId: input.personId,
      year: input.year,
      state: 'pending',
      changes: input.changes.map((c) => (c.op === 'add' ? { op: c.op } : { op: c.op, taskKey: c.taskKey })),
    })
    return record(ctx, input.personId, input.year)
  },

  'commitments.decideRevision': (ctx, input) => {
    const { store } = ctx.session
    const about = revisionPerson(store, input.requestId)
    ctx.note(`revision:${input.requestId}`, { personId: about.personId, year: about.year, letterId: about.letterId })
    const result = decideRevision(store, input, { ...actor(ctx), actorPersonId: ctx.session.actor.personId })
    ctx.note(`revision:${input.requestId}`, { personId: about.personId, year: about.year, letterId: about.letterId, ...result, reason: textDigest(input.reason) })
    return record(ctx, about.personId, about.year)
  },
}
