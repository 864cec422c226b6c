import type { ExportedPackage, ImportPreview, PackageVerification, PackageView } from '@shared/bundles'
import { PACKAGE_CHECK_NAMES, PACKAGE_KIND_NAMES } from '@shared/bundles'
import { command, EXIT, type Context } from '../command'
import type { Options } from '../command'

type CallFn = Context<Options, readonly string[]>['call']
import { UsageError } from '../prompt'
import { readInput, table, writeFileExport, yearOf } from '../support'

const YEAR = { type: 'string', value: 'Y', required: true, zh: '考核年度', en: 'assessment year' } as const
const TO = { type: 'string', value: 'FILE', required: true, zh: '写入此文件（不覆盖已有文件）', en: 'write this file (never overwrites)' } as const
const OFFICE = { type: 'string', value: 'CODE', required: true, zh: '收件单位代码', en: 'the receiving unit’s code' } as const

async function officeUidOf(call: CallFn, code: string): Promise<string> {
  const o = (await call('keycards.offices', {})).find((x) => x.code === code)
  if (!o) throw new UsageError(`没有代码为 ${code} 的已登记机关 / no registered office with code ${code}`)
  return o.uid
}

function exportedText(e: ExportedPackage, file: string): string {
  return `已写入 / written: ${file}\n  ${PACKAGE_KIND_NAMES[e.kind].zh} / ${PACKAGE_KIND_NAMES[e.kind].en} → ${e.recipient.name}（${e.recipient.code}），序号 / sequence ${e.sequence}，${e.bytes} 字节 / bytes\n  包编号 / package id ${e.packageId}\n  清单 SHA-256 / manifest SHA-256 ${e.manifestSha256}\n`
}

function checksText(v: PackageVerification): string {
  const lines = v.checks.map((c) => `  ${c.ok ? '✓' : '✗'} ${PACKAGE_CHECK_NAMES[c.check].zh} / ${PACKAGE_CHECK_NAMES[c.check].en}：${c.zh}${c.zh === c.en ? '' : ` / ${c.en}`}`)
  const head = v.packageId ? `包 / package ${v.packageId}（${v.kind ? PACKAGE_KIND_NAMES[v.kind].zh : '?'}，${v.sender?.name ?? '?'} → ${v.recipient?.name ?? '?'}，序号 / sequence ${v.sequence ?? '?'}，${v.period ?? ''}）\n` : ''
  const tail = v.alreadyImported ? '  已导入过，再次导入不作任何更改 / imported before: importing again changes nothing\n' : ''
  return head + lines.join('\n') + '\n' + tail
}

function rejectedExit(v: PackageVerification, err: (s: string) => void): number {
  if (v.ok) return EXIT.ok
  const name = v.failed ? PACKAGE_CHECK_NAMES[v.failed] : null
  err(`未通过“${name?.zh ?? v.failed}”检查 / failed the ${name?.en ?? v.failed} check (${v.failed})\n`)
  return EXIT.invalid
}

