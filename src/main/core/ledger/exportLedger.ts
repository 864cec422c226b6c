import ExcelJS from 'exceljs'
import { LEDGER_KIND_LABELS } from '@shared/ledger'
import type { FileContent, LedgerEntryView } from '@shared/api/types'
import { localDate } from '@shared/dates'
import { KaoheError } from '@shared/errors'
import type { Store } from '../../db/store'
import { entryViews } from './entryViews'
import { MAX_EXPORT_ROWS } from './limits'
import { pageKeys, type LedgerCursor, type LedgerFilter, type LedgerScope } from './listLedger'

const BATCH = 1000

const COLUMNS = [
  { header: '日期', key: 'day', width: 12 },
  { header: '姓名', key: 'name', width: 10 },
  { header: '工号', key: 'staffNo', width: 10 },
  { header: '类型', key: 'kind', width: 14 },
  { header: '内容', key: 'text', width: 60 },
  { header: '关联任务', key: 'taskRef', width: 16 },
  { header: '进度', key: 'progress', width: 8 },
  { header: '记录人', key: 'author', width: 10 },
  { header: '状态', key: 'status', width: 30 },
] as const

/** The ids of every entry the filters and the scope select, newest first, or an error past the cap. */
function allIds(store: Store, scope: LedgerScope, filter: LedgerFilter): number[] {
  const ids: number[] = []
  let after: LedgerCursor | undefined
  for (;;) {
    const { keys, resumeAt } = pageKeys(store, scope, filter, after, BATCH)
    ids.push(...keys.slice(0, BATCH).map((k) => k.id))
    if (ids.length > MAX_EXPORT_ROWS) throw new KaoheError('LEDGER_EXPORT_TOO_LARGE', { limit: MAX_EXPORT_ROWS })
    const next = keys.length > BATCH ? keys[BATCH - 1] : resumeAt
    if (!next) return ids
    after = next
  }
}

function statusOf(e: LedgerEntryView): string {
  return e.voided ? `已作废：${e.voided.reason}` : '有效'
}

/**
 * The ledger as an Excel workbook: the list's filters and scope, every matching entry, newest
 * first, voided ones (when included) greyed, struck through and marked in 状态.
 */
export async function exportLedger(store: Store, scope: LedgerScope, filter: LedgerFilter, now: Date): Promise<{ file: FileContent; rows: number }> {
  const ids = allIds(store, scope, filter)
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Kaohe 考核台'
  wb.created = now
  const ws = wb.addWorksheet('台账', { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] })
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }))
  ws.getRow(1).font = { bold: true }
  for (let i = 0; i < ids.length; i += BATCH) {
    for (const e of entryViews(store, ids.slice(i, i + BATCH))) {
      const row = ws.addRow({
        day: e.day,
        name: e.personName,
        staffNo: e.staffNo,
        kind: LEDGER_KIND_LABELS[e.kind]?.zh ?? e.kind,
        text: e.text,
        taskRef: e.taskRef,
        progress: e.progress,
        author: e.author,
        status: statusOf(e),
      })
      row.getCell('text').alignment = { wrapText: true, vertical: 'top' }
      if (e.voided) row.font = { color: { argb: 'FF888888' }, strike: true }
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } }
  const bytes = Buffer.from(await wb.xlsx.writeBuffer())
  return { file: { fileName: `台账-${localDate(now)}.xlsx`, contentBase64: bytes.toString('base64') }, rows: ids.length }
}
