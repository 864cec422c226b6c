import { localDate } from '@shared/dates'
import { KaoheError } from '@shared/errors'
import type { RegisterPart } from '@shared/register'
import { scopeOf } from '../../core/access/relations'
import { editableParts, registerForm, registerList, registerPeople, savePart, type PartInput } from '../../core/register'
import { registerPdf } from '../../core/register/pdf'
import { prepared, type CallContext, type HandlersFor } from '../router'

/**
 * 《公务员年度考核登记表》 (issue 10, item 1b). Thin: the rules are core/register's. The audit entry
 * names the person, the year, the part and whether it was submitted — never the text (the router's
 * text rule records its length and digest).
 */
function save(ctx: CallContext, input: PartInput) {
  const { session, now, note } = ctx
  note(`person:${input.personId}`, { year: input.year, part: input.part, submit: input.submit })
  return savePart(session.store, input, { userId: session.user.id, personId: session.actor.personId }, now, localDate(now))
}

function formsFor(ctx: Pick<CallContext, 'session' | 'now'>, year: number, ids: readonly number[]) {
  const today = localDate(ctx.now)
  return ids.map((id) => registerForm(ctx.session.store, year, id, today, [] as RegisterPart[]))
}

export const registerHandlers: HandlersFor<'register'> = {
  'register.get': ({ session, now }, { year, personId }) => {
    const today = localDate(now)
    return registerForm(session.store, year, personId, today, editableParts(session.store, session.actor, year, personId, today))
  },

  'register.mine': ({ session, now }, { year }) => {
    const personId = session.actor.personId
    if (personId === null) return null
    const today = localDate(now)
    return registerForm(session.store, year, personId, today, editableParts(session.store, session.actor, year, personId, today))
  },

  'register.list': ({ session, now }, { year }) => registerList(session.store, year, scopeOf(session.store, session.actor, 'register.read'), localDate(now)),

  'register.saveOwn': (ctx, input) => save(ctx, input),
  'register.saveSupervisor': (ctx, { year, personId, text, suggestedGrade, submit }) => save(ctx, { year, personId, part: 'supervisor', text, suggestedGrade, submit }),
  'register.saveHead': (ctx, { year, personId, text, submit }) => save(ctx, { year, personId, part: 'head', text, submit }),
  'register.saveCommittee': (ctx, { year, personId, text, submit }) => save(ctx, { year, personId, part: 'committee', text, submit }),
  'register.saveHr': (ctx, input) => save(ctx, input),

  'register.print': prepared({
    prepare: async (ctx, { year, personId }) => {
      const forms = formsFor(ctx, year, [personId])
      return { ...(await registerPdf(forms, { onProgress: ctx.state.onProgress })), staffNo: forms[0]!.staffNo, name: forms[0]!.name }
    },
    run: ({ note }, { year, personId }, { pdf, pages, staffNo, name }) => {
      note(`person:${personId}`, { year, pages })
      return { fileName: `公务员年度考核登记表-${year}-${staffNo}-${name}.pdf`, contentBase64: pdf.toString('base64'), pages, people: 1 }
    },
  }),

  'register.printAll': prepared({
    prepare: async (ctx, { year }) => {
      const forms = formsFor(ctx, year, registerPeople(ctx.session.store, year, 'all'))
      if (!forms.length) throw new KaoheError('REGISTER_NOBODY', { year })
      return { ...(await registerPdf(forms, { onProgress: ctx.state.onProgress })), people: forms.length }
    },
    run: ({ note }, { year }, { pdf, pages, people }) => {
      note(`register:${year}`, { people, pages })
      return { fileName: `公务员年度考核登记表-${year}-全部.pdf`, contentBase64: pdf.toString('base64'), pages, people }
    },
  }),
}
