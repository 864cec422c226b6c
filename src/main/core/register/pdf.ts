import { a4Document } from '../print/a4Document'
import { localDate } from '@shared/dates'
import { REGISTER_PART_LABELS, type RegisterFormView, type RegisterPart } from '@shared/register'
import { findCjkFont, type CjkFont } from '../print/cjkFont'

/**
 * The printed 《公务员年度考核登记表》: A4, the standard layout — a bordered table with the person's
 * particulars on top, then one row per part with its text and its signature line (签名： 年 月 日)
 * or seal line (（盖章） 年 月 日). Each person starts on a new page; a long summary runs on to the
 * next page ("（续）"). Chinese is real text in a CJK font (print/cjkFont.ts).
 */

export const A4 = { width: 595.28, height: 841.89 }
export const MARGIN = 50
const TABLE_W = A4.width - 2 * MARGIN
const LABEL_W = 84
const PAD = 5
const SIZE = 10.5
const SIGN_H = 22

/** A form's rows below the particulars, in the official order, with their minimum height and signature line. */
export const BODY_ROWS: readonly { part: RegisterPart; minHeight: number; line: 'sign' | 'seal' | null }[] = [
  { part: 'summary', minHeight: 180, line: 'sign' },
  { part: 'training', minHeight: 36, line: null },
  { part: 'supervisor', minHeight: 84, line: 'sign' },
  { part: 'head', minHeight: 56, line: 'sign' },
  { part: 'committee', minHeight: 60, line: 'seal' },
  { part: 'opinion', minHeight: 48, line: 'sign' },
  { part: 'undetermined', minHeight: 48, line: 'seal' },
]

/** 'YYYY-MM' → 'YYYY.MM', the way the form writes a month. */
export function monthText(m: string | null): string {
  return m ? m.replace('-', '.') : ''
}

/** The signature or seal line, dated with the day the part was submitted (blank until then). */
export function signLine(kind: 'sign' | 'seal', submittedAt: string | null): string {
  const who = kind === 'sign' ? '签名：' + '\u3000'.repeat(6) : '（盖章）'
  if (!submittedAt) return `${who}\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日`
  const [y, m, d] = localDate(new Date(submittedAt)).split('-').map(Number)
  return `${who}\u3000${y} 年 ${m} 月 ${d} 日`
}

/** The text a body row shows: the part's text, with the suggested grade or the confirmed grade where the form has them. */
export function bodyText(form: RegisterFormView, part: RegisterPart): string {
  const p = form.parts[part]
  if (part === 'supervisor') return [p.text, p.suggestedGrade ? `考核等次建议：${p.suggestedGrade}` : ''].filter(Boolean).join('\n')
  if (part === 'committee') return [form.grade ? `考核等次：${form.grade}` : '', p.text].filter(Boolean).join('\n')
  return p.text
}

/** 单位及职务职级 as one line. */
export function unitAndPost(form: RegisterFormView): string {
  return [form.unitName, form.departmentName, form.post, form.rank].filter((x) => x && x.trim()).join(' ')
}

