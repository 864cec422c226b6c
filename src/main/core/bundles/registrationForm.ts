import { a4Document } from '../print/a4Document'
import type { OfficeRef } from '@shared/bundles'
import { findCjkFont, type CjkFont } from '../print/cjkFont'

/**
 * The 密钥登记表: the A4 sheet an office sends (or reads out) with its key card, so the receiving
 * office can compare the fingerprint it computes with one it did not get from the same file. The
 * fingerprint is printed large, in its 12 groups, with lines for who checked it, when, and by
 * which phone call. Text is real text in a CJK font, so it can be searched and read back.
 */

const A4 = { width: 595.28, height: 841.89 }
const M = 56
const W = A4.width - 2 * M

export interface RegistrationFormInput {
  office: OfficeRef
  keyId: string
  createdAt: string
  fingerprint: string
}

const KIND = { unit: '基层单位', superior: '上级机关' } as const

export async function registrationFormPdf(input: RegistrationFormInput, font: CjkFont = findCjkFont()): Promise<Buffer> {
  const { doc, done } = a4Document({ title: `密钥登记表 ${input.office.name}`, font })
  doc.font('cjk').fillColor('#000000')
  let y = M
  doc.fontSize(22).text('密钥登记表', M, y, { width: W, align: 'center' })
  y += 44
  const rows: [string, string][] = [
    ['机关名称', input.office.name],
    ['机关代码', input.office.code],
    ['机关类别', KIND[input.office.kind]],
    ['机关标识', input.office.uid],
    ['密钥编号', input.keyId],
    ['生成时间', input.createdAt],
  ]
  const rowH = 26
  doc.lineWidth(0.7)
  for (const [k, v] of rows) {
    doc.rect(M, y, 110, rowH).stroke()
    doc.rect(M + 110, y, W - 110, rowH).stroke()
    doc.fontSize(12).text(k, M + 8, y + 7, { width: 100, lineBreak: false })
    doc.fontSize(11).text(v, M + 118, y + 7, { width: W - 126, lineBreak: false })
    y += rowH
  }
  y += 28
  doc.fontSize(13).text('密钥指纹（请与对方机关电话逐组核对）', M, y)
  y += 28
  const groups = input.fingerprint.split(/\s+/).filter(Boolean)
  for (let line = 0; line < 3; line++) {
    const text = groups.slice(line * 4, line * 4 + 4).join('   ')
    doc.fontSize(28).text(text, M, y, { width: W, align: 'center', lineBreak: false })
    y += 44
  }
  y += 30
  for (const label of ['核对人', '日期', '电话核对（对方姓名、电话）']) {
    doc.fontSize(12).text(`${label}：`, M, y, { lineBreak: false })
    doc.moveTo(M + 190, y + 15).lineTo(M + W, y + 15).stroke()
    y += 40
  }
  y += 10
  doc
    .fontSize(9)
    .fillColor('#444444')
    .text('导入对方密钥卡时，考核台显示的指纹须与本表逐位一致；不一致不得登记。本表不含任何私钥。', M, y, { width: W })
  doc.end()
  return done
}
