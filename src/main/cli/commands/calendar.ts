import { command, EXIT } from '../command'
import { UsageError } from '../prompt'
import { readInput } from '../support'

/** China's working-day calendar. */
export const CALENDAR_COMMANDS = [
  command({
    path: ['calendar', 'add'],
    summary: { zh: '计算 N 个工作日后的日期，未载入节假日表的年份给出警告', en: 'a deadline N working days on, with warnings for years without a holiday table' },
    options: {
      from: { type: 'string', value: 'YYYY-MM-DD', required: true, zh: '起始日期', en: 'start day' },
      'working-days': { type: 'string', value: 'N', required: true, zh: '工作日数', en: 'working days' },
    },
    async run({ opts, login, call, print }) {
      const days = Number(opts['working-days'])
      if (!Number.isInteger(days)) throw new UsageError('calendar add --from YYYY-MM-DD --working-days N')
      await login()
      const r = await call('calendar.addWorkingDays', { from: opts.from, days })
      print(r, () => [`${r.from} + ${r.days} 个工作日 working days = ${r.date}`, ...r.warnings.map((w) => `  ! ${w.zh} / ${w.en}`)].join('\n'))
      return EXIT.ok
    },
  }),
  command({
    path: ['calendar', 'import'],
    summary: { zh: '导入某年节假日安排（JSON 或 ICS，人事科）', en: 'import a year’s holiday table (.json or .ics, HR)' },
    args: ['FILE'],
    options: {},
    async run({ args, login, call, print }) {
      await login()
      const r = await call('calendar.import', readInput(args.FILE))
      print(r, () => `已导入 ${r.year} 年节假日安排 / imported the ${r.year} table: ${r.holidays} 天假日 holidays, ${r.makeupWorkdays} 天调休上班 make-up days (${r.source})`)
      return EXIT.ok
    },
  }),
]
