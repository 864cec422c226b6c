import { localDate } from '@shared/dates'
import { scopeOf } from '../../core/access/relations'
import { answerAppeal, appealPerson, appealView, appealWindow, decideRoute, extendRoute, fileAppeal, listAppeals, recordRoute, withdrawAppeal } from '../../core/appeals'
import { KaoheError } from '@shared/errors'
import type { Permission } from '@shared/access/permissions'
import type { CallContext, HandlersFor } from '../router'

function personFor(ctx: CallContext, permission: Permission, personId: number | undefined): number {
  if (personId !== undefined) return personId
  const own = ctx.session.actor.personId
  if (own === null) throw new KaoheError('INVALID_INPUT', { details: '本账户未关联人员，请给出 personId / this account is linked to no person: give personId' })
  ctx.requireFor(permission, own)
  return own
}

/**
 * 申诉 (RULES.md §7, issue 10). Thin: the rules are core/appeals'. Audit entries name the appeal, the
 * person, the year, the route and the decision; never the appeal's or the answer's text.
 */
export const appealsHandlers: HandlersFor<'appeals'> = {
  // Without a personId: the signed-in person's own (checked like any other).
  'appeals.window': (ctx, { year, personId }) => appealWindow(ctx.session.store, year, personFor(ctx, 'appeals.read', personId), localDate(ctx.now)),

  'appeals.list': ({ session, now }, { year, personId }) => {
    const people = personId !== undefined ? [personId] : scopeOf(session.store, session.actor, 'appeals.read')
    return listAppeals(session.store, { year, people }, localDate(now))
  },

  'appeals.show': (ctx, { appealId }) => {
    ctx.requireFor('appeals.read', appealPerson(ctx.session.store, appealId))
    return appealView(ctx.session.store, appealId, localDate(ctx.now))
  },

  'appeals.file': (ctx, input) => {
    const { session, now, note } = ctx
    const view = fileAppeal(session.store, { ...input, personId: personFor(ctx, 'appeals.file', input.personId) }, session.user.id, now, localDate(now))
    note(`appeal:${view.id}`, { personId: view.personId, year: view.year, items: view.items.length, dueOn: view.dueOn, recused: view.recused.length })
    return view
  },

  'appeals.withdraw': (ctx, { appealId }) => {
    const personId = appealPerson(ctx.session.store, appealId)
    ctx.requireFor('appeals.file', personId)
    ctx.note(`appeal:${appealId}`, { personId, withdrawn: true })
    return withdrawAppeal(ctx.session.store, appealId, localDate(ctx.now))
  },

  'appeals.answer': ({ session, now, note }, input) => {
    const view = answerAppeal(session.store, input, { userId: session.user.id, personId: session.actor.personId }, now, localDate(now))
    note(`appeal:${view.id}`, { personId: view.personId, year: view.year, decision: view.status, newFormId: view.newFormId })
    return view
  },

  'appeals.recordRoute': ({ session, now, note }, input) => {
    const view = recordRoute(session.store, { ...input, text: input.text ?? '' }, session.user.id, now, localDate(now))
    note(`appeal:${view.id}`, { personId: view.personId, year: view.year, route: view.route, documentNo: view.documentNo, dueOn: view.dueOn })
    return view
  },

  'appeals.extendRoute': ({ session, now, note }, { appealId }) => {
    const view = extendRoute(session.store, appealId, localDate(now))
    note(`appeal:${view.id}`, { dueOn: view.dueOn })
    return view
  },

  'appeals.decideRoute': ({ session, now, note }, input) => {
    const view = decideRoute(session.store, input, session.user.id, now, localDate(now))
    note(`appeal:${view.id}`, { personId: view.personId, decision: view.status, decidedOn: view.answeredOn, newFormId: view.newFormId })
    return view
  },
}
