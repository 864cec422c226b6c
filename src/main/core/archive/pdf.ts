import { a4Document } from '../print/a4Document'
import type { ArchiveView } from '@shared/archive'
import { CHANNEL_LABELS, CHANNELS, DIMENSIONS, DIMENSION_LABELS } from '@shared/guideline/model'
import { findCjkFont, type CjkFont } from '../print/cjkFont'

/**
 * The growth archive as an A4 PDF (《公务员个人成长档案》): the person, a table of every year, a
 * line chart of T and of each dimension across the years (drawn with pdfkit's own paths), the
 * dimension profile, training needs, feedback forms, appeals, follow-ups, enrolments and flags.
 * Text is real text in the CJK font of print/cjkFont.ts, so it can be searched and read back.
 */

const A4 = { width: 595.28, height: 841.89 }
const M = 48
const WIDTH = A4.width - 2 * M
export const SERIES_COLOURS = ['#1c7ed6', '#e8590c', '#2f9e44', '#ae3ec9', '#f08c00', '#c92a2a'] as const

const REASON_ZH = { belowMean: '低于单位均值', belowFloor: '低于下限' } as const
const FORM_STATUS_ZH = { draft: '草稿', interviewerSigned: '面谈人已签', sealed: '已签收', refused: '拒签（已送达）', voided: '已作废' } as const
const APPEAL_ROUTE_ZH = { internal: '内部申诉', review: '复核', statutory: '申诉（法定）' } as const
const APPEAL_STATUS_ZH = { pending: '待答复', upheld: '支持', refused: '驳回', withdrawn: '撤回' } as const
const ENROLMENT_STATUS_ZH = { planned: '已安排', attended: '已参加', cancelled: '已取消' } as const

function fmt(x: number | null | undefined): string {
  return x === null || x === undefined ? '—' : x.toFixed(2)
}

