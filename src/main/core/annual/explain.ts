import { CHANNEL_LABELS, DIMENSION_LABELS, POST_CATEGORY_LABELS, type Label } from '@shared/guideline/model'
import { roundHalfUp2, type Rational } from '../metrics/exact'
import type { AnnualResult, PersonResult } from './model'

/**
 * 计算明细: one person's whole computation in readable lines, Chinese and English — every indicator
 * with its score, N/A and the weight it carries after spreading, each dimension, each channel, the
 * composite T with its formula, the vetoes, the place in the ranking and how the proposed grade
 * follows. What an appellant or an auditor reads beside the inputs file.
 */

function num(r: Rational | null): string {
  return r === null ? '—' : roundHalfUp2(r).toFixed(2)
}

function pct(r: Rational): string {
  const v = roundHalfUp2(r)
  return Number.isInteger(v) ? String(v) : v.toFixed(2)
}

export function explain(result: AnnualResult, p: PersonResult, name: string): Label[] {
  const lines: Label[] = []
  const add = (zh: string, en: string): void => void lines.push({ zh, en })
  add(`${name}（${p.id}），${POST_CATEGORY_LABELS[p.category].zh}`, `${name} (${p.id}), ${POST_CATEGORY_LABELS[p.category].en}`)
  if (p.status === 'ungraded') {
    const r = p.ungradedReason
    if (r?.kind === 'sanction') add(`${r.lastYear ? '上一年度' : '本年度'}受“${r.sanction ?? ''}”，本年度不定等次（V4），不参加排名，不计入参评人数 N`, `"${r.sanction ?? ''}" ${r.lastYear ? 'last year' : 'this year'}: no grade this year (V4); not ranked, not counted in N`)
    else add('本年度不定等次（试用期、长期病假等），不参加排名，不计入参评人数 N', 'no grade this year (probation, long leave …): not ranked, not counted in N')
    return lines
  }

  add(`一、${CHANNEL_LABELS.leadership.zh}（考核评分表）`, `1. ${CHANNEL_LABELS.leadership.en} (evaluation sheet)`)
  for (const d of p.leadership) {
    const dl = DIMENSION_LABELS[d.dimension]
    const parts = d.indicators.map((i) => {
      const s = i.score === null ? (i.missing ? '缺评分' : '不适用') : `${num(i.score)}${i.raters !== null ? `（${i.raters} 人平均）` : ''}`
      const sEn = i.score === null ? (i.missing ? 'missing' : 'N/A') : `${num(i.score)}${i.raters !== null ? ` (mean of ${i.raters})` : ''}`
      return { zh: `${i.name} ${s} × ${pct(i.effectiveWeight)}%`, en: `${i.name} ${sEn} × ${pct(i.effectiveWeight)}%` }
    })
    const share = d.score === null ? '不适用，权重按比例分给其他维度' : `维度得分 ${num(d.score)}，占 ${pct(d.effectiveWeight)}%`
    const shareEn = d.score === null ? 'N/A: its weight spread over the other dimensions' : `dimension score ${num(d.score)}, weighing ${pct(d.effectiveWeight)}%`
    add(`  ${dl.zh}（权重 ${pct(d.weight)}%）：${parts.map((x) => x.zh).join('；')}。${share}`, `  ${dl.en} (weight ${pct(d.weight)}%): ${parts.map((x) => x.en).join('; ')}. ${shareEn}`)
  }
  add(`  领导评价得分 ${num(p.channels.leadership.score)}`, `  leadership score ${num(p.channels.leadership.score)}`)

  add(`二、${CHANNEL_LABELS.democratic.zh}（有效票 ${p.democratic.ballotCount} 张）`, `2. ${CHANNEL_LABELS.democratic.en} (${p.democratic.ballotCount} valid ballots)`)
  if (p.channels.democratic.score === null) {
    add('  有效票不足，本渠道不适用，权重按比例分给其他渠道', '  too few ballots: the channel is N/A and its weight is spread over the others')
  } else {
    const parts = p.democratic.dimensions.map((d) => ({
      zh: `${DIMENSION_LABELS[d.dimension].zh} ${d.mean === null ? '无人评价' : `${num(d.mean)}（${d.count} 票）`} × ${pct(d.effectiveWeight)}%`,
      en: `${DIMENSION_LABELS[d.dimension].en} ${d.mean === null ? 'not rated' : `${num(d.mean)} (${d.count} ballots)`} × ${pct(d.effectiveWeight)}%`,
    }))
    add(`  ${parts.map((x) => x.zh).join('；')}；民主测评得分 ${num(p.channels.democratic.score)}`, `  ${parts.map((x) => x.en).join('; ')}; democratic score ${num(p.channels.democratic.score)}`)
  }

  add(`三、${CHANNEL_LABELS.quarterly.zh}（${p.quarterly.count} 个季度）`, `3. ${CHANNEL_LABELS.quarterly.en} (${p.quarterly.count} quarters)`)
  if (p.channels.quarterly.score === null) add('  无季度得分，本渠道不适用，权重按比例分给其他渠道', '  no quarterly score: the channel is N/A and its weight is spread over the others')
  else {
    const few = p.quarterly.count < 4 ? '（不足四个季度）' : ''
    add(`  季度得分 ${p.quarterly.scores.map(num).join('、')}，平均 ${num(p.channels.quarterly.score)}${few}`, `  quarterly scores ${p.quarterly.scores.map(num).join(', ')}, mean ${num(p.channels.quarterly.score)}${p.quarterly.count < 4 ? ' (fewer than four)' : ''}`)
  }

  const used = (['leadership', 'democratic', 'quarterly'] as const).filter((c) => p.channels[c].score !== null)
  const formula = used.map((c) => `${pct(p.channels[c].weight)} × ${num(p.channels[c].score)}`).join(' + ')
  const weights = used.map((c) => pct(p.channels[c].weight)).join(' + ')
  add(
    `四、综合得分 T = (${formula}) / (${weights}) = ${p.T?.toFixed(2) ?? '—'}（按未舍入的渠道得分计算，最后四舍五入到两位小数一次）`,
    `4. Composite T = (${formula}) / (${weights}) = ${p.T?.toFixed(2) ?? '—'} (from unrounded channel scores, rounded half-up to two decimals once)`,
  )
  for (const r of p.reasons) add(`  否决项：${r.zh}`, `  veto: ${r.en}`)
  add(`五、优秀名额：${result.quota.zh}；参评人数 N = ${result.N}`, `5. 优秀 quota: ${result.quota.en}; N = ${result.N}`)
  if (p.status === 'pending') add('  立案审查中，等次待定，结案后补定', '  under investigation: grade pending until the case closes')
  else if (p.rank !== null) add(`  可评优人员中排名第 ${p.rank}（同分依次比较领导评价、民主测评、平时考核，不适用者排后）`, `  place ${p.rank} among those eligible for 优秀 (ties: leadership, then democratic, then quarterly; N/A ranks lower)`)
  else add('  不参加优秀排名', '  not ranked for 优秀')
  const why =
    p.grade === 'TIE'
      ? { zh: '与他人在名额线上完全并列，由领导小组决定', en: 'tied exactly with others at the quota line: the leadership group decides' }
      : p.forced
        ? { zh: '因否决项定为不称职', en: '不称职 by veto' }
        : p.grade === '优秀'
          ? { zh: `排名在名额 K = ${result.K} 之内且 T 达到优秀分数线`, en: `within the quota K = ${result.K} and T at or above the 优秀 line` }
          : { zh: '按分数线确定', en: 'by the grade thresholds' }
  add(`六、拟定等次：${p.grade === 'TIE' ? '并列待定' : p.grade}（${why.zh}）`, `6. Proposed grade: ${p.grade === 'TIE' ? 'tie, undecided' : p.grade} (${why.en})`)
  return lines
}
