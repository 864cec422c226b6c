import { scopeOf } from '../../core/access/relations'
import { addLedgerEntry, attachmentRow, entryPersonId, entryView, exportLedger, listLedger, voidLedgerEntry } from '../../core/ledger'
import { prepared, type HandlersFor } from '../router'

/** 台账. Audit entries name ids, kinds and counts, never an entry's text or a file's bytes. */
export const ledgerHandlers: HandlersFor<'ledger'> = {
  'ledger.list': ({ session }, input) => listLedger(session.store, scopeOf(session.store, session.actor, 'ledger.read'), input),

  'ledger.add': ({ session, now, note }, input) => {
    const entry = addLedgerEntry(session.store, input, { actorId: session.user.id, now })
    note(`ledgerEntry:${entry.id}`, {
      personId: entry.personId,
      day: entry.day,
      kind: entry.kind,
      attachments: entry.attachments.length,
      attachmentBytes: entry.attachments.reduce((n, a) => n + a.size, 0),
    })
    return entry
  },

  'ledger.void': ({ session, now, note, requireFor }, { entryId, reason }) => {
    const personId = entryPersonId(session.store, entryId)
    note(`ledgerEntry:${entryId}`, { personId })
    requireFor('ledger.write', personId)
    voidLedgerEntry(session.store, entryId, reason, { actorId: session.user.id, now })
    return entryView(session.store, entryId)
  },

  'ledger.attachment': ({ session, note, requireFor }, { attachmentId }) => {
    const file = attachmentRow(session.store, attachmentId)
    note(`ledgerAttachment:${attachmentId}`, { personId: file.personId })
    requireFor('ledger.read', file.personId)
    return { fileName: file.fileName, contentBase64: file.content.toString('base64') }
  },

  'ledger.export': prepared({
    prepare: ({ session, now }, filter) => exportLedger(session.store, scopeOf(session.store, session.actor, 'ledger.read'), filter, now),
    run: ({ note }, filter, result) => {
      note('ledger', {
        personId: filter.personId ?? null,
        kinds: filter.kinds ?? null,
        from: filter.from ?? null,
        to: filter.to ?? null,
        textFilter: Boolean(filter.text),
        includeVoided: filter.includeVoided,
        rows: result.rows,
      })
      return result.file
    },
  }),
}
