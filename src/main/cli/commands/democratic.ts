import type { DemocraticRoundView } from '@shared/democratic'
import { VOTER_CATEGORY_LABELS } from '@shared/democratic'
import { resolve } from 'node:path'
import { KaoheError } from '@shared/errors'
import { checkExportTarget, unitsOf } from '../../core/unit/exportTarget'
import { CliError, command, EXIT } from '../command'
import { UsageError } from '../prompt'
import { readInput, writeFileExport, yearOf } from '../support'

/** 民主测评 (democratic evaluation) from the command line: the round, ballot codes and paper tallies (HR). */

const YEAR = { type: 'string', value: 'Y', zh: '年度（默认今年）', en: 'year (default this year)' } as const

function count(text: string | undefined, name: string): number {
  if (text === undefined) return 0
  const n = Number(text)
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} 须为不小于 0 的整数 / must be a whole number ≥ 0: ${text}`)
  return n
}

function roundText(r: DemocraticRoundView): string {
  const status = { none: '未开启 not opened', open: '进行中 open', closed: '已结束 closed' }[r.status]
  const c = r.codes
  return [
    `${r.year} 年度民主测评 / democratic evaluation ${r.year}: ${status}`,
    `票码 codes — 同事 colleagues ${c.colleague.used} / ${c.colleague.issued} 已投 used; 服务对象代表 representatives ${c.representative.used} / ${c.representative.issued} 已投 used`,
    `有效票 valid sheets: 同事 ${r.validSheets.colleagues} + 服务对象代表 ${r.validSheets.representatives} = ${r.validSheets.total}` +
      (r.paperSheets ? `（含纸质 incl. paper: ${r.paperSheets.colleague} + ${r.paperSheets.representative}）` : ''),
    `服务对象代表占比 representatives' share: ${r.representativeShare ?? '—'}%（P5 ≥ ${r.p5Min}%，计划 planned ${r.plannedShare}%）`,
    r.uniformBallots ? `一致票 uniform ballots: ${r.uniformBallots}（${r.uniformDiscarded ? '按政策作废 discarded by policy' : '计入并标记 counted, flagged'}）` : '',
    r.valid ? '测评有效 / the round is valid' : `测评无效 / invalid: ${r.invalidReason?.zh ?? ''} / ${r.invalidReason?.en ?? ''}`,
  ]
    .filter(Boolean)
    .join('\n')
}

