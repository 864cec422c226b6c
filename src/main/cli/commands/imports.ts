import type { ImportPreview } from '@shared/api/types'
import { command, EXIT, type Text } from '../command'
import { readInput, writeFileExport } from '../support'

const SUMMARY: Record<'attendance' | 'survey', Text> = {
  attendance: {
    zh: '导入考勤机导出 .xlsx/.csv（工号、日期、状态、时长，人事科）；重复导入不会重复计入；有任何错误行则退出码 4、不写入',
    en: 'import an attendance-machine export (HR); re-imports add nothing; any bad row → exit 4',
  },
  survey: {
    zh: '导入服务评价（好差评五级或 1–5 分，人事科）；有评价编号的按编号去重，没有的同一文件不能导入两次；某人全年评价少于指引规定份数时给出“样本不足”提示',
    en: 'import satisfaction responses (HR); deduplicated by 评价编号, else the same file is refused twice; a person’s year with fewer responses than the guideline asks is flagged',
  },
}

/** Attendance and service-satisfaction imports (HR): preview, then write only when no row is bad. */
const IMPORTS = (['attendance', 'survey'] as const).map((what) =>
  command({
    path: ['import', what],
    summary: SUMMARY[what],
    args: ['FILE'],
    options: { 'dry-run': { type: 'boolean', zh: '只检查，不写入', en: 'check only, write nothing' } },
    async run({ args, opts, login, call, print }) {
      const path = args.FILE
      await login()
      const file = readInput(path)
      const preview: ImportPreview = await call(what === 'attendance' ? 'attendance.preview' : 'survey.preview', file)
      const summary = {
        file: path,
        rows: preview.rows,
        added: preview.added,
        unchanged: preview.unchanged,
        errors: preview.errors.map((e) => ({ row: e.row, column: e.column, code: e.code, message: `${e.zh} / ${e.en}`, ...(e.value !== undefined ? { value: e.value } : {}) })),
        warnings: preview.warnings.map((e) => ({ row: e.row, column: e.column, code: e.code, message: `${e.zh} / ${e.en}` })),
        written: false,
      }
      const where = (e: { row: number; column: string }) => (e.row ? `第 ${e.row} 行 row ${e.row} [${e.column}] ` : '')
      const describe = () =>
        [
          `${path}: ${preview.rows} 行 rows — 新增或更新 added ${preview.added}, 已有 unchanged ${preview.unchanged}`,
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
      const result = await call(what === 'attendance' ? 'attendance.import' : 'survey.import', file)
      print({ ...summary, ...result, written: true }, () => `${describe()}\n已导入 / imported: ${result.added}`)
      return EXIT.ok
    },
  }),
)

const TEMPLATE_SUMMARY: Record<'attendance' | 'survey', Text> = {
  attendance: { zh: '写出考勤导入模板并列出各列（人事科）', en: 'write the attendance import template and list its columns (HR)' },
  survey: { zh: '写出服务评价导入模板并列出各列（人事科）', en: 'write the survey import template and list its columns (HR)' },
}

/** The templates, built from the importers' own columns; the columns are printed too. */
const TEMPLATES = (['attendance', 'survey'] as const).map((what) =>
  command({
    path: ['template', what],
    summary: TEMPLATE_SUMMARY[what],
    options: {
      format: { type: 'string', value: 'xlsx|csv', zh: '格式（默认 xlsx）', en: 'format (default xlsx)' },
      out: { type: 'string', value: 'FILE', zh: '写到此文件（默认模板的文件名）', en: 'write to this file (default: the template’s name)' },
      force: { type: 'boolean', zh: '替换已有文件', en: 'replace an existing file' },
    },
    async run({ opts, login, call, print, app }) {
      await login()
      const format = opts.format === 'csv' ? 'csv' : 'xlsx'
      const t = await call('records.template', { kind: what, format })
      const columns = await call('records.columns', { kind: what })
      const { file: out } = writeFileExport(opts.out ?? t.fileName, t, app, opts.force)
      print({ file: out, columns }, () =>
        [
          `已写出模板 / template written: ${out}`,
          ...columns.map((c) => `  ${c.header}（${c.required ? '必填 required' : '选填 optional'}）${c.meaning.zh}`),
        ].join('\n'),
      )
      return EXIT.ok
    },
  }),
)

/** Attendance and survey: their templates, then their imports. */
export const IMPORT_COMMANDS = [...TEMPLATES, ...IMPORTS]
