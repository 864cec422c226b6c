import { command, EXIT } from '../command'
import { readInput, writeFileExport } from '../support'

/** The organisation: the roster template and the roster import (HR). */
export const ORG_COMMANDS = [
  command({
    path: ['template', 'roster'],
    summary: { zh: '写出花名册模板（人事科）', en: 'write the roster template (HR)' },
    options: {
      format: { type: 'string', value: 'xlsx|csv', zh: '格式（默认 xlsx）', en: 'format (default xlsx)' },
      out: { type: 'string', value: 'FILE', zh: '写到此文件（默认模板的文件名）', en: 'write to this file (default: the template’s name)' },
      force: { type: 'boolean', zh: '替换已有文件', en: 'replace an existing file' },
    },
    async run({ opts, login, call, print, app }) {
      await login()
      const format = opts.format === 'csv' ? 'csv' : 'xlsx'
      const t = await call('org.roster.template', { format })
      const { file: out } = writeFileExport(opts.out ?? t.fileName, t, app, opts.force)
      print({ file: out }, () => `已写出花名册模板 / roster template written: ${out}`)
      return EXIT.ok
    },
  }),
  command({
    path: ['import', 'roster'],
    summary: {
      zh: '导入花名册 .xlsx/.csv（UTF-8 或 GBK）；有任何错误行则退出码 4、不写入',
      en: 'import a roster; any bad row → exit 4 and nothing written',
    },
    args: ['FILE'],
    options: { 'dry-run': { type: 'boolean', zh: '只检查，不写入', en: 'check only, write nothing' } },
    async run({ args, opts, login, call, print }) {
      const path = args.FILE
      await login()
      const file = readInput(path)
      const preview = await call('org.roster.preview', file)
      const summary = {
        file: path,
        rows: preview.rows,
        created: preview.created,
        updated: preview.updated,
        unchanged: preview.unchanged,
        newDepartments: preview.newDepartments,
        errors: preview.errors.map((e) => ({ row: e.row, column: e.column, code: e.code, message: `${e.zh} / ${e.en}`, ...(e.value !== undefined ? { value: e.value } : {}) })),
        warnings: preview.warnings.map((e) => ({ row: e.row, column: e.column, code: e.code, message: `${e.zh} / ${e.en}` })),
        written: false,
      }
      const describe = () =>
        [
          `${path}: ${preview.rows} 行 rows — 新增 created ${preview.created}, 更新 updated ${preview.updated}, 不变 unchanged ${preview.unchanged}`,
          ...(preview.newDepartments.length ? [`新科室 new departments: ${preview.newDepartments.join('、')}`] : []),
          ...summary.errors.map((e) => `  ✗ 第 ${e.row} 行 row ${e.row} [${e.column}] ${e.code}: ${e.message}`),
          ...summary.warnings.map((e) => `  ! 第 ${e.row} 行 row ${e.row} [${e.column}] ${e.code}: ${e.message}`),
        ].join('\n')
      if (preview.errors.length) {
        print(summary, () => `${describe()}\n有错误，未导入任何数据 / errors found; nothing was imported`)
        return EXIT.invalid
      }
      if (opts['dry-run']) {
        print(summary, () => `${describe()}\n（试运行，未写入 / dry run, nothing written）`)
        return EXIT.ok
      }
      const result = await call('org.roster.import', file)
      print({ ...summary, ...result, written: true }, () => `${describe()}\n已导入 / imported`)
      return EXIT.ok
    },
  }),
]
