import ExcelJS from 'exceljs'
import { a4Document } from '../print/a4Document'
import { findCjkFont, type CjkFont } from '../print/cjkFont'
import { GRADES, allowedExcellent, type ResultsPayload } from './payloads'

/**
 * The 备案 documents, made from a ResultsPayload only: the unit makes them from the payload it sends
 * and the superior from the payload it received, so both ends print the same document.
 */

function rankOf(p: ResultsPayload['people'][number]): string {
  return [p.post, p.rank].filter((s) => s.length > 0).join(' ')
}

/** 年度考核备案报告 (PDF). */
export async function filingReportPdf(p: ResultsPayload, font: CjkFont = findCjkFont()): Promise<Buffer> {
  const { doc, done } = a4Document({ title: `${p.unit.name} ${p.year} 年度考核备案报告`, font, margin: 56 })
  doc.font('cjk')
  doc.fontSize(18).text(`${p.unit.name}`, { align: 'center' })
  doc.fontSize(16).text(`${p.year} 年度公务员考核备案报告`, { align: 'center' }).moveDown()
  doc.fontSize(11)
  doc.text(`参评人数：${p.N} 人；优秀限额 K = ${p.K}（${p.quota.zh}）`)
  const share = p.N === 0 ? 0 : (p.counts['优秀'] * 100) / p.N
  doc.text(`评定优秀 ${p.counts['优秀']} 人，占 ${share.toFixed(1)}%${p.counts['优秀'] > p.K ? '，超出限额' : '，未超出限额'}`)
  if (p.approval) doc.text(`上级批复：${p.approval.document}（${p.approval.count !== null ? `批准优秀 ${p.approval.count} 人` : `批准比例 ${p.approval.rate ?? 0}%`}，可评 ${allowedExcellent(p)} 人）`)
  doc.moveDown().fontSize(13).text('一、各等次人数').fontSize(11)
  for (const g of GRADES) doc.text(`${g}：${p.counts[g]} 人`)
  doc.moveDown().fontSize(13).text('二、不定等次人员及原因').fontSize(11)
  const ungraded = p.people.filter((x) => x.grade === '不定等次')
  if (ungraded.length === 0) doc.text('无')
  for (const x of ungraded) doc.text(`${x.staffNo} ${x.name}：${x.note?.zh ?? '不定等次'}`)
  doc.moveDown().fontSize(13).text('三、拟定优秀等次人员名单').fontSize(11)
  const excellent = p.people.filter((x) => x.grade === '优秀')
  if (excellent.length === 0) doc.text('无')
  excellent.forEach((x, i) => doc.text(`${i + 1}. ${x.staffNo}  ${x.name}  ${rankOf(x)}`))
  doc.moveDown().fontSize(13).text('四、申诉情况').fontSize(11)
  const upheld = p.appeals.filter((a) => a.outcome === 'upheld').length
  doc.text(`受理申诉 ${p.appeals.length} 件，维持原等次 ${p.appeals.filter((a) => a.outcome === 'refused').length} 件，改变等次 ${upheld} 件`)
  doc.moveDown().fontSize(9).fillColor('#444444').text(`考核指引版本：${p.guidelineVersion ?? '默认'}；计算输入摘要 SHA-256：${p.inputsSha256}`)
  doc.end()
  return done
}

/** 《机关公务员年度考核花名册》 (Excel): 序号, 工号, 姓名, 职务职级, 等次. */
export async function filingRosterWorkbook(p: ResultsPayload, now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Kaohe 考核台'
  wb.created = now
  const ws = wb.addWorksheet(`${p.year}年度花名册`, { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] })
  ws.mergeCells('A1:E1')
  ws.getCell('A1').value = `${p.unit.name} ${p.year} 年度机关公务员年度考核花名册`
  ws.getCell('A1').font = { bold: true, size: 14 }
  const head = ws.getRow(2)
  ;['序号', '工号', '姓名', '职务职级', '等次'].forEach((h, i) => (head.getCell(i + 1).value = h))
  head.font = { bold: true }
  ;[6, 12, 12, 30, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w))
  p.people.forEach((x, i) => ws.addRow([i + 1, x.staffNo, x.name, rankOf(x), x.grade]))
  return Buffer.from(await wb.xlsx.writeBuffer())
}
