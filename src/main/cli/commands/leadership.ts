import { command, EXIT } from '../command'
import { readInput, yearOf } from '../support'

/** The leadership group's evaluation sheets: the score sheet filled at a meeting (HR). */
export const LEADERSHIP_COMMANDS = [
  command({
    path: ['import', 'leadership-scores'],
    summary: {
      zh: '导入会议填写的考核评分表 .xlsx/.csv（工号、姓名、评分人，再每个评分指标一列；人事科）；有任何错误行则退出码 4、不写入',
      en: 'import the leadership score sheet filled at a meeting (工号, 姓名, 评分人, one column per rated indicator; HR); any bad row → exit 4',
    },
    args: ['FILE'],
    options: {
      year: { type: 'string', value: 'Y', required: true, zh: '考核年度', en: 'assessment year' },
      'dry-run': { type: 'boolean', zh: '只检查，不写入', en: 'check only, write nothing' },
    },
    async run({ args, opts, login, call, print }) {
      const year = yearOf(opts.year)
      await login()
      const file = readInput(args.FILE)
      const preview = await call('leadership.previewScores', { year, file })
      const summary = {
        file: args.FILE,
        year,
        rows: preview.rows,
        sheets: preview.sheets,
        errors: preview.errors.map((e) => ({ row: e.row, column: e.column, code: e.code, message: `${e.zh} / ${e.en}`, ...(e.value !== undefined ? { value: e.value } : {}) })),
        warnings: preview.warnings.map((e) => ({ row: e.row, column: e.column, code: e.code, message: `${e.zh} / ${e.en}` })),
        written: false,
      }
      const where = (e: { row: number; column: string }) => (e.row ? `第 ${e.row} 行 row ${e.row} [${e.column}] ` : '')
      const describe = () =>
        [
          `${args.FILE}: ${preview.rows} 行 rows — 评分表 sheets ${preview.sheets}`,
          ...summary.errors.map((e) => `  ✗ ${where(e)}${e.code}: ${e.message}`),
          ...summary.warnings.map((e) => `  ! ${where(e)}${e.code}: ${e.message}`),
        ].join('\n')
      if (preview.errors.length) {
        print(summary, () => `${describe()}\n有错误，未导入任何数据 / errors found; nothing was imported`)
        return EXIT.invalid
      }
      if (opts['dry-run']) {
        print(summary, () => `${describe()}\n（试运行，未写入 / dry run, nothing written）`)
        return EXIT.ok
      }
      const result = await call('leadership.importScores', { year, file })
      print({ ...summary, ...result, written: true }, () => `${describe()}\n已导入 / imported: ${result.sheets}`)
      return EXIT.ok
    },
  }),
]
