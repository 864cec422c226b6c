import { createHash } from 'node:crypto'
import { KaoheError } from '@shared/errors'
import { localDate } from '@shared/dates'
import {
  applyImport,
  listPackages,
  prepareImport,
  previewImport,
  receiptFor,
  recordSealed,
  sealDownward,
  sealResults,
  storedOut,
  verifyPackage,
} from '../../core/bundles/exchange'
import { officeSecrets, ownOfficeRef } from '../../core/bundles/officeKeys'
import { buildResultsPayload, type ResultsPayload } from '../../core/bundles/payloads'
import { consolidated, consolidatedWorkbook, receivedPayload } from '../../core/bundles/superior'
import { filingReportPdf, filingRosterWorkbook } from '../../core/bundles/filing'
import { fileBytes } from '../../core/imports/files'
import { prepared, type CallContext, type HandlersFor } from '../router'

/**
 * Sealed packages (issue 11). Thin: the rules are core/bundles'. Sealing and opening (age) run in
 * `prepare`; every write runs in `run`, inside the router's one transaction. The audit entry names
 * the package id, kind, peer, sequence and manifest hash — never the payload.
 */

function secretsOf(ctx: CallContext) {
  const s = ctx.session
  return officeSecrets(s.store, { userId: s.user.id, ...s.keys })
}

const sha = (b: Uint8Array | Buffer): string => createHash('sha256').update(b).digest('hex')

/** The payload the 备案 documents are made from: own (unit) or received (superior). */
function filingPayload(ctx: CallContext, year: number, unitUid: string | undefined): ResultsPayload {
  const store = ctx.session.store
  const self = ownOfficeRef(store)
  if (self.kind === 'unit') return buildResultsPayload(store, year, self, localDate(ctx.now))
  if (!unitUid) throw new KaoheError('INVALID_INPUT', { details: '上级机关须指明单位 / the superior names the unit (unitUid)' })
  const p = receivedPayload(store, unitUid, year)
  if (!p) throw new KaoheError('PACKAGE_NOT_FOUND', { packageId: `${unitUid}/${year}`, what: '该单位该年度的上报结果', whatEn: 'results of that unit and year' })
  return p
}

export const bundlesHandlers: HandlersFor<'bundles'> = {
  'bundles.exportResults': prepared({
    prepare: async (ctx, { year }) => sealResults(ctx.session.store, secretsOf(ctx), year, ctx.now),
    run: ({ session, now, note }, { year }, sealed) => {
      const e = recordSealed(session.store, sealed, session.user.id, now)
      note(`package:${e.packageId}`, { kind: 'results', year, to: e.recipient.uid, sequence: e.sequence, manifestSha256: e.manifestSha256, bytes: e.bytes })
      return e
    },
  }),

  'bundles.exportDownward': prepared({
    prepare: async (ctx, input) => sealDownward(ctx.session.store, secretsOf(ctx), input, ctx.now),
    run: ({ session, now, note }, input, sealed) => {
      const e = recordSealed(session.store, sealed, session.user.id, now)
      note(`package:${e.packageId}`, { kind: input.kind, year: input.year, to: e.recipient.uid, sequence: e.sequence, manifestSha256: e.manifestSha256, bytes: e.bytes })
      return e
    },
  }),

  'bundles.exportReceipt': ({ session, note }, { packageId }) => {
    const e = receiptFor(session.store, packageId)
    note(`package:${packageId}`, { receipt: e.packageId })
    return e
  },

  'bundles.resend': ({ session, note }, { packageId }) => {
    const e = storedOut(session.store, packageId)
    note(`package:${packageId}`, { resent: true, bytes: e.bytes })
    return e
  },

  'bundles.verify': prepared({
    prepare: async (ctx, { file }) => verifyPackage(ctx.session.store, secretsOf(ctx), fileBytes(file)),
    run: ({ note }, _input, v) => {
      note(v.packageId ? `package:${v.packageId}` : null, { verify: true, ok: v.ok, failed: v.failed, bytes: v.bytes })
      return v
    },
  }),

  'bundles.preview': prepared({
    prepare: async (ctx, { file }) => previewImport(ctx.session.store, secretsOf(ctx), fileBytes(file), ctx.now),
    run: ({ note }, _input, v) => {
      note(v.packageId ? `package:${v.packageId}` : null, { dryRun: true, ok: v.ok, failed: v.failed, changes: v.changes.length })
      return v
    },
  }),

  'bundles.import': prepared({
    prepare: async (ctx, { file }) => prepareImport(ctx.session.store, secretsOf(ctx), fileBytes(file), ctx.now),
    run: ({ session, note }, { file }, p) => {
      const r = applyImport(session.store, p, session.user.id)
      note(`package:${r.packageId}`, {
        kind: r.kind,
        from: r.sender.uid,
        sequence: p.opened.manifest.sequence,
        manifestSha256: p.opened.manifestSha256,
        fileSha256: sha(fileBytes(file)),
        alreadyImported: r.alreadyImported,
        receipt: r.receipt?.packageId ?? null,
      })
      return r
    },
  }),

  'bundles.list': ({ session }, filter) => listPackages(session.store, filter),

  'bundles.consolidated': ({ session, note }, { year, unitUid }) => {
    const v = consolidated(session.store, year, unitUid)
    note(`consolidated:${year}`, { units: v.units.length })
    return v
  },

  'bundles.exportConsolidated': prepared({
    prepare: async ({ session, now }, { year }) => {
      const v = consolidated(session.store, year)
      return { v, file: await consolidatedWorkbook(v, ownOfficeRef(session.store).name, now) }
    },
    run: ({ note }, { year }, { v, file }) => {
      note(`consolidated:${year}`, { rows: v.rows.length, bytes: file.byteLength, sha256: sha(file) })
      return { fileName: `${year}年度考核结果汇总.xlsx`, contentBase64: file.toString('base64'), rows: v.rows.length }
    },
  }),

  'bundles.filingReport': prepared({
    prepare: async (ctx, { year, unitUid }) => {
      const p = filingPayload(ctx, year, unitUid)
      return { p, file: await filingReportPdf(p) }
    },
    run: ({ note }, { year }, { p, file }) => {
      note(`filing:${p.unit.uid}:${year}`, { bytes: file.byteLength, sha256: sha(file) })
      return { fileName: `${p.unit.name}${year}年度考核备案报告.pdf`, contentBase64: file.toString('base64') }
    },
  }),

  'bundles.filingRoster': prepared({
    prepare: async (ctx, { year, unitUid }) => {
      const p = filingPayload(ctx, year, unitUid)
      return { p, file: await filingRosterWorkbook(p, ctx.now) }
    },
    run: ({ note }, { year }, { p, file }) => {
      note(`roster:${p.unit.uid}:${year}`, { rows: p.people.length, bytes: file.byteLength, sha256: sha(file) })
      return { fileName: `${p.unit.name}${year}年度机关公务员年度考核花名册.xlsx`, contentBase64: file.toString('base64'), rows: p.people.length }
    },
  }),
}