/** Sealed packages (issue 11): export, verify, dry run, import, receipts, the log, 备案 documents. */
export const PACKAGE_COMMANDS = [
  command({
    path: ['package', 'export', 'results'],
    summary: { zh: '年度考核结果上报包（发往已登记的上级机关）', en: 'seal the year’s final results for the registered superior office' },
    options: { year: YEAR, to: TO },
    async run({ opts, io, app, login, call }) {
      const year = yearOf(opts.year)
      await login()
      const e = await call('bundles.exportResults', { year })
      const r = writeFileExport(opts.to, e, app, false)
      io.out(opts.json ? JSON.stringify({ ...e, contentBase64: undefined, file: r.file }) + '\n' : exportedText(e, r.file))
      return EXIT.ok
    },
  }),
  ...(['policy', 'guideline', 'calendar'] as const).map((kind) =>
    command({
      path: ['package', 'export', kind],
      summary: { zh: `下发${PACKAGE_KIND_NAMES[kind].zh}（上级机关）`, en: `seal a ${PACKAGE_KIND_NAMES[kind].en} for one unit (superior office)` },
      options: { office: OFFICE, year: YEAR, file: { type: 'string', value: 'F', required: true, zh: '内容文件', en: 'the content file' }, to: TO },
      async run({ opts, io, app, login, call }) {
        const year = yearOf(opts.year)
        const file = readInput(opts.file)
        await login()
        const officeUid = await officeUidOf(call, opts.office)
        const e = await call('bundles.exportDownward', { officeUid, kind, year, file })
        const r = writeFileExport(opts.to, e, app, false)
        io.out(opts.json ? JSON.stringify({ ...e, contentBase64: undefined, file: r.file }) + '\n' : exportedText(e, r.file))
        return EXIT.ok
      },
    }),
  ),
  command({
    path: ['package', 'export', 'quota'],
    summary: { zh: '下发优秀比例批复（上级机关）', en: 'seal a quota approval for one unit (superior office)' },
    options: {
      office: OFFICE,
      year: YEAR,
      document: { type: 'string', value: 'D', required: true, zh: '批复文号', en: 'the approval’s document number' },
      count: { type: 'string', value: 'N', zh: '批准优秀人数', en: 'approved 优秀 count' },
      rate: { type: 'string', value: 'R', zh: '批准优秀比例（%）', en: 'approved 优秀 rate (%)' },
      to: TO,
    },
    async run({ opts, io, app, login, call }) {
      const year = yearOf(opts.year)
      if ((opts.count === undefined) === (opts.rate === undefined)) throw new UsageError('须且只须给出 --count 或 --rate / give exactly one of --count or --rate')
      const count = opts.count === undefined ? undefined : Number(opts.count)
      const rate = opts.rate === undefined ? undefined : Number(opts.rate)
      if ((count !== undefined && !Number.isInteger(count)) || (rate !== undefined && !Number.isFinite(rate))) throw new UsageError('--count 须为整数，--rate 须为数字 / --count is an integer, --rate a number')
      await login()
      const officeUid = await officeUidOf(call, opts.office)
      const e = await call('bundles.exportDownward', { officeUid, kind: 'quota', year, quota: { document: opts.document, ...(count !== undefined ? { count } : {}), ...(rate !== undefined ? { rate } : {}) } })
      const r = writeFileExport(opts.to, e, app, false)
      io.out(opts.json ? JSON.stringify({ ...e, contentBase64: undefined, file: r.file }) + '\n' : exportedText(e, r.file))
      return EXIT.ok
    },
  }),
  command({
    path: ['package', 'export', 'receipt'],
    summary: { zh: '再次导出收到的包的回执', en: 'write again the receipt for a package received' },
    options: { for: { type: 'string', value: 'PACKAGEID', required: true, zh: '收到的包的编号', en: 'the received package’s id' }, to: TO },
    async run({ opts, io, app, login, call }) {
      await login()
      const e = await call('bundles.exportReceipt', { packageId: opts.for })
      const r = writeFileExport(opts.to, e, app, false)
      io.out(opts.json ? JSON.stringify({ ...e, contentBase64: undefined, file: r.file }) + '\n' : exportedText(e, r.file))
      return EXIT.ok
    },
  }),
  command({
    path: ['package', 'resend'],
    summary: { zh: '再次导出已发送的包（同一文件）', en: 'write a sent package again (the same file)' },
    args: ['ID'],
    options: { to: TO },
    async run({ args, opts, io, app, login, call }) {
      await login()
      const e = await call('bundles.resend', { packageId: args.ID })
      const r = writeFileExport(opts.to, e, app, false)
      io.out(opts.json ? JSON.stringify({ ...e, contentBase64: undefined, file: r.file }) + '\n' : exportedText(e, r.file))
      return EXIT.ok
    },
  }),
  command({
    path: ['package', 'verify'],
    summary: { zh: '逐项检查包，不导入', en: 'run every check on a package without importing it' },
    args: ['FILE'],
    options: {},
    async run({ args, opts, io, login, call }) {
      const file = readInput(args.FILE)
      await login()
      const v = await call('bundles.verify', { file })
      io.out(opts.json ? JSON.stringify(v) + '\n' : checksText(v))
      return rejectedExit(v, (s) => io.err(s))
    },
  }),
  command({
    path: ['package', 'import'],
    summary: { zh: '导入包（一次事务；--dry-run 只显示将作的更改）', en: 'import a package in one transaction (--dry-run shows what it would change)' },
    args: ['FILE'],
    options: {
      'dry-run': { type: 'boolean', zh: '只检查并显示将作的更改', en: 'check and show the changes only' },
      'receipt-to': { type: 'string', value: 'FILE', zh: '回执写入此文件', en: 'write the receipt to this file' },
    },
    async run({ args, opts, io, app, login, call }) {
      const file = readInput(args.FILE)
      await login()
      if (opts['dry-run']) {
        const v: ImportPreview = await call('bundles.preview', { file })
        io.out(opts.json ? JSON.stringify(v) + '\n' : checksText(v) + v.changes.map((c) => `  → ${c.zh} / ${c.en}\n`).join(''))
        return rejectedExit(v, (s) => io.err(s))
      }
      const r = await call('bundles.import', { file })
      const written = r.receipt && opts['receipt-to'] ? writeFileExport(opts['receipt-to'], r.receipt, app, false).file : null
      if (opts.json) io.out(JSON.stringify({ ...r, receipt: r.receipt ? { packageId: r.receipt.packageId, fileName: r.receipt.fileName, file: written } : null }) + '\n')
      else {
        io.out(
          (r.alreadyImported ? `包 ${r.packageId} 已导入过，未作更改 / already imported, nothing changed\n` : `已导入 / imported: ${r.packageId}（${PACKAGE_KIND_NAMES[r.kind].zh}，来自 / from ${r.sender.name}）\n`) +
            r.changes.map((c) => `  → ${c.zh} / ${c.en}\n`).join('') +
            (r.receipt ? (written ? `回执已写入 / receipt written: ${written}\n` : `回执 / receipt: ${r.receipt.packageId}（package export receipt --for ${r.packageId} --to FILE）\n`) : ''),
        )
      }
      return EXIT.ok
    },
  }),
  command({
    path: ['package', 'list'],
    summary: { zh: '收发包记录', en: 'the package log, sent and received' },
    options: { unacknowledged: { type: 'boolean', zh: '只列未收到回执的已发送包', en: 'only sent packages no receipt acknowledged' } },
    async run({ opts, io, login, call }) {
      await login()
      const list: PackageView[] = await call('bundles.list', opts.unacknowledged ? { unacknowledged: true } : {})
      io.out(
        opts.json
          ? JSON.stringify(list) + '\n'
          : table(
              ['时间', '方向', '种类', '对方', '序号', '期间', '包编号', '回执'],
              list.map((p) => [p.at.slice(0, 16), p.direction === 'out' ? '发出' : '收到', PACKAGE_KIND_NAMES[p.kind].zh, p.peer.name, String(p.sequence), p.period, p.packageId, p.acknowledgedAt ? p.acknowledgedAt.slice(0, 10) : '-']),
            ),
      )
      return EXIT.ok
    },
  }),
  ...(
    [
      ['filing', 'bundles.filingReport', '年度考核备案报告（PDF）', 'the annual 备案 report (PDF)'],
      ['roster', 'bundles.filingRoster', '机关公务员年度考核花名册（Excel）', 'the annual roster (Excel)'],
    ] as const
  ).map(([word, method, zh, en]) =>
    command({
      path: ['package', word],
      summary: { zh, en },
      options: { year: YEAR, office: { type: 'string', value: 'CODE', zh: '单位代码（上级机关）', en: 'the unit’s code (superior office)' }, to: TO },
      async run({ opts, io, app, login, call }) {
        const year = yearOf(opts.year)
        await login()
        const unitUid = opts.office ? await officeUidOf(call, opts.office) : undefined
        const f = await call(method, { year, ...(unitUid ? { unitUid } : {}) })
        const r = writeFileExport(opts.to, f, app, false)
        io.out(opts.json ? JSON.stringify(r) + '\n' : `已写入 / written: ${r.file}\n`)
        return EXIT.ok
      },
    }),
  ),
  command({
    path: ['package', 'consolidated'],
    summary: { zh: '各单位年度考核结果汇总（上级机关；--to 导出 Excel）', en: 'every unit’s results for the year (superior; --to writes Excel)' },
    options: { year: YEAR, to: { type: 'string', value: 'FILE.xlsx', zh: '导出 Excel', en: 'write Excel' } },
    async run({ opts, io, app, login, call }) {
      const year = yearOf(opts.year)
      await login()
      if (opts.to) {
        const f = await call('bundles.exportConsolidated', { year })
        const r = writeFileExport(opts.to, f, app, false)
        io.out(opts.json ? JSON.stringify({ ...r, rows: f.rows }) + '\n' : `已写入 / written: ${r.file}（${f.rows} 人）\n`)
        return EXIT.ok
      }
      const v = await call('bundles.consolidated', { year })
      io.out(
        opts.json
          ? JSON.stringify(v) + '\n'
          : table(
              ['单位', 'N', 'K', '优秀', '称职', '基本称职', '不称职', '不定等次', '批复', '超比例', '申诉'],
              v.units.map((u) => [u.unit.name, String(u.N), String(u.K), String(u.excellent), String(u.counts['称职']), String(u.counts['基本称职']), String(u.counts['不称职']), String(u.counts['不定等次']), u.approval?.document ?? '', u.overQuota ? '是 / yes' : '否', String(u.appeals.filed)]),
            ),
      )
      return EXIT.ok
    },
  }),
]
