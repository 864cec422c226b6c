import { BIAS_SOURCE_LABELS, type AnalysisView, type TeamGroupRow } from '@shared/analysis'
import { DIMENSIONS, DIMENSION_LABELS } from '@shared/guideline/model'
import { command, EXIT } from '../command'
import { table, writeFileExport, yearOf } from '../support'

const YEAR = { type: 'string', value: 'Y', required: true, zh: '考核年度', en: 'assessment year' } as const

const num = (x: number | null) => (x === null ? '-' : x.toFixed(2))

function groupTable(first: string, rows: readonly TeamGroupRow[], withShort: boolean): string {
  return table(
    [first, '人数', '平均T', ...DIMENSIONS.map((d) => DIMENSION_LABELS[d].zh), '优秀', '称职', '基本称职', '不称职', '不定等次', '季度不达标', ...(withShort ? ['短板'] : [])],
    rows.map((r) => [
      r.name,
      String(r.people),
      num(r.meanT),
      ...r.dimensions.map((d) => num(d.mean)),
      ...(['优秀', '称职', '基本称职', '不称职', '不定等次'] as const).map((g) => String(r.grades[g])),
      `${r.quartersFailed}/${r.quartersRated}`,
      ...(withShort ? [r.short ? '是' : ''] : []),
    ]),
  )
}

/** The analysis as text: the tables, the weak spots, rater bias and 轮流坐庄. */
function analysisText(v: AnalysisView): string {
  const t = v.thresholds
  const short = v.posts.filter((p) => p.short).map((p) => p.name)
  return [
    `${v.year} 年度团队分析（等次阶段：${v.stage}） / ${v.year} team analysis (round: ${v.stage})`,
    `全单位平均 T / unit mean T: ${num(v.unitMeanT)}；岗位平均 T 的标准差 / SD of post means: ${num(v.postSd)}`,
    '',
    '科室 / departments',
    groupTable('科室', v.departments, false),
    '',
    '岗位 / posts',
    groupTable('岗位', v.posts, true),
    '',
    `短板岗位 / weak posts: ${short.length ? short.join('、') : '无 / none'}`,
    `薄弱环节 / weak dimensions: ${v.weakDimensions.map((d) => DIMENSION_LABELS[d].zh).join('、') || '无 / none'}`,
    `最低指标 / lowest indicators: ${v.weakIndicators.map((i) => `${i.name} ${num(i.mean)}`).join('；') || '-'}`,
    '',
    `考核者偏差 / rater bias（一刀切：标准差 < ${t.uniformSdBelow} 且 ≥ ${t.uniformMinPeople} 人；老好人：≥ ${t.lenientSharePercent}% 的评分 ≥ ${t.lenientScore}）`,
    v.bias.length
      ? table(
          ['来源', '评分人', '工号', '人数', '平均', '标准差', '偏移', '高分占比%', '提示'],
          v.bias.map((b) => [
            BIAS_SOURCE_LABELS[b.source].zh,
            b.raterName,
            b.raterStaffNo,
            String(b.people),
            num(b.mean),
            num(b.sd),
            b.offset === null ? '-' : (b.offset > 0 ? '+' : '') + b.offset.toFixed(2),
            num(b.lenientSharePercent),
            [b.uniform ? '一刀切' : '', b.lenient ? '老好人' : ''].filter(Boolean).join(' '),
          ]),
        )
      : '暂无评分 / no ratings',
    '',
    v.rotation.length
      ? v.rotation.map((a) => `! 轮流坐庄 / rotating 优秀 — ${a.department}: ${a.sequence.map((s) => `${s.year} ${s.names.join('、')}`).join(' → ')}（${a.holders}/${a.members}）`).join('\n')
      : v.rotationYears.length === t.rotationYears
        ? `${v.rotationYears.join('、')} 年度未发现轮流坐庄 / no rotating 优秀 in ${v.rotationYears.join(', ')}`
        : `最终等次不足 ${t.rotationYears} 个连续年度，未判断轮流坐庄 / fewer than ${t.rotationYears} consecutive final years: no rotation check`,
  ].join('\n')
}

/** 团队分析 (RULES.md §8): `analysis --year Y` and `analysis export --year Y [--out FILE]`. */
export const ANALYSIS_COMMANDS = [
  command({
    path: ['analysis'],
    summary: {
      zh: '团队分析：科室与岗位、短板岗位、薄弱环节、考核者偏差、轮流坐庄（人事科、领导小组）',
      en: 'team analysis: departments and posts, weak posts and areas, rater bias, rotating 优秀 (HR, leadership group)',
    },
    options: { year: YEAR },
    async run({ opts, login, call, print }) {
      await login()
      const v = await call('analysis.team', { year: yearOf(opts.year) })
      print(v, () => analysisText(v))
      return EXIT.ok
    },
  }),
  command({
    path: ['analysis', 'export'],
    summary: { zh: '导出团队分析为 .xlsx（从不覆盖已有文件）', en: 'export the team analysis as .xlsx (never over an existing file)' },
    options: { year: YEAR, out: { type: 'string', value: 'FILE', zh: '写到此文件（默认 团队分析-年度.xlsx）', en: 'write to this file (default 团队分析-YEAR.xlsx)' } },
    async run({ opts, login, call, print, app }) {
      await login()
      const f = await call('analysis.export', { year: yearOf(opts.year) })
      const written = writeFileExport(opts.out ?? f.fileName, f, app, false)
      print(written, () => `已导出团队分析 / team analysis exported: ${written.file} (${written.bytes} bytes)`)
      return EXIT.ok
    },
  }),
]
