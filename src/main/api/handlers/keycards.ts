import { KaoheError } from '@shared/errors'
import { currentCard, officeSecrets, ownOfficeView, revokeOwn, rotateOwn } from '../../core/bundles/officeKeys'
import { importCard, inspectCard, listOffices, revokePeer } from '../../core/bundles/offices'
import { cardFingerprint } from '../../core/bundles/format/keyCard'
import { registrationFormPdf } from '../../core/bundles/registrationForm'
import { fileBytes } from '../../core/imports/files'
import { prepared, type CallContext, type HandlersFor } from '../router'

/**
 * Key cards and registered offices (issue 11). Thin: the rules are core/bundles/officeKeys and
 * offices. Audit entries name office uids, key ids and fingerprints — never a private key.
 */

const holder = (ctx: CallContext) => ({ userId: ctx.session.user.id, ...ctx.session.keys })

function card(ctx: CallContext) {
  const c = currentCard(ctx.session.store)
  if (!c) throw new KaoheError('KEYCARD_NO_KEYS', { action: '导出密钥卡', actionEn: 'export the key card' })
  return { ...c, fingerprint: cardFingerprint(c.card) }
}

export const keycardsHandlers: HandlersFor<'keycards'> = {
  'keycards.own': (ctx) => ownOfficeView(ctx.session.store, holder(ctx)),

  'keycards.exportCard': (ctx) => {
    const c = card(ctx)
    ctx.note(`key:${c.card.keyId}`, { fingerprint: c.fingerprint })
    return {
      fileName: `密钥卡-${c.card.office.code}-${c.card.keyId}.json`,
      contentBase64: Buffer.from(c.bytes).toString('base64'),
      fingerprint: c.fingerprint,
      keyId: c.card.keyId,
    }
  },

  'keycards.registrationForm': prepared({
    prepare: async (ctx) => {
      const c = card(ctx)
      const pdf = await registrationFormPdf({ office: c.card.office, keyId: c.card.keyId, createdAt: c.card.createdAt, fingerprint: c.fingerprint })
      return { c, pdf }
    },
    run: ({ note }, _input, { c, pdf }) => {
      note(`key:${c.card.keyId}`, { fingerprint: c.fingerprint, form: true })
      return { fileName: `密钥登记表-${c.card.office.code}-${c.card.keyId}.pdf`, contentBase64: pdf.toString('base64') }
    },
  }),

  'keycards.inspect': (ctx, { file }) => inspectCard(ctx.session.store, fileBytes(file)),

  'keycards.import': ({ session, now, note }, { file, fingerprint }) => {
    const { office, card: c } = importCard(session.store, fileBytes(file), fingerprint, session.user.id, now)
    note(`office:${office.uid}`, { code: office.code, kind: office.kind, keyId: c.keyId, fingerprint: c.fingerprint, effect: c.effect, revokes: c.revokesKeyId })
    return office
  },

  'keycards.offices': (ctx) => listOffices(ctx.session.store),

  'keycards.rotate': (ctx, { reason }) => {
    const s = ctx.session
    const keyId = rotateOwn(s.store, officeSecrets(s.store, holder(ctx)), reason, ctx.now)
    ctx.note(`key:${keyId}`, { rotated: true }) // the reason is kept with the key, not in the audit log
    return ownOfficeView(s.store, holder(ctx))
  },

  'keycards.revokeOwn': (ctx, { reason }) => {
    const s = ctx.session
    const keyId = revokeOwn(s.store, officeSecrets(s.store, holder(ctx)), reason, ctx.now)
    ctx.note(`key:${keyId}`, { revokedOwn: true })
    return ownOfficeView(s.store, holder(ctx))
  },

  'keycards.revokePeer': ({ session, now, note }, { officeUid, keyId, reason }) => {
    const office = revokePeer(session.store, officeUid, keyId, reason, now)
    note(`office:${officeUid}`, { keyId, revoked: true })
    return office
  },
}
