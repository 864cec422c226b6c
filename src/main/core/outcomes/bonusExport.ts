import ExcelJS from 'exceljs'
import type { BonusTable } from '@shared/outcomes'

const MONEY = '#,##0.00'

/**
 * The bonus table as an Excel workbook (zh headers): one row per person — grade, coefficient,
 * base, amount in yuan (fen / 100, exact to the fen) or the reason there is none — then the total,
 * the budget and the difference.
 */
export async function bonusWorkbook(t: BonusTable, unitName: string, now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Kaohe 考核台'
  wb.created = now
  const ws = wb.addWorksheet(`${t.year}年度奖金`, { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] })
  ws.mergeCells('A1:I1')
  ws.getCell('A1').value = `${unitName} ${t.year} 年度考核奖金表`
  ws.getCell('A1').font = { bold: true, size: 14 }
  const headers = ['序号', '工号', '姓名', '科室', '考核等次', '系数（%）', '基数（元）', '奖金（元）', '说明']
  const head = ws.getRow(2)
  headers.forEach((h, i) => (head.getCell(i + 1).value = h))
  head.font = { bold: true }
  ;[6, 10, 10, 14, 10, 10, 14, 14, 36].forEach((w, i) => (ws.getColumn(i + 1).width = w))
  const base = t.baseFen === null ? null : t.baseFen / 100
  t.rows.forEach((r, i) => {
    const row = ws.addRow([i + 1, r.staffNo, r.name, r.department ?? '', r.grade, r.percent, r.percent === null ? null : base, r.amountFen === null ? null : r.amountFen / 100, r.reason?.zh ?? ''])
    row.getCell(7).numFmt = MONEY
    row.getCell(8).numFmt = MONEY
  })
  const money = (label: string, fen: number | null) => {
    const row = ws.addRow(['', '', '', '', '', '', label, fen === null ? null : fen / 100, ''])
    row.font = { bold: true }
    row.getCell(8).numFmt = MONEY
  }
  money('合计', t.totalFen)
  money('预算', t.budgetFen)
  if (t.remainingFen !== null) money(t.remainingFen >= 0 ? '结余' : '超出预算', Math.abs(t.remainingFen))
  return Buffer.from(await wb.xlsx.writeBuffer())
}