export async function registerPdf(
  forms: readonly RegisterFormView[],
  opts: { font?: CjkFont; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ pdf: Buffer; pages: number }> {
  const font = opts.font ?? findCjkFont()
  const year = forms[0]?.year ?? ''
  const { doc, done } = a4Document({ title: `公务员年度考核登记表（${year} 年度）`, font, autoFirstPage: false })
  let pages = 0
  let y = 0
  const bottom = A4.height - MARGIN

  const newPage = (form: RegisterFormView, first: boolean) => {
    doc.addPage({ size: 'A4', margin: 0 })
    pages++
    doc.font('cjk').fillColor('#000000')
    if (first) {
      doc.fontSize(18).text('公务员年度考核登记表', MARGIN, MARGIN, { width: TABLE_W, align: 'center', characterSpacing: 2 })
      doc.fontSize(12).text(`（ ${form.year} 年度 ）`, MARGIN, MARGIN + 28, { width: TABLE_W, align: 'center' })
      doc.fontSize(SIZE).text(`填表单位（盖章）：${form.unitName}`, MARGIN, MARGIN + 52, { width: TABLE_W })
      y = MARGIN + 70
    } else {
      doc.fontSize(9).fillColor('#444444').text(`公务员年度考核登记表（${form.year} 年度）· ${form.name}（续）`, MARGIN, MARGIN - 20, { width: TABLE_W, align: 'right' })
      doc.fillColor('#000000')
      y = MARGIN
    }
  }

  const cell = (x: number, top: number, w: number, h: number, text: string, align: 'left' | 'center' = 'center', shrink = false) => {
    doc.lineWidth(0.8).rect(x, top, w, h).stroke()
    if (!text) return
    // A long name in a narrow cell is set smaller rather than running out of its box.
    let size = SIZE
    doc.fontSize(size)
    while (shrink && size > 7 && doc.heightOfString(text, { width: w - 2 * PAD, align }) > h - 2 * PAD) doc.fontSize((size -= 0.5))
    const th = doc.heightOfString(text, { width: w - 2 * PAD, align })
    const ty = align === 'center' ? top + Math.max(PAD, (h - th) / 2) : top + PAD
    doc.text(text, x + PAD, ty, { width: w - 2 * PAD, align })
  }

  const textHeight = (text: string, w: number) => (text ? doc.fontSize(SIZE).heightOfString(text, { width: w }) : 0)

  forms.forEach((form, i) => {
    newPage(form, true)
    // The particulars: three rows of label/value pairs, then two full-width rows.
    const h = 30
    const c = [LABEL_W, 110, 44, 44, 70]
    const x = [MARGIN]
    for (const w of c) x.push(x[x.length - 1]! + w)
    const lastW = MARGIN + TABLE_W - x[5]!
    cell(x[0]!, y, c[0]!, h, '姓名')
    cell(x[1]!, y, c[1]!, h, form.name, 'center', true)
    cell(x[2]!, y, c[2]!, h, '性别')
    cell(x[3]!, y, c[3]!, h, form.gender ?? '')
    cell(x[4]!, y, c[4]!, h, '出生年月')
    cell(x[5]!, y, lastW, h, monthText(form.birthMonth))
    y += h
    cell(x[0]!, y, c[0]!, h, '政治面貌')
    cell(x[1]!, y, c[1]!, h, form.politicalStatus ?? '', 'center', true)
    cell(x[2]!, y, c[2]! + c[3]!, h, '任现职时间')
    cell(x[4]!, y, c[4]! + lastW, h, monthText(form.postSince))
    y += h
    const valueW = TABLE_W - LABEL_W
    for (const [label, value] of [
      ['单位及职务职级', unitAndPost(form)],
      ['从事或分管工作', form.parts.duties.text],
    ] as const) {
      const rh = Math.max(h + 6, textHeight(value, valueW - 2 * PAD) + 2 * PAD, textHeight(label, LABEL_W - 2 * PAD) + 2 * PAD)
      cell(MARGIN, y, LABEL_W, rh, label)
      cell(MARGIN + LABEL_W, y, valueW, rh, value, 'left')
      y += rh
    }
    for (const row of BODY_ROWS) {
      const label = REGISTER_PART_LABELS[row.part].zh
      let text = bodyText(form, row.part)
      const line = row.line ? signLine(row.line, form.parts[row.part].submittedAt) : ''
      const lineH = row.line ? SIGN_H : 0
      let continued = false
      for (;;) {
        const need = Math.max(row.minHeight, textHeight(text, valueW - 2 * PAD) + 2 * PAD + lineH, textHeight(label, LABEL_W - 2 * PAD) + 2 * PAD)
        const room = bottom - y
        if (need <= room) {
          drawBody(continued ? `${label}（续）` : label, text, line, need)
          break
        }
        // Not enough room: a row that fits a fresh page moves there; a longer text fills this page and goes on.
        const full = bottom - MARGIN
        if (need <= full || room < 80) {
          newPage(form, false)
          if (need > full) continue
          drawBody(continued ? `${label}（续）` : label, text, line, need)
          break
        }
        const chars = [...text]
        let lo = 0
        let hi = chars.length
        while (lo < hi) {
          const mid = Math.ceil((lo + hi) / 2)
          if (textHeight(chars.slice(0, mid).join(''), valueW - 2 * PAD) + 2 * PAD <= room) lo = mid
          else hi = mid - 1
        }
        drawBody(continued ? `${label}（续）` : label, chars.slice(0, lo).join(''), '', room)
        text = chars.slice(lo).join('')
        continued = true
        newPage(form, false)
      }
    }
    opts.onProgress?.(i + 1, forms.length)
  })

  function drawBody(label: string, text: string, line: string, height: number) {
    const valueW = TABLE_W - LABEL_W
    cell(MARGIN, y, LABEL_W, height, label)
    doc.lineWidth(0.8).rect(MARGIN + LABEL_W, y, valueW, height).stroke()
    if (text) doc.fontSize(SIZE).text(text, MARGIN + LABEL_W + PAD, y + PAD, { width: valueW - 2 * PAD })
    if (line) doc.fontSize(SIZE).text(line, MARGIN + LABEL_W + PAD, y + height - SIGN_H + 4, { width: valueW - 2 * PAD - 10, align: 'right', lineBreak: false })
    y += height
  }

  doc.end()
  return { pdf: await done, pages }
}
