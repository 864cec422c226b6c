/** 台账 (the ledger): entries about a person, with attachments, voided never deleted. */
export { addLedgerEntry, type NewLedgerEntry, type EntryAuthor } from './addEntry'
export { voidLedgerEntry, voidRefusal, entryPersonId, type VoidableFacts } from './voidEntry'
export { countLedger, listLedger, pageKeys, type LedgerFilter, type LedgerPageRequest, type LedgerScope, type LedgerCursor } from './listLedger'
export { exportLedger } from './exportLedger'
export { attachmentRow, checkAttachments, type CheckedAttachment, type StoredAttachment } from './attachments'
export { entryView, entryViews } from './entryViews'
export * from './limits'
