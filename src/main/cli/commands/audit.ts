import { resolve } from 'node:path'
import { command, EXIT } from '../command'

const PROBLEMS: Record<string, string> = {
  edited: '被修改 / edited',
  inserted: '被插入 / inserted',
  deleted: '之前有条目被删除 / entries deleted before it',
  truncated: '末尾条目被删除 / entries cut off the end',
  anchorInvalid: '密钥文件中的链头记录被改动 / the head anchored in the key file was changed',
}

/** The audit chain (audit administrator). */
export const AUDIT_COMMANDS = [
  command({
    path: ['audit', 'verify'],
    summary: { zh: '校验审计链（审计管理员）；被改动则退出码 1', en: 'verify the audit chain (audit administrator); exit 1 when it was tampered with' },
    options: {
      checkpoint: { type: 'string', value: 'SEQ:HASH', zh: '与此前抄录的链头比对', en: 'compare with a head noted earlier' },
    },
    async run({ opts, login, call, print }) {
      await login()
      const report = await call('audit.verify', opts.checkpoint ? { checkpoint: opts.checkpoint } : {})
      const lines = [
        report.firstBad
          ? `审计链被篡改 / audit chain broken at entry #${report.firstBad.seq}: ${PROBLEMS[report.firstBad.problem] ?? report.firstBad.problem}`
          : `审计链完整 / audit chain intact: ${report.entries} 条 entries`,
        headLine(report.head),
        ...(report.keyedFrom > 1 ? [`第 1–${report.keyedFrom - 1} 条为旧版无密钥链 / entries 1–${report.keyedFrom - 1} are the previous version's keyless chain`] : []),
        ...report.breaks.map((b) => `  ! ${b.foundAt} 打开时发现 / found at an open: ${PROBLEMS[b.problem] ?? b.problem} (anchor #${b.anchorSeq ?? '-'}, head #${b.headSeq})`),
        ...(report.checkpoint
          ? [
              report.checkpoint.ok
                ? `检查点相符 / checkpoint matches: ${report.checkpoint.given}`
                : `检查点不符 / checkpoint does NOT match: ${report.checkpoint.given} (${report.checkpoint.problem === 'missing' ? '该条目已不存在 / entry gone' : '哈希不同 / different hash'})`,
            ]
          : []),
      ]
      print(report, () => lines.join('\n'))
      return report.ok ? EXIT.ok : EXIT.failure
    },
  }),
  command({
    path: ['audit', 'head'],
    summary: { zh: '显示审计链链头，供抄录在纸上', en: 'show the audit chain’s head, to note on paper' },
    options: {},
    async run({ login, call, print }) {
      await login()
      const report = await call('audit.verify', {})
      print(report.head, () => headLine(report.head))
      return EXIT.ok
    },
  }),
  command({
    path: ['audit', 'export'],
    summary: {
      zh: '导出审计链；从不写入本单位自己的文件，已有文件只在加 --force 时替换',
      en: 'export the audit chain; never over the unit’s own files, over an existing file only with --force',
    },
    args: ['FILE'],
    options: { force: { type: 'boolean', zh: '替换已有文件', en: 'replace an existing file' } },
    async run({ args, opts, login, call, print }) {
      await login()
      const r = await call('audit.export', { file: resolve(args.FILE), overwrite: opts.force })
      print(r, () => `已导出 ${r.entries} 条审计记录 / exported ${r.entries} entries: ${r.file}`)
      return EXIT.ok
    },
  }),
]

/** The checkpoint to note on paper (or compare with one noted earlier): `seq:hash prefix`. */
function headLine(head: { seq: number; checkpoint: string } | null | undefined): string {
  return `链头 / head: ${head ? `#${head.seq}  ${head.checkpoint}` : '-'}`
}
