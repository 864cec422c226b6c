import { chineseDate } from '@shared/dates'
import { QUARTER_PHASE_LABELS, type Quarter, type QuarterPhaseView } from '@shared/quarterly'
import { QUARTERLY_GRADE_LABELS } from '../../core/quarterly/scoring'
import { command, EXIT } from '../command'
import { UsageError } from '../prompt'
import { table, yearOf } from '../support'

function quarterOf(opts: { year?: string; quarter: string }, usage: string): { year: number; quarter: Quarter } {
  const year = yearOf(opts.year)
  const quarter = Number(opts.quarter)
  if (![1, 2, 3, 4].includes(quarter)) throw new UsageError(usage)
  return { year, quarter: quarter as Quarter }
}

/** The quarter's phase and dates, one line each language (core/quarterly/phases.ts). */
function phaseLines(ph: QuarterPhaseView): string {
  const zh =
    `阶段：${QUARTER_PHASE_LABELS[ph.phase].zh}；工作小结截止 ${chineseDate(ph.summaryDueOn)}，` +
    `主管评价 ${chineseDate(ph.ratingFrom)}至${chineseDate(ph.ratingEndsOn)}，${chineseDate(ph.closesOn)}起结束` +
    (ph.reopened ? `；人事科已重新开放至 ${chineseDate(ph.reopened.openUntil)}` : '')
  const en =
    `phase: ${QUARTER_PHASE_LABELS[ph.phase].en}; summary due ${ph.summaryDueOn}, rating ${ph.ratingFrom}–${ph.ratingEndsOn}, closed from ${ph.closesOn}` +
    (ph.reopened ? `; reopened by HR until ${ph.reopened.openUntil}` : '')
  return `${zh}\n${en}\n`
}

const QUARTER_OPTIONS = {
  year: { type: 'string', value: 'Y', zh: '年度（默认今年）', en: 'year (default this year)' },
  quarter: { type: 'string', value: '1-4', required: true, zh: '季度', en: 'quarter' },
} as const

/** Quarterly evaluation. */
export const QUARTERLY_COMMANDS = [
  command({
    path: ['quarterly', 'status'],
    summary: {
      zh: '季度评估状态：业绩、潜力、互评、得分、等次、是否达标（人事科、领导小组看全部，主管看下属，本人看本人）',
      en: 'quarterly evaluation status: ratings, peers, score, grade, standard met (scoped like the ledger)',
    },
    options: {
      year: { type: 'string', value: 'Y', zh: '年度（默认今年）', en: 'year (default this year)' },
      quarter: { type: 'string', value: '1-4', required: true, zh: '季度', en: 'quarter' },
    },
    async run({ opts, login, call, print }) {
      const year = yearOf(opts.year)
      const quarter = Number(opts.quarter)
      if (![1, 2, 3, 4].includes(quarter)) throw new UsageError('quarterly status --year Y --quarter 1-4')
      await login()
      const rows = await call('quarterly.status', { year, quarter: quarter as Quarter })
      const num = (x: number | null) => (x === null ? '—' : x.toFixed(2))
      print({ year, quarter, rows }, () =>
        rows.length
          ? `${year} 年第 ${quarter} 季度 / ${year} Q${quarter}\n` +
            phaseLines(rows[0]!.phase) +
            table(
              ['staff', 'name', 'department', 'perf', 'potential', 'peers', 'score', 'grade', 'standard', 'flags'],
              rows.map((r) => [
                r.staffNo,
                r.name,
                r.department ?? '',
                num(r.rating?.performance ?? null),
                num(r.rating?.potential ?? null),
                `${r.peersRated}/${r.peersAssigned}`,
                num(r.score),
                r.grade ? QUARTERLY_GRADE_LABELS[r.grade].zh : '—',
                r.meetsStandard === null ? '—' : r.meetsStandard ? '达标' : `不达标${r.rating?.failReason ? `（${r.rating.failReason}）` : ''}`,
                r.flags.join(' '),
              ]),
            )
          : '没有可显示的人员 / nobody to show',
      )
      return EXIT.ok
    },
  }),
  command({
    path: ['quarterly', 'auto-assign'],
    summary: {
      zh: '自动安排季度互评人（同科室，排除本人、上级与直接下属，按政策最少人数，均衡分配；人事科）',
      en: 'assign quarterly peers automatically (same department, not oneself, one’s supervisors or direct reports; up to the policy’s minimum; HR)',
    },
    options: { ...QUARTER_OPTIONS, department: { type: 'string', value: 'ID', zh: '只安排此科室（编号）', en: 'this department only (id)' } },
    async run({ opts, login, call, print }) {
      const q = quarterOf(opts, 'quarterly auto-assign --year Y --quarter 1-4 [--department ID]')
      const departmentId = opts.department === undefined ? undefined : Number(opts.department)
      if (departmentId !== undefined && !(Number.isInteger(departmentId) && departmentId > 0)) throw new UsageError('--department ID')
      await login()
      const r = await call('quarterly.autoAssignPeers', { ...q, ...(departmentId ? { departmentId } : {}) })
      print(r, () =>
        `新安排 ${r.created.length} 项互评 / ${r.created.length} assignment(s) created\n` +
        (r.created.length ? table(['ratee', 'rater', 'department'], r.created.map((a) => [a.rateeName, a.raterName, a.department ?? ''])) + '\n' : '') +
        (r.short.length
          ? `互评人仍少于 ${r.minPeerRaters} 名（科室人数不足）/ still fewer than ${r.minPeerRaters} peers: ` + r.short.map((s) => `${s.rateeName}（${s.peers}）`).join('、')
          : ''),
      )
      return EXIT.ok
    },
  }),
  command({
    path: ['quarterly', 'reopen'],
    summary: { zh: '重新开放已结束的季度（须说明理由；人事科）', en: 'reopen a closed quarter (with a reason; HR)' },
    options: { ...QUARTER_OPTIONS, reason: { type: 'string', value: 'TEXT', required: true, zh: '理由', en: 'reason' } },
    async run({ opts, login, call, print }) {
      const q = quarterOf(opts, 'quarterly reopen --year Y --quarter 1-4 --reason TEXT')
      await login()
      const ph = await call('quarterly.reopen', { ...q, reason: opts.reason })
      print(ph, () => phaseLines(ph))
      return EXIT.ok
    },
  }),
]
