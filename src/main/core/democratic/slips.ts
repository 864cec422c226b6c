import { a4Document } from '../print/a4Document'
import type { IssuedCode } from '@shared/democratic'
import { VOTER_CATEGORY_LABELS } from '@shared/democratic'
import { findCjkFont, type CjkFont } from '../print/cjkFont'

/**
 * The ballot code slips (票码): an A4 PDF of slips to cut, two across and five down, each with the
 * unit's name, the year, 民主测评 票码, the voter category, the code and how to use it. The text is
 * real text in a CJK font found on the machine (print/cjkFont.ts), so it can be searched and read
 * back; the codes are nowhere else once the PDF is handed over.
 */

const A4 = { width: 595.28, height: 841.89 }
const MARGIN = 28
const COLS = 2
const ROWS = 5

export async function slipsPdf(unitName: string, year: number, codes: readonly IssuedCode[], font: CjkFont = findCjkFont()): Promise<Buffer> {
  const { doc, done } = a4Document({ title: `${unitName} ${year} 年度民主测评票码`, font, autoFirstPage: false })
  const w = (A4.width - 2 * MARGIN) / COLS
  const h = (A4.height - 2 * MARGIN) / ROWS
  codes.forEach((c, i) => {
    const slot = i % (COLS * ROWS)
    if (slot === 0) {
      doc.addPage({ size: 'A4', margin: 0 })
      // Cut lines.
      doc.save().lineWidth(0.5).dash(4, { space: 3 }).strokeColor('#999999')
      for (let col = 0; col <= COLS; col++) doc.moveTo(MARGIN + col * w, MARGIN).lineTo(MARGIN + col * w, A4.height - MARGIN).stroke()
      for (let row = 0; row <= ROWS; row++) doc.moveTo(MARGIN, MARGIN + row * h).lineTo(A4.width - MARGIN, MARGIN + row * h).stroke()
      doc.restore().undash()
    }
    const x = MARGIN + (slot % COLS) * w + 14
    const y = MARGIN + Math.floor(slot / COLS) * h + 12
    const inner = w - 28
    doc.font('cjk').fillColor('#000000')
    doc.fontSize(10).text(unitName, x, y, { width: inner, lineBreak: false, ellipsis: true })
    doc.fontSize(14).text(`${year} 年度民主测评 票码`, x, y + 16, { width: inner, lineBreak: false })
    doc.fontSize(10).fillColor('#444444').text(`类别：${VOTER_CATEGORY_LABELS[c.category].zh}`, x, y + 38, { width: inner, lineBreak: false })
    doc.fillColor('#000000').fontSize(22).text(c.code, x, y + 56, { width: inner, align: 'center', characterSpacing: 2, lineBreak: false })
    doc
      .fontSize(8)
      .fillColor('#333333')
      .text('请在测评终端输入票码，对每位人员的德、能、勤、绩、廉逐项评价（可留空）。票码只能使用一次，投票不记名，任何人都无法查到票码对应的选票。', x, y + 92, {
        width: inner,
        height: h - 104,
      })
  })
  doc.end()
  return done
}
