import { createHash } from 'node:crypto'
import { ATTACHMENT_TYPES } from '@shared/ledger'
import { KaoheError } from '@shared/errors'
import type { FileContent } from '@shared/api/types'
import type { Store } from '../../db/store'
import { zipPartHeads } from '../imports/zipCheck'
import { MAX_ATTACHMENT_BYTES, MAX_ENTRY_ATTACHMENT_BYTES } from './limits'

/** An attachment checked and ready to store: decoded bytes, declared type, fingerprint. */
export interface CheckedAttachment {
  fileName: string
  mime: string
  size: number
  sha256: string
  content: Buffer
}

const ALLOWED = Object.keys(ATTACHMENT_TYPES).join(', ')
const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** Bytes a base64 string decodes to, without decoding it (to refuse an oversized file cheaply). */
function decodedLength(b64: string): number {
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0
  return Math.floor((b64.length * 3) / 4) - padding
}

/** The name as the user's system gave it, without any folder part. */
function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop()!.trim()
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase()
}

function startsWith(bytes: Buffer, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)
}

/** More parts than any Word or Excel file of a ledger has; a technical bound, not a rule of RULES.md. */
const MAX_PACKAGE_PARTS = 1000

/** Names of parts no .docx or .xlsx holds: programs, scripts, shortcuts, and macros (those are .docm/.xlsm). */
const EXECUTABLE_NAME = /\.(exe|dll|com|scr|pif|cpl|msi|msp|bat|cmd|ps1|psm1|vbs|vbe|js|jse|wsf|wsh|hta|jar|lnk|sh|app)$|(^|\/)vbaProject\.bin$/i

/** Magic numbers of executables: Windows PE (MZ), ELF, Mach-O, a script's #!. */
function looksExecutable(head: Buffer): boolean {
  const magics = [[0x4d, 0x5a], [0x7f, 0x45, 0x4c, 0x46], [0xcf, 0xfa, 0xed, 0xfe], [0xce, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe], [0x23, 0x21]]
  return magics.some((m) => startsWith(head, m))
}

/**
 * An Office Open XML package, checked as one: a zip whose directory (the list Explorer and Office
 * read) holds [Content_Types].xml and the main part (word/document.xml, xl/workbook.xml), and no
 * part that is a program by name or by content. A zip holding an .exe renamed .xlsx is refused.
 */
function isOfficePackage(bytes: Buffer, mainPart: string): boolean {
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return false
  const parts = zipPartHeads(bytes, MAX_PACKAGE_PARTS)
  if (!parts) return false
  const names = new Set(parts.map((p) => p.name))
  if (!names.has('[Content_Types].xml') || !names.has(mainPart)) return false
  return parts.every((p) => !EXECUTABLE_NAME.test(p.name) && !looksExecutable(p.head))
}

/**
 * Control and invisible format characters in a file name: a right-to-left override makes
 * "invoice\u202Efdp.exe" show as "invoiceexe.pdf"; zero-width and other format characters hide
 * what a name is. No real file name needs them.
 */
const HIDDEN_IN_NAME = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u

/** The name as it may be shown in a message: hidden characters written out as \u202E. */
function visibleName(name: string): string {
  return name.replace(new RegExp(HIDDEN_IN_NAME.source, 'gu'), (c) => `\\u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
}

function isUtf8Text(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/** Whether the content is what its extension says: the extension alone is never trusted. */
function contentMatches(ext: string, bytes: Buffer): boolean {
  switch (ext) {
    case 'pdf':
      return bytes.subarray(0, 5).toString('latin1') === '%PDF-'
    case 'png':
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    case 'jpg':
    case 'jpeg':
      return startsWith(bytes, [0xff, 0xd8, 0xff])
    case 'docx':
      return isOfficePackage(bytes, 'word/document.xml')
    case 'xlsx':
      return isOfficePackage(bytes, 'xl/workbook.xml')
    case 'txt':
      return isUtf8Text(bytes)
    default:
      return false
  }
}

/**
 * Decodes and checks the files of one entry: per-file and per-entry size limits, an allowed
 * extension whose magic bytes match, and a sha256 of the bytes. Throws on the first bad file.
 */
export function checkAttachments(files: readonly FileContent[]): CheckedAttachment[] {
  let total = 0
  return files.map((file) => {
    if (HIDDEN_IN_NAME.test(file.fileName)) throw new KaoheError('ATTACHMENT_NAME_INVALID', { fileName: visibleName(file.fileName) })
    const fileName = baseName(file.fileName)
    const b64 = file.contentBase64.replace(/\s+/g, '')
    if (!BASE64.test(b64) || b64.length % 4 === 1) {
      throw new KaoheError('INVALID_INPUT', { details: `attachments: ${fileName} is not base64` })
    }
    const size = decodedLength(b64)
    if (size > MAX_ATTACHMENT_BYTES) {
      throw new KaoheError('LEDGER_ATTACHMENT_TOO_LARGE', { fileName, sizeMb: mb(size), limitMb: mb(MAX_ATTACHMENT_BYTES) })
    }
    total += size
    if (total > MAX_ENTRY_ATTACHMENT_BYTES) {
      throw new KaoheError('LEDGER_ATTACHMENTS_TOO_LARGE', { limitMb: mb(MAX_ENTRY_ATTACHMENT_BYTES) })
    }
    const content = Buffer.from(b64, 'base64')
    const ext = extensionOf(fileName)
    const mime = ATTACHMENT_TYPES[ext]
    if (!mime || content.length === 0 || !contentMatches(ext, content)) {
      throw new KaoheError('LEDGER_ATTACHMENT_TYPE', { fileName, allowed: ALLOWED })
    }
    return { fileName, mime, size: content.length, sha256: createHash('sha256').update(content).digest('hex'), content }
  })
}

export function storeAttachments(store: Store, entryId: number, files: readonly CheckedAttachment[], now: Date): void {
  const createdAt = now.toISOString()
  for (const f of files) {
    store.run(
      store.qb.insertInto('ledger_attachments').values({
        entry_id: entryId,
        file_name: f.fileName,
        mime: f.mime,
        size: f.size,
        sha256: f.sha256,
        content: f.content,
        created_at: createdAt,
      }),
    )
  }
}

/** One stored attachment with the person its entry concerns (for the access check). */
export interface StoredAttachment {
  id: number
  entryId: number
  personId: number
  fileName: string
  sha256: string
  content: Buffer
}

export function attachmentRow(store: Store, attachmentId: number): StoredAttachment {
  const row = store.first(
    store.qb
      .selectFrom('ledger_attachments as a')
      .innerJoin('ledger_entries as e', 'e.id', 'a.entry_id')
      .select(['a.id', 'a.entry_id', 'e.person_id', 'a.file_name', 'a.sha256', 'a.content'])
      .where('a.id', '=', attachmentId),
  )
  if (!row) throw new KaoheError('NOT_FOUND', { what: '台账附件 ledger attachment', id: attachmentId })
  return { id: row.id, entryId: row.entry_id, personId: row.person_id, fileName: row.file_name, sha256: row.sha256, content: row.content }
}
