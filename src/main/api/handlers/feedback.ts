import { localDate } from '@shared/dates'
import { KaoheError } from '@shared/errors'
import { scopeOf } from '../../core/access/relations'
import {
  confirmAccount,
  findByCode,
  formPerson,
  formView,
  generateForms,
  listForms,
  reassignInterviewer,
  refuseForm,
  reissueForm,
  requireParty,
  saveText,
  signForm,
  verifyForm,
  type SealAudit,
  type Viewer,
} from '../../core/feedback'
import { feedbackPdf } from '../../core/feedback/pdf'
import type { Session } from '../../core/auth/session'
import type { AuditRow } from '../../core/audit/chain'
import { prepared, type CallContext, type HandlersFor } from '../router'

/**
 * 绩效反馈表 (issue 10). Thin: the rules are core/feedback's. Audit entries name the form, its
 * version and — when sealed — the seal's SHA-256 (verification compares it with the form); never
 * the interviewer's text, a score or a password.
 */

function viewer(ctx: CallContext): Viewer {
  return { personId: ctx.session.actor.personId, isHr: ctx.session.roles.includes('hr') }
}

/** The person of the form, their supervisor chain, HR and the leadership group — and its interviewer. */
function requireReader(ctx: CallContext, formId: number): void {
  const { personId, interviewerId } = formPerson(ctx.session.store, formId)
  if (ctx.session.actor.personId !== null && ctx.session.actor.personId === interviewerId) return
  ctx.requireFor('feedback.read', personId)
}

/** The seal entries of a form in the audit chain, each with whether its MAC holds. */
function sealAudit(session: Session): SealAudit {
  const keyedFrom = session.keyFile.auditState?.keyedFrom ?? 1
  return (formId) => {
    const rows = session.store.raw.prepare("SELECT * FROM audit_log WHERE target = ? AND outcome = 'ok' ORDER BY seq").all(`feedback:${formId}`) as AuditRow[]
    const found: { sha256: string; macOk: boolean; seq: number }[] = []
    for (const row of rows) {
      let detail: Record<string, unknown> = {}
      try {
        detail = JSON.parse(row.detail) as Record<string, unknown>
      } catch {
        found.push({ sha256: '', macOk: false, seq: row.seq })
        continue
      }
      if (typeof detail.sha256 !== 'string') continue
      found.push({ sha256: detail.sha256, macOk: session.audit.hashOk(row, keyedFrom), seq: row.seq })
    }
    return found
  }
}

export const feedbackHandlers: HandlersFor<'feedback'> = {
  'feedback.list': ({ session }, { year, personId }) => {
    const scope = scopeOf(session.store, session.actor, 'feedback.read')
    const rows = listForms(session.store, year, scope, { interviewerId: session.actor.personId })
    return personId === undefined ? rows : rows.filter((r) => r.personId === personId)
  },

  'feedback.show': (ctx, { formId }) => {
    requireReader(ctx, formId)
    return formView(ctx.session.store, formId, viewer(ctx))
  },

  'feedback.print': prepared({
    prepare: async (ctx, { formId }) => {
      requireReader(ctx, formId)
      const form = formView(ctx.session.store, formId, viewer(ctx))
      return { form, pdf: await feedbackPdf(form) }
    },
    run: ({ note }, { formId }, { form, pdf }) => {
      note(`feedback:${formId}`, { version: form.version, printed: true })
      return { fileName: `绩效反馈表-${form.content.year}-${form.content.person.staffNo}-第${form.version}版.pdf`, contentBase64: pdf.toString('base64'), verificationCode: form.verificationCode }
    },
  }),

  'feedback.verify': (ctx, { code }) => {
    const row = findByCode(ctx.session.store, code)
    if (row && !(ctx.session.actor.personId !== null && ctx.session.actor.personId === row.interviewer_id)) ctx.requireFor('feedback.read', row.person_id)
    const result = verifyForm(ctx.session.store, code, row, sealAudit(ctx.session), viewer(ctx))
    ctx.note(row ? `feedback:${row.id}` : null, { state: result.state })
    return result
  },

  'feedback.generate': ({ session, now, note }, { year }) => {
    const report = generateForms(session.store, year, { userId: session.user.id, personId: session.actor.personId }, now)
    note(`feedback:${year}`, { created: report.created, existing: report.existing, withoutInterviewer: report.withoutInterviewer.length })
    return report
  },

  'feedback.reassign': (ctx, { formId, interviewerId }) => {
    reassignInterviewer(ctx.session.store, formId, interviewerId)
    ctx.note(`feedback:${formId}`, { interviewerId })
    return formView(ctx.session.store, formId, viewer(ctx))
  },

  'feedback.reissue': ({ session, now, note }, input) => {
    const out = reissueForm(session.store, input, session.user.id, now)
    note(`feedback:${out.formId}`, { personId: input.personId, year: input.year, version: out.version })
    return out
  },

  'feedback.saveText': (ctx, { formId, ...text }) => {
    saveText(ctx.session.store, formId, text, ctx.session.actor.personId, localDate(ctx.now))
    ctx.note(`feedback:${formId}`, { chars: text.strengths.length + text.weaknesses.length + text.improvements.length })
    return formView(ctx.session.store, formId, viewer(ctx))
  },

  'feedback.sign': (ctx, { formId, as, username, password, signaturePng }) => {
    const { session, now } = ctx
    // Whose session it is is checked before any password is tried: only the form's two parties sign.
    const row = session.store.first(session.store.qb.selectFrom('feedback_forms').selectAll().where('id', '=', formId))
    if (!row) throw new KaoheError('NOT_FOUND', { what: '反馈表 feedback form', id: formId })
    requireParty(row, session.actor.personId)
    ctx.note(`feedback:${formId}`, { as, version: row.version })
    const signer = confirmAccount(session.store, session.keyFile, username ?? session.user.username, password, now)
    const out = signForm(session.store, { formId, as, signaturePng }, signer, session.actor.personId, now)
    ctx.note(`feedback:${formId}`, { formId, as, version: row.version, signer: signer.userId, drawn: signaturePng !== undefined && signaturePng !== '', ...(out.seal ? { sha256: out.seal.sha256 } : {}) })
    return formView(session.store, formId, viewer(ctx))
  },

  'feedback.refuse': (ctx, { formId, note, witnessUsername, witnessPassword }) => {
    const { session, now } = ctx
    const row = session.store.first(session.store.qb.selectFrom('feedback_forms').selectAll().where('id', '=', formId))
    if (!row) throw new KaoheError('NOT_FOUND', { what: '反馈表 feedback form', id: formId })
    requireParty(row, session.actor.personId)
    ctx.note(`feedback:${formId}`, { version: row.version })
    const witness = confirmAccount(session.store, session.keyFile, witnessUsername, witnessPassword, now)
    const out = refuseForm(session.store, { formId, note }, witness, session.actor.personId, now)
    ctx.note(`feedback:${formId}`, { formId, version: row.version, witness: witness.userId, refused: true, sha256: out.seal.sha256 })
    return formView(session.store, formId, viewer(ctx))
  },
}