export const DEMOCRATIC_COMMANDS = [
  command({
    path: ['ballot', 'round'],
    summary: {
      zh: '民主测评轮次：open 开启、close 结束、status 查看票码使用、有效票与 P5 是否满足（人事科）',
      en: 'the democratic-evaluation round: open, close, or status (codes used, valid sheets, P5) (HR)',
    },
    args: ['ACTION'],
    options: { year: YEAR },
    async run({ args, opts, login, call, print }) {
      const year = yearOf(opts.year)
      const action = args.ACTION
      if (action !== 'open' && action !== 'close' && action !== 'status') throw new UsageError('ballot round open|close|status --year Y')
      await login()
      const view = await call(action === 'open' ? 'democratic.open' : action === 'close' ? 'democratic.close' : 'democratic.round', { year })
      print(view, () => roundText(view))
      return EXIT.ok
    },
  }),
  command({
    path: ['ballot', 'codes'],
    summary: {
      zh: '生成一次性民主测评票码（每张只带投票人类别），并输出 A4 票码条 PDF；票码只显示这一次（人事科）',
      en: 'issue one-time ballot codes (each carries only its voter category) and write the A4 slips PDF; shown this once only (HR)',
    },
    options: {
      year: YEAR,
      colleagues: { type: 'string', value: 'N', zh: '同事票码张数', en: 'codes for colleagues' },
      representatives: { type: 'string', value: 'M', zh: '服务对象代表票码张数', en: 'codes for service-recipient representatives' },
      out: { type: 'string', value: 'FILE.pdf', zh: '票码条 PDF 写到此文件', en: 'write the slips PDF here' },
      force: { type: 'boolean', zh: '覆盖已有文件', en: 'replace an existing file' },
    },
    async run({ opts, app, login, call, print }) {
      const year = yearOf(opts.year)
      const colleagues = count(opts.colleagues, 'colleagues')
      const representatives = count(opts.representatives, 'representatives')
      // The target is checked before the codes are issued: codes whose slips could not be written would be lost.
      if (opts.out) {
        try {
          checkExportTarget(resolve(opts.out), unitsOf(app.state), opts.force)
        } catch (e) {
          if (e instanceof KaoheError) throw new CliError(e.toApiError())
          throw e
        }
      }
      await login()
      const r = await call('democratic.codes', { year, colleagues, representatives })
      const written = opts.out ? writeFileExport(opts.out, r.pdf, app, opts.force) : null
      print({ year, batch: r.batch, codes: r.codes, pdf: written }, () =>
        [
          `${year} 年度民主测评票码 第 ${r.batch} 批 / ballot codes, batch ${r.batch}: ${r.codes.length}`,
          ...r.codes.map((c) => `  ${c.code}  ${VOTER_CATEGORY_LABELS[c.category].zh} ${c.category}`),
          written ? `票码条 PDF / slips: ${written.file} (${written.bytes} bytes)` : '（未输出 PDF，可加 --out FILE.pdf / no PDF written: add --out FILE.pdf）',
          '票码不会再次显示，请妥善保管 / the codes are never shown again',
        ].join('\n'),
      )
      return EXIT.ok
    },
  }),
  command({
    path: ['import', 'tallies'],
    summary: {
      zh: '导入民主测评纸质计票（工号、维度、类别、优秀/称职/基本称职/不称职票数、有效票数；整体替换当年纸质计票；有错误行则退出码 4、不写入）',
      en: 'import paper tallies of the democratic evaluation (replaces the year’s paper tallies; any bad row → exit 4, nothing written)',
    },
    args: ['FILE'],
    options: { year: YEAR, 'dry-run': { type: 'boolean', zh: '只检查，不写入', en: 'check only, write nothing' } },
    async run({ args, opts, login, call, print }) {
      const year = yearOf(opts.year)
      await login()
      const file = readInput(args.FILE)
      const report = await call('democratic.importTallies', { year, file, dryRun: true })
      const where = (e: { row: number; column: string }) => (e.row ? `第 ${e.row} 行 row ${e.row} [${e.column}] ` : '')
      const summary = {
        file: args.FILE,
        year,
        rows: report.rows,
        people: report.people,
        cells: report.cells,
        sheets: report.sheets,
        errors: report.errors.map((e) => ({ row: e.row, column: e.column, code: e.code, message: `${e.zh} / ${e.en}`, ...(e.value !== undefined ? { value: e.value } : {}) })),
        warnings: report.warnings.map((e) => ({ row: e.row, column: e.column, code: e.code, message: `${e.zh} / ${e.en}` })),
        written: false,
      }
      const describe = () =>
        [
          `${args.FILE}: ${report.rows} 行 rows — ${report.people} 人 people, ${report.cells} 项 cells; 有效票 valid sheets: 同事 ${report.sheets.colleague ?? '—'}, 服务对象代表 ${report.sheets.representative ?? '—'}`,
          ...summary.errors.map((e) => `  ✗ ${where(e)}${e.code}: ${e.message}`),
          ...summary.warnings.map((e) => `  ! ${where(e)}${e.code}: ${e.message}`),
        ].join('\n')
      if (report.errors.length) {
        print(summary, () => `${describe()}\n有错误，未导入任何数据 / errors found; nothing was imported`)
        return EXIT.invalid
      }
      if (opts['dry-run']) {
        print(summary, () => `${describe()}\n（试运行，未写入 / dry run, nothing written）`)
        return EXIT.ok
      }
      await call('democratic.importTallies', { year, file, dryRun: false })
      print({ ...summary, written: true }, () => `${describe()}\n已导入 / imported`)
      return EXIT.ok
    },
  }),
]