export async function archivePdf(unitName: string, view: ArchiveView, printedOn: string, font: CjkFont = findCjkFont()): Promise<Buffer> {
  const p = view.person
  const { doc, done } = a4Document({ title: `公务员个人成长档案 ${p.name}（${p.staffNo}）`, font, margin: M })
  doc.font('cjk').fillColor('#000000')
  let y = M

  const room = (h: number) => {
    if (y + h > A4.height - M) {
      doc.addPage({ size: 'A4', margin: M })
      doc.font('cjk')
      y = M
    }
  }
  const heading = (text: string) => {
    room(40)
    y += 8
    doc.fontSize(13).fillColor('#000000').text(text, M, y, { width: WIDTH, lineBreak: false })
    y += 18
    doc.save().lineWidth(0.6).strokeColor('#868e96').moveTo(M, y).lineTo(M + WIDTH, y).stroke().restore()
    y += 6
  }
  const line = (text: string, size = 10, colour = '#000000') => {
    doc.fontSize(size)
    const h = doc.heightOfString(text, { width: WIDTH })
    room(h + 2)
    doc.fillColor(colour).text(text, M, y, { width: WIDTH })
    y += h + 3
  }
  const tableRows = (headers: string[], widths: number[], rows: string[][]) => {
    const draw = (cells: string[], bold: boolean) => {
      room(16)
      let x = M
      doc.fontSize(9).fillColor(bold ? '#495057' : '#000000')
      cells.forEach((c, i) => {
        doc.text(c, x + 2, y + 3, { width: widths[i]! - 4, lineBreak: false, ellipsis: true })
        x += widths[i]!
      })
      y += 15
      doc.save().lineWidth(0.3).strokeColor('#dee2e6').moveTo(M, y).lineTo(M + widths.reduce((a, b) => a + b, 0), y).stroke().restore()
    }
    draw(headers, true)
    if (!rows.length) line('（无）', 9, '#868e96')
    rows.forEach((r) => draw(r, false))
    y += 4
  }

  // ---- the person ----
  doc.fontSize(18).text('公务员个人成长档案', M, y, { width: WIDTH, align: 'center' })
  y += 28
  doc.fontSize(10).fillColor('#495057').text(unitName, M, y, { width: WIDTH, align: 'center' })
  y += 20
  line(`姓名：${p.name}\u3000\u3000工号：${p.staffNo}\u3000\u3000部门：${p.department ?? '—'}\u3000\u3000职务：${p.post || '—'}`, 11)
  line(`打印日期：${printedOn}`, 9, '#495057')

  // ---- every year ----
  heading('历年考核结果')
  tableRows(
    ['年度', '等次', 'T', ...CHANNELS.map((c) => CHANNEL_LABELS[c].zh), '名次', '来源'],
    [50, 70, 55, 75, 75, 75, 45, 54],
    view.years.map((yr) => [String(yr.year), yr.grade, fmt(yr.T), ...CHANNELS.map((c) => fmt(yr.channels?.[c] ?? null)), yr.rank === null ? '—' : String(yr.rank), yr.source === 'kaohe' ? '本系统' : '往年登记']),
  )

  // ---- the chart ----
  const graded = view.years.filter((yr) => yr.source === 'kaohe')
  heading('T 与各维度得分趋势')
  chart(graded)

  heading('维度画像（领导评价 / 民主测评）')
  tableRows(
    ['年度', ...DIMENSIONS.map((d) => DIMENSION_LABELS[d].zh)],
    [60, ...DIMENSIONS.map(() => (WIDTH - 60) / DIMENSIONS.length)],
    graded.map((yr) => [String(yr.year), ...yr.dimensions.map((d) => `${fmt(d.leadership)} / ${fmt(d.democratic)}`)]),
  )

  heading('培训需求')
  if (!view.needs.length) line('（无）', 9, '#868e96')
  for (const n of view.needs) line(`${n.year} 年\u3000${n.label.zh}：${fmt(n.score)}（单位均值 ${fmt(n.unitMean)}，${REASON_ZH[n.reason]}）——建议：${n.suggestion}`, 9)

  heading('绩效反馈表')
  tableRows(
    ['年度', '版本', '等次', '状态', '送达日期', '验证码'],
    [50, 40, 70, 100, 90, WIDTH - 350],
    view.forms.map((f) => [String(f.year), `第 ${f.version} 版`, f.grade, FORM_STATUS_ZH[f.status], f.deliveredOn ?? '—', f.verificationCode ?? '—']),
  )

  heading('申诉与复核')
  tableRows(
    ['年度', '途径', '提出日期', '答复期限', '状态', '原等次', '调整为'],
    [45, 80, 75, 75, 65, 70, WIDTH - 410],
    view.appeals.map((a) => [String(a.year), APPEAL_ROUTE_ZH[a.route], a.filedOn, a.dueOn, APPEAL_STATUS_ZH[a.status], a.gradeBefore, a.gradeAfter ?? '—']),
  )

  heading('结果应用跟踪')
  tableRows(
    ['年度', '事项', '负责人', '期限', '完成'],
    [45, 180, 90, 90, WIDTH - 405],
    view.followups.map((f) => [String(f.year), f.label.zh, f.ownerName ?? '—', f.dueOn, f.doneOn ?? '未完成']),
  )
  for (const f of view.flags) {
    const words = [f.merit ? '连续优秀，可记三等功' : '', f.dismissal ? '连续不称职，建议辞退' : '', f.ineligibleNextYear ? '下一年度不得评优' : '', f.talentPool ? '纳入潜力人才库' : ''].filter(Boolean)
    if (words.length) line(`${f.year} 年：${words.join('；')}`, 9)
  }

  heading('培训安排')
  tableRows(
    ['年度', '需求', '建议', '培训', '状态'],
    [45, 90, 190, 110, WIDTH - 435],
    view.enrolments.map((e) => [String(e.year), e.need, e.suggestion, e.sessionTitle ?? '—', ENROLMENT_STATUS_ZH[e.status]]),
  )

  doc.end()
  return done

  function chart(years: ArchiveView['years']) {
    const h = 190
    room(h + 40)
    if (!years.length) {
      line('（尚无已确定的年度结果）', 9, '#868e96')
      return
    }
    const series = [{ name: 'T', values: years.map((yr) => yr.T) }, ...DIMENSIONS.map((d) => ({ name: DIMENSION_LABELS[d].zh, values: years.map((yr) => yr.dimensions.find((x) => x.dimension === d)?.score ?? null) }))]
    const all = series.flatMap((s) => s.values).filter((v): v is number => v !== null)
    const lo = all.length ? Math.max(0, Math.floor(Math.min(...all) / 5) * 5 - 5) : 0
    const hi = 100
    const left = M + 34
    const right = M + WIDTH - 70
    const top = y + 6
    const bottom = y + h - 20
    const xOf = (i: number) => (years.length === 1 ? (left + right) / 2 : left + ((right - left) * i) / (years.length - 1))
    const yOf = (v: number) => bottom - ((v - lo) / (hi - lo)) * (bottom - top)
    doc.save().lineWidth(0.3).strokeColor('#ced4da')
    const step = hi - lo <= 30 ? 5 : 10
    for (let v = lo; v <= hi; v += step) {
      doc.moveTo(left, yOf(v)).lineTo(right, yOf(v)).stroke()
      doc.fontSize(7).fillColor('#868e96').text(String(v), M, yOf(v) - 4, { width: 28, align: 'right', lineBreak: false })
    }
    doc.restore()
    years.forEach((yr, i) => doc.fontSize(8).fillColor('#495057').text(String(yr.year), xOf(i) - 20, bottom + 4, { width: 40, align: 'center', lineBreak: false }))
    series.forEach((s, k) => {
      const colour = SERIES_COLOURS[k % SERIES_COLOURS.length]!
      doc.save().lineWidth(k === 0 ? 2 : 1.2).strokeColor(colour).fillColor(colour)
      let started = false
      s.values.forEach((v, i) => {
        if (v === null) {
          started = false
          return
        }
        if (started) doc.lineTo(xOf(i), yOf(v))
        else doc.moveTo(xOf(i), yOf(v))
        started = true
      })
      doc.stroke()
      s.values.forEach((v, i) => {
        if (v !== null) doc.circle(xOf(i), yOf(v), k === 0 ? 2.5 : 1.8).fill()
      })
      doc.restore()
      doc.save().rect(right + 12, top + k * 14 + 3, 10, 3).fill(colour).restore()
      doc.fontSize(8).fillColor('#000000').text(s.name, right + 26, top + k * 14, { width: 40, lineBreak: false })
    })
    y += h
  }
}
