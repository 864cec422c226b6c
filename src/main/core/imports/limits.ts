/**
 * The policy's limits on imported files (policy section `imports`), and the sentence that names a
 * limit a file exceeds. Every import checks them before it turns a byte into a string: a hostile
 * spreadsheet (one cell of 60 million characters, a zip bomb, a million rows) is refused with the
 * limit and the value found, never by running out of memory.
 */
import { localDate } from '@shared/dates'
import type { Store } from '../../db/store'
import { DEFAULT_POLICY, type ImportsPolicy } from '../policy/defaults'
import { policyInForce } from '../policy/inForce'

export type ImportLimits = ImportsPolicy
export type ImportLimitName = keyof ImportsPolicy

/** The shipped limits, for callers that read a file without a unit (tests, the template check). */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = DEFAULT_POLICY.imports

/** The limits of the policy in force for the year of `now`. */
export function importLimitsInForce(store: Store, now: Date): ImportLimits {
  return policyInForce(store, Number(localDate(now).slice(0, 4))).policy.imports
}

/** A limit a file exceeds: which, its value, what the file has (at least), and where. */
export interface LimitExceeded {
  limit: ImportLimitName
  max: number
  found: number
  /** The zip entry (xl/worksheets/sheet1.xml) or '' for the file as a whole. */
  part: string
  /** The row (1-based) at fault when one is; 0 otherwise. */
  row: number
}

const LIMIT_NAMES: Record<ImportLimitName, { zh: string; en: string }> = {
  maxFileBytes: { zh: '文件大小（字节）', en: 'file size in bytes' },
  maxZipEntries: { zh: '工作簿内部文件数', en: 'number of parts inside the workbook' },
  maxEntryUncompressedBytes: { zh: '单个内部文件解压后大小（字节）', en: 'uncompressed size of one part, in bytes' },
  maxTotalUncompressedBytes: { zh: '解压后总大小（字节）', en: 'total uncompressed size, in bytes' },
  maxCompressionRatio: { zh: '压缩比', en: 'compression ratio' },
  maxRows: { zh: '行数', en: 'number of rows' },
  maxCells: { zh: '单元格数', en: 'number of cells' },
  maxCellChars: { zh: '单个单元格字符数', en: 'characters in one cell' },
}

/** "The file exceeds the import limit …: at most M, this file has F", in both languages. */
export function limitText(e: LimitExceeded): { zh: string; en: string } {
  const name = LIMIT_NAMES[e.limit]
  const found = Number.isInteger(e.found) ? String(e.found) : e.found.toFixed(1)
  const zhWhere = `${e.part ? `（${e.part}）` : ''}${e.row ? `第 ${e.row} 行` : ''}`
  const enWhere = `${e.part ? ` in ${e.part}` : ''}${e.row ? ` at row ${e.row}` : ''}`
  return {
    zh: `文件超出导入限制：${name.zh}上限为 ${e.max}（政策 imports.${e.limit}），此文件${zhWhere}达到 ${found}，未读取任何数据`,
    en: `The file exceeds an import limit: the ${name.en} is at most ${e.max} (policy imports.${e.limit}); this file has ${found}${enWhere}. Nothing was read`,
  }
}
