import { a4Document } from '../print/a4Document'
import QRCode from 'qrcode'
import { CHANNEL_LABELS, CHANNELS, DIMENSION_LABELS } from '@shared/guideline/model'
import { FORM_STATUS_LABELS, type FormView } from '@shared/feedback'
import { findCjkFont, type CjkFont } from '../print/cjkFont'

/**
 * The printed 《绩效反馈表》: A4 in the official layout — title, unit and year, the person, the
 * result table, the dimension profile as a small bar chart, the interviewer's text, the signature
 * lines (drawn signatures and times, or the witnessed refusal) and the seal line — with the
 * verification code and its QR code (drawn as rectangles, no image) on every page. Text is real
 * text in a CJK font, so it can be searched and read back. A voided version carries 已作废.
 */

const A4 = { width: 595.28, height: 841.89 }
const M = 50
const W = A4.width - 2 * M
const FOOTER = 92

function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const n = qr.modules.size
  const cell = size / (n + 2)
  doc.save().fillColor('#000000')
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) doc.rect(x + (c + 1) * cell, y + (r + 1) * cell, cell, cell)
  doc.fill().restore()
}

function time(iso: string): string {
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

const score = (v: number | null) => (v === null ? '—' : v.toFixed(2))

export async function feedbackPdf(form: FormView, font: CjkFont = findCjkFont()): Promise<Buffer> {
  const c = form.content
  const { doc, done } = a4Document({ title: `绩效反馈表 ${c.person.name} ${c.year}`, font, autoFirstPage: false })
  let page = 0
  const decorate = () => {
    page++
    doc.font('cjk').fillColor('#000000')
    const y = A4.height - FOOTER + 10
    doc.save().lineWidth(0.5).strokeColor('#888888').moveTo(M, y - 6).lineTo(A4.width - M, y - 6).stroke().restore()
    drawQr(doc, form.verificationCode, A4.width - M - 72, y, 72)
    doc.fontSize(10).text(`核验码：${form.verificationCode}`, M, y + 6, { lineBreak: false })
    doc.fontSize(8).fillColor('#444444').text(`在考核台“反馈表 → 核验”输入核验码，核对本表与封存内容是否一致。第 ${form.version} 版 · 第 ${page} 页`, M, y + 24, { width: W - 90 })
    doc.fillColor('#000000')
    if (form.status === 'voided') {
      doc.save().rotate(-30, { origin: [A4.width / 2, A4.height / 2] }).fontSize(110).fillColor('#cc0000').opacity(0.35)
      doc.text('已作废', 0, A4.height / 2 - 60, { width: A4.width, align: 'center', lineBreak: false })
      doc.restore().opacity(1)
    }
  }
  const newPage = () => {
    doc.addPage({ size: 'A4', margin: 0 })
    decorate()
    return M
  }
  let y = newPage()
  const ensure = (h: number) => {
    if (y + h > A4.height - FOOTER - 10) y = newPage()
  }

  doc.fontSize(20).text('《绩效反馈表》', M, y, { width: W, align: 'center' })
  y += 30
  doc.fontSize(11).text(`${c.unit.name}\u3000${c.year} 年度`, M, y, { width: W, align: 'center' })
  y += 24

  // The table: two columns of label / value pairs, bordered.
  const rowH = 22
  const cells: [string, string, string, string][] = [
    ['姓名', c.person.name, '工号', c.person.staffNo],
    ['科室', c.person.department ?? '—', '职务（岗位）', c.person.post || '—'],
    ['年度考核等次', c.grade, '综合得分 T', score(c.T)],
    ...CHANNELS.map((ch): [string, string, string, string] => [CHANNEL_LABELS[ch].zh, score(c.channels[ch].score), '权重', `${Math.round(c.channels[ch].weight * 100) / 100}`]),
    ['面谈人', form.interviewer.name, '面谈日期', form.text.interviewOn ?? '—'],
  ]
  const colW = [W * 0.2, W * 0.3, W * 0.2, W * 0.3]
  doc.lineWidth(0.7).strokeColor('#000000')
  for (const row of cells) {
    let x = M
    row.forEach((t, i) => {
      doc.rect(x, y, colW[i]!, rowH).stroke()
      doc.fontSize(10).fillColor(i % 2 === 0 ? '#333333' : '#000000').text(t, x + 6, y + 6, { width: colW[i]! - 12, lineBreak: false, ellipsis: true })
      x += colW[i]!
    })
    y += rowH
  }
  doc.fillColor('#000000')
  y += 12

  // The dimension profile: two bars a dimension (领导评价, 民主测评), 0–100.
  if (c.dimensions.length) {
    doc.fontSize(11).text('考核维度得分（德能勤绩廉）', M, y)
    y += 18
    const chartH = 16 * c.dimensions.length + 26
    const labelW = 40
    const barW = W - labelW - 60
    c.dimensions.forEach((d, i) => {
      const by = y + i * 16
      doc.fontSize(9).fillColor('#000000').text(DIMENSION_LABELS[d.dimension].zh, M, by + 2, { width: labelW, lineBreak: false })
      const bars: [number | null, string][] = [
        [d.leadership, '#2f6fb3'],
        [d.democratic, '#e08a2e'],
      ]
      bars.forEach(([v, color], k) => {
        const w = v === null ? 0 : (Math.max(0, Math.min(100, v)) / 100) * barW
        doc.save().fillColor(color).rect(M + labelW, by + k * 7, w, 6).fill().restore()
      })
      const txt = `${score(d.leadership)} / ${score(d.democratic)}`
      doc.fontSize(8).fillColor('#333333').text(txt, M + labelW + barW + 4, by + 2, { width: 60, lineBreak: false })
    })
    const ly = y + 16 * c.dimensions.length + 4
    doc.save().fillColor('#2f6fb3').rect(M + labelW, ly + 3, 10, 6).fill().restore()
    doc.fontSize(8).fillColor('#333333').text('领导评价', M + labelW + 14, ly, { lineBreak: false })
    doc.save().fillColor('#e08a2e').rect(M + labelW + 70, ly + 3, 10, 6).fill().restore()
    doc.text('民主测评', M + labelW + 84, ly, { lineBreak: false })
    doc.fillColor('#000000')
    y += chartH
  }
  doc.fontSize(9).fillColor('#333333').text(`计算明细：${c.explanation.ref}，共 ${c.explanation.lines} 项；输入摘要 SHA-256 ${c.explanation.inputsSha256.slice(0, 16)}…`, M, y, { width: W })
  doc.fillColor('#000000')
  y = doc.y + 12

  for (const [title, body] of [
    ['优势', form.text.strengths],
    ['不足', form.text.weaknesses],
    ['改进方向', form.text.improvements],
  ] as const) {
    doc.fontSize(10)
    const h = doc.heightOfString(body || '（未填写）', { width: W - 12 }) + 26
    ensure(Math.min(h, 300))
    doc.fontSize(11).text(title, M, y)
    y += 16
    doc.fontSize(10).text(body || '（未填写）', M + 6, y, { width: W - 12 })
    y = doc.y + 10
  }

  // Signatures.
  ensure(170)
  const sigLine = (label: string, sig: FormView['interviewerSignature'], x: number) => {
    doc.fontSize(10).fillColor('#000000').text(label, x, y, { lineBreak: false })
    if (sig?.png) {
      try {
        doc.image(Buffer.from(sig.png, 'base64'), x + 70, y - 10, { fit: [120, 40] })
      } catch {
        // An unreadable image leaves the printed name.
      }
    }
    doc.save().lineWidth(0.5).moveTo(x + 70, y + 32).lineTo(x + 220, y + 32).stroke().restore()
    doc.fontSize(9).text(sig ? `${sig.name}\u3000${time(sig.at)}` : '（未签字）', x + 70, y + 36, { lineBreak: false })
  }
  sigLine('面谈人签字：', form.interviewerSignature, M)
  if (form.refusal) {
    doc.fontSize(10).text('本人签字：拒签', M + W / 2, y, { lineBreak: false })
    doc.fontSize(9).text(`见证人：${form.refusal.witness.name}\u3000${time(form.refusal.at)}`, M + W / 2, y + 16, { width: W / 2 })
    doc.fontSize(9).text(`说明：${form.refusal.note}`, M + W / 2, y + 30, { width: W / 2 })
  } else {
    sigLine('本人签字：', form.personSignature, M + W / 2)
  }
  y += 64
  doc.fontSize(9).fillColor('#000000')
  doc.text(form.seal ? `内容摘要 SHA-256 ${form.seal.sha256}` : `内容摘要 SHA-256：尚未封存（${FORM_STATUS_LABELS[form.status].zh}）`, M, y, { width: W })
  if (form.seal) doc.text(`封存时间 ${time(form.seal.at)}`, M, doc.y + 2)
  if (form.voided) {
    doc.fillColor('#cc0000').text(`本版已作废（${time(form.voided.at)}）${form.voided.supersededByVersion ? `，由第 ${form.voided.supersededByVersion} 版取代` : ''}${form.voided.reason ? `：${form.voided.reason}` : ''}`, M, doc.y + 2, { width: W })
  }
  doc.end()
  return done
}
