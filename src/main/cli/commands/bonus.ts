import { yuan, type BonusTable } from '@shared/outcomes'
import { command, EXIT } from '../command'
import { UsageError } from '../prompt'
import { table, writeFileExport, yearOf } from '../support'

const YEAR = { type: 'string', value: 'Y', required: true, zh: '考核年度', en: 'assessment year' } as const

/** Yuan with at most two decimals ("12000", "12000.5", "12000.50") as integer fen, exactly. */
export function fenOf(text: string, what: string): number {
  const m = /^(\d{1,11})(?:\.(\d{1,2}))?$/.exec(text.trim())
  if (!m) throw new UsageError(`${what} 须为元，最多两位小数：${text} / ${what} must be yuan with at most two decimals: ${text}`)
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}

function bonusText(t: BonusTable): string {
  const p = t.percents
  const head =
    `${t.year} 年度考核奖金表 / ${t.year} bonus table\n` +
    `系数 / coefficients：优秀 ${p.优秀}%，称职 ${p.称职}%，基本称职 ${p.基本称职}%，不称职 ${p.不称职}%\n` +
    `基数 / base：${t.baseFen === null ? '未登记 / not set' : `${yuan(t.baseFen)} 元`}；预算 / budget：${t.budgetFen === null ? '未登记 / not set' : `${yuan(t.budgetFen)} 元`}\n`
  if (!t.final) return head + '考核结果尚未确定（公示期未结束），暂无名单 / the results are not final yet: no rows\n'
  const rows = t.rows.map((r) => [r.staffNo, r.name, r.department ?? '', r.grade, r.percent === null ? '-' : `${r.percent}%`, r.amountFen === null ? '-' : yuan(r.amountFen), r.reason?.zh ?? ''])
  const foot =
    `合计 / total：${yuan(t.totalFen)} 元` +
    (t.remainingFen === null ? '' : t.remainingFen >= 0 ? `；结余 / under budget by ${yuan(t.remainingFen)} 元` : `；超出预算 / over budget by ${yuan(-t.remainingFen)} 元`) +
    '\n'
  return head + table(['工号', '姓名', '科室', '等次', '系数', '奖金（元）', '说明'], rows) + foot
}

/** 奖金表 (RULES.md §8): base and budget, the table, its Excel export. */
export const BONUS_COMMANDS = [
  command({
    path: ['bonus', 'show'],
    summary: { zh: '年度考核奖金表：每人等次、系数与奖金，合计与预算比较', en: 'the year’s bonus table: grade, coefficient and amount per person, total against the budget' },
    options: { year: YEAR },
    async run({ opts, login, call, print }) {
      await login()
      const t = await call('outcomes.bonus', { year: yearOf(opts.year) })
      print(t, () => bonusText(t))
      return EXIT.ok
    },
  }),
  command({
    path: ['bonus', 'set'],
    summary: { zh: '登记奖金基数与预算（元，最多两位小数；人事科）', en: 'enter the bonus base and budget (yuan, at most two decimals; HR)' },
    options: {
      year: YEAR,
      base: { type: 'string', value: 'YUAN', required: true, zh: '奖金基数（元）', en: 'bonus base (yuan)' },
      budget: { type: 'string', value: 'YUAN', required: true, zh: '奖金预算（元）', en: 'bonus budget (yuan)' },
    },
    async run({ opts, login, call, print }) {
      const year = yearOf(opts.year)
      const baseFen = fenOf(opts.base, '--base')
      const budgetFen = fenOf(opts.budget, '--budget')
      await login()
      const t = await call('outcomes.setBonus', { year, baseFen, budgetFen })
      print(t, () => bonusText(t))
      return EXIT.ok
    },
  }),
  command({
    path: ['bonus', 'export'],
    summary: { zh: '导出奖金表 Excel（不覆盖已有文件）', en: 'export the bonus table to Excel (never overwrites a file)' },
    options: { year: YEAR, out: { type: 'string', value: 'FILE.xlsx', zh: '写入此文件（默认：年度考核奖金表.xlsx）', en: 'write this file (default: the table’s own name)' } },
    async run({ opts, io, app, login, call }) {
      const year = yearOf(opts.year)
      await login()
      const f = await call('outcomes.exportBonus', { year })
      const r = writeFileExport(opts.out ?? f.fileName, f, app, false)
      io.out(opts.json ? JSON.stringify({ ...r, rows: f.rows, totalFen: f.totalFen }) + '\n' : `已写入 / written: ${r.file}（${f.rows} 人，合计 ${yuan(f.totalFen)} 元）\n`)
      return EXIT.ok
    },
  }),
]
