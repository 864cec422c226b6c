import { ATTACHMENT_LIMITS, ATTACHMENT_TYPES } from '@shared/ledger'
import { formatBytes } from '../../format'

/**
 * The attachment limits main enforces (shared), so a wrong file is refused before it is read and
 * sent. Main checks again, and also checks that the content matches the extension.
 */
export const ATTACHMENT_EACH_MB = ATTACHMENT_LIMITS.eachMb
export const ATTACHMENT_TOTAL_MB = ATTACHMENT_LIMITS.totalMb
export const ATTACHMENT_MAX_FILES = ATTACHMENT_LIMITS.maxFiles
const MB = 1024 * 1024

export const ATTACHMENT_EXTENSIONS = Object.keys(ATTACHMENT_TYPES)
export const ATTACHMENT_ACCEPT = ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(',')

export type AttachmentProblem =
  | { key: 'ledger.fileType'; params: { name: string; types: string } }
  | { key: 'ledger.fileTooLarge'; params: { name: string; size: string; each: number } }
  | { key: 'ledger.filesTooLarge'; params: { size: string; total: number } }
  | { key: 'ledger.tooManyFiles'; params: { max: number } }

/** What is wrong with these files as attachments of one entry (empty when they are fine). */
export function checkAttachments(files: readonly File[]): AttachmentProblem[] {
  const out: AttachmentProblem[] = []
  if (files.length > ATTACHMENT_MAX_FILES) out.push({ key: 'ledger.tooManyFiles', params: { max: ATTACHMENT_MAX_FILES } })
  let total = 0
  for (const f of files) {
    total += f.size
    const ext = f.name.includes('.') ? (f.name.split('.').pop() ?? '').toLowerCase() : ''
    if (!ATTACHMENT_EXTENSIONS.includes(ext)) {
      out.push({ key: 'ledger.fileType', params: { name: f.name, types: ATTACHMENT_EXTENSIONS.join(', ') } })
    } else if (f.size > ATTACHMENT_EACH_MB * MB) {
      out.push({ key: 'ledger.fileTooLarge', params: { name: f.name, size: formatBytes(f.size), each: ATTACHMENT_EACH_MB } })
    }
  }
  if (total > ATTACHMENT_TOTAL_MB * MB) out.push({ key: 'ledger.filesTooLarge', params: { size: formatBytes(total), total: ATTACHMENT_TOTAL_MB } })
  return out
}
