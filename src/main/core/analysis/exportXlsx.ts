import ExcelJS from 'exceljs'
import { ANALYSIS_GRADES, BIAS_SOURCE_LABELS, type AnalysisView, type TeamGroupRow } from '@shared/analysis'
import type { FileContent } from '@shared/api/types'
import { DIMENSIONS, DIMENSION_LABELS } from '@shared/guideline/model'

/**
 * The team analysis as an Excel workbook (导出 Excel): one sheet each for departments, posts, the
 * weak dimensions and indicators, rater bias and 轮流坐庄. The numbers are the view's (two decimals),
 * so the workbook and the screen never disagree.
 */

const num = (x: number | null) => (x === null ? '' : x)

function groupSheet(wb: ExcelJS.Workbook, title: string, first: string, rows: readonly TeamGroupRow[], withShort: boolean): void {
  const ws = wb.addWorksheet(title, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] })
  ws.addRow([
    first,
    '人数',
    '平均 T',
    ...DIMENSIONS.map((d) => `${DIMENSION_LABELS[d].zh}（均分）`),
    ...ANALYSIS_GRADES,
    '季度已评',
    '季度不达标',
    ...(withShort ? ['短板岗位'] : []),
  ])
  ws.getRow(1).font = { bold: true }
  for (const r of rows) {
    ws.addRow([
      r.name,
      r.people,
      num(r.meanT),
      ...r.dimensions.map((d) => num(d.mean)),
      ...ANALYSIS_GRADES.map((g) => r.grades[g]),
      r.quartersRated,
      r.quartersFailed,
      ...(withShort ? [r.short ? '是' : ''] : []),
    ])
  }
  ws.getColumn(1).width = 18
}

export async function analysisWorkbook(v: AnalysisView, now: Date): Promise<FileContent> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Kaohe 考核台'
  wb.created = now
  groupSheet(wb, '科室', '科室', v.departments, false)
  groupSheet(wb, '岗位', '岗位', v.posts, true)

  const weak = wb.addWorksheet('薄弱环节')
  weak.addRow(['维度', '均分', '薄弱'])
  weak.getRow(1).font = { bold: true }
  for (const d of v.dimensions) weak.addRow([DIMENSION_LABELS[d.dimension].zh, num(d.mean), v.weakDimensions.includes(d.dimension) ? '是' : ''])
  weak.addRow([])
  weak.addRow(['最低指标', '维度', '均分', '评分数']).font = { bold: true }
  for (const i of v.weakIndicators) weak.addRow([i.name, DIMENSION_LABELS[i.dimension].zh, i.mean, i.ratings])
  weak.getColumn(1).width = 20

  const bias = wb.addWorksheet('考核者偏差')
  bias.addRow(['来源', '评分人', '工号', '评分人数', '平均分', '标准差', '偏移（与他人之差）', '比较人数', `≥${v.thresholds.lenientScore} 分占比 %`, '一刀切', '老好人'])
  bias.getRow(1).font = { bold: true }
  for (const b of v.bias) {
    bias.addRow([BIAS_SOURCE_LABELS[b.source].zh, b.raterName, b.raterStaffNo, b.people, b.mean, b.sd, num(b.offset), b.comparedPeople, b.lenientSharePercent, b.uniform ? '是' : '', b.lenient ? '是' : ''])
  }
  bias.getColumn(1).width = 22

  const rot = wb.addWorksheet('轮流坐庄')
  rot.addRow(['科室', '年度与优秀人员', '优秀人数', '科室人数']).font = { bold: true }
  for (const a of v.rotation) rot.addRow([a.department, a.sequence.map((s) => `${s.year}：${s.names.join('、')}`).join('；'), a.holders, a.members])
  if (!v.rotation.length) rot.addRow([`${v.rotationYears.join('、') || '—'} 年度未发现轮流坐庄`])
  rot.getColumn(2).width = 60

  const bytes = Buffer.from(await wb.xlsx.writeBuffer())
  return { fileName: `团队分析-${v.year}.xlsx`, contentBase64: bytes.toString('base64') }
}
