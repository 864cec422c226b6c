import { KaoheError } from '@shared/errors'
import { localDate } from '@shared/dates'
import type { Session } from '../../core/auth/session'
import { integrityOutcomes } from '../../core/integrity/inputs'
import { lodgeLead, listLeads, updateLead } from '../../core/integrity/leads'
import { listReviews, recordReview } from '../../core/integrity/reviews'
import { addSanction, closeInvestigation, endSanction, listSanctions, openInvestigation } from '../../core/integrity/sanctions'
import { requireT3, type T3Reader } from '../../core/integrity/t3'
import type { HandlersFor } from '../router'

/**
 * The discipline office's records (issue 9 items 3–4): reviews, sanctions, investigations, leads.
 * Thin: the rules are in core/integrity. T3 text is sealed there with the session's T3 key; audit
 * entries name the person or record, never the text (the router audits every T3 read).
 */
const reader = (session: Session): T3Reader => ({ userId: session.user.id, key: session.t3Key, keys: session.keys })

export const integrityHandlers: HandlersFor<'integrity'> = {
  'integrity.reviews': ({ session, note }, { year }) => {
    requireT3(session.t3Key)
    note(`year:${year}`)
    return listReviews(session.store, year, reader(session))
  },

  'integrity.recordReview': ({ session, now, note }, input) => {
    const key = requireT3(session.t3Key)
    note(`person:${input.personId}`, { year: input.year, status: input.status })
    return recordReview(session.store, key, input, reader(session), session.user.id, now)
  },

  'integrity.outcomes': ({ session, note }, { year }) => {
    note(`year:${year}`)
    return integrityOutcomes(session.store, year)
  },

  'integrity.sanctions': ({ session, now }, { year }) => {
    requireT3(session.t3Key)
    return listSanctions(session.store, year, reader(session), year ?? Number(localDate(now).slice(0, 4)))
  },

  'integrity.addSanction': ({ session, now, note }, input) => {
    const key = requireT3(session.t3Key)
    note(`person:${input.personId}`, { decidedOn: input.decidedOn })
    return addSanction(session.store, key, input, reader(session), session.user.id, now)
  },

  'integrity.endSanction': ({ session, note }, input) => {
    requireT3(session.t3Key)
    note(`sanction:${input.id}`, { effectiveTo: input.effectiveTo })
    return endSanction(session.store, input, reader(session))
  },

  'integrity.openInvestigation': ({ session, now, note }, input) => {
    const key = requireT3(session.t3Key)
    note(`person:${input.personId}`, { openedOn: input.openedOn })
    return openInvestigation(session.store, key, input, reader(session), session.user.id, now)
  },

  'integrity.closeInvestigation': ({ session, note }, input) => {
    requireT3(session.t3Key)
    note(`investigation:${input.id}`, { closedOn: input.closedOn })
    return closeInvestigation(session.store, input, reader(session))
  },

  'leads.lodge': ({ session, now }, { text, namedPersonId, anonymous }) => {
    // The reporter's identity is T3 like the text; the audit entry says only that a lead was lodged.
    const who = anonymous ? null : `${session.user.displayName}（${session.user.username}）`
    return lodgeLead(session.store, { channel: 'signedIn', text, ...(namedPersonId !== undefined ? { namedPersonId } : {}), reporter: who }, now)
  },

  'leads.lodgeAtKiosk': ({ session, now }, { text, namedPersonId }) => {
    if (!session.kiosk) throw new KaoheError('KIOSK_NOT_ACTIVE')
    return lodgeLead(session.store, { channel: 'kiosk', text, ...(namedPersonId !== undefined ? { namedPersonId } : {}), reporter: null }, now)
  },

  'leads.list': ({ session }, { status }) => {
    requireT3(session.t3Key)
    return listLeads(session.store, reader(session), session.actor.personId, status)
  },

  'leads.update': ({ session, now, note }, input) => {
    const key = requireT3(session.t3Key)
    note(`lead:${input.id}`, { status: input.status })
    return updateLead(session.store, key, input, reader(session), session.actor.personId, now)
  },
}
