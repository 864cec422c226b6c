import { localDate } from '@shared/dates'
import { assembleYear } from '../../core/annual/assemble'
import { toInputsFile } from '../../core/annual/inputsFile'
import { addRectificationPlan, objectDuringPublicity, roundOpen, confirm, decide, explanationOf, ownResult, propose, publish, publishedView, recordApproval, recordPriorGrade, roundView } from '../../core/annual/round'
import type { HandlersFor } from '../router'

/**
 * 年度总评 (RULES.md §6). Thin: the rules are core/annual's. Audit entries name the year, people and
 * counts; a change's reason is recorded as its length and digest by the router's text rule, never a
 * score (DESIGN.md §4).
 */
export const annualHandlers: HandlersFor<'annual'> = {
  'annual.round': ({ session, now }, { year }) => roundView(session.store, year, localDate(now)),

  'annual.explain': ({ session, now }, { year, personId }) => explanationOf(session.store, year, personId, localDate(now)),

  'annual.inputs': ({ session, now, note }, { year }) => {
    const a = assembleYear(session.store, year, localDate(now))
    if (a.democraticRoundOpen) throw roundOpen(year)
    note(`annual:${year}`, { people: a.inputs.people.length })
    return toInputsFile(a.inputs)
  },

  'annual.propose': ({ session, now, note }, { year }) => {
    const view = propose(session.store, year, session.user.id, now, localDate(now))
    note(`annual:${year}`, { N: view.N, K: view.K, inputsSha256: view.inputsSha256, boundaryTie: view.boundaryTie?.length ?? 0 })
    return view
  },

  'annual.decide': ({ session, now, note }, { year, changes }) => {
    note(`annual:${year}`, { changes: changes.map((c) => ({ personId: c.personId, reasonChars: c.reason?.length ?? 0 })) })
    return decide(session.store, year, changes, session.user.id, now, localDate(now))
  },

  'annual.confirm': ({ session, now, note }, { year }) => {
    const view = confirm(session.store, year, session.user.id, now, localDate(now))
    note(`annual:${year}`, { excellent: view.excellentCount, K: view.K })
    return view
  },

  'annual.publish': ({ session, now, note }, { year, startOn }) => {
    const today = localDate(now)
    const view = publish(session.store, year, startOn ?? today, session.user.id, now, today)
    note(`annual:${year}`, { from: view.publicity?.from, until: view.publicity?.until })
    return view
  },

  'annual.recordApproval': ({ session, now, note }, { year, document, count, rate }) => {
    note(`annual:${year}`, { document, ...(count !== undefined ? { count } : { rate }) })
    return recordApproval(session.store, year, { document, count, rate }, session.user.id, now, localDate(now))
  },

  'annual.recordPriorGrade': ({ session, now, note }, { year, personId, grade }) => {
    note(`person:${personId}`, { year })
    recordPriorGrade(session.store, year, personId, grade, session.user.id, now)
    return { ok: true }
  },

  'annual.addRectificationPlan': ({ session, now, note }, input) => {
    note(`person:${input.personId}`, { startsOn: input.startsOn, endsOn: input.endsOn })
    return { id: addRectificationPlan(session.store, input, session.user.id, now) }
  },

  'annual.published': ({ session, now }, { year }) => publishedView(session.store, year, localDate(now)),

  'annual.object': ({ session, now, note }, { year, personId, text, anonymous }) => {
    // Like any lead: the audit says one was lodged, never its text or who it names.
    note(`annual:${year}`, { objection: true })
    const reporter = anonymous ? null : `${session.user.displayName}（${session.user.username}）`
    return objectDuringPublicity(session.store, { year, personId, text, reporter }, now, localDate(now))
  },

  'annual.mine': ({ session, now }, { year }) => ownResult(session.store, year, session.actor.personId, localDate(now)),
}
