import type { OfficeView } from '@shared/bundles'
import { command, EXIT } from '../command'
import { confirm, UsageError } from '../prompt'
import { readInput, table, writeFileExport } from '../support'

const REASON = { type: 'string', value: 'R', required: true, zh: '原因', en: 'the reason' } as const

function officesText(list: OfficeView[]): string {
  if (!list.length) return '尚未登记任何机关 / no office registered\n'
  const rows = list.flatMap((o) => o.keys.map((k) => [o.code, o.name, o.kind, k.keyId, k.status, k.fingerprint]))
  return table(['代码', '名称', '类别', '密钥', '状态', '指纹'], rows) + '\n'
}

/** Key cards (密钥卡) and registered offices (issue 11). Files are written 0600 and never overwritten. */
export const KEYCARD_COMMANDS = [
  command({
    path: ['keycard', 'export'],
    summary: { zh: '导出本机关密钥卡（可同时导出密钥登记表 PDF）', en: 'write this office’s key card (and the registration form PDF)' },
    options: {
      to: { type: 'string', value: 'FILE', required: true, zh: '密钥卡文件（不覆盖）', en: 'the card file (never overwrites)' },
      form: { type: 'string', value: 'FILE.pdf', zh: '密钥登记表 PDF（不覆盖）', en: 'the registration form PDF (never overwrites)' },
    },
    async run({ opts, io, app, login, call }) {
      await login()
      const c = await call('keycards.exportCard', {})
      const r = writeFileExport(opts.to, c, app, false)
      const f = opts.form ? writeFileExport(opts.form, await call('keycards.registrationForm', {}), app, false) : null
      io.out(
        opts.json
          ? JSON.stringify({ file: r.file, form: f?.file ?? null, keyId: c.keyId, fingerprint: c.fingerprint }) + '\n'
          : `已写入 / written: ${r.file}${f ? `\n已写入 / written: ${f.file}` : ''}\n密钥 / key ${c.keyId}\n指纹 / fingerprint: ${c.fingerprint}\n`,
      )
      return EXIT.ok
    },
  }),
  command({
    path: ['keycard', 'fingerprint'],
    summary: { zh: '显示本机关（或 --file 所指密钥卡）的指纹', en: 'show this office’s fingerprint (or a card file’s, with --file)' },
    options: { file: { type: 'string', value: 'FILE', zh: '密钥卡文件', en: 'a key card file' } },
    async run({ opts, io, login, call }) {
      await login()
      const v = opts.file ? await call('keycards.inspect', { file: readInput(opts.file) }) : await call('keycards.own', {})
      const out = 'effect' in v ? { office: v.office, keyId: v.keyId, fingerprint: v.fingerprint, effect: v.effect, refusal: v.refusal } : { office: v.office, keyId: v.current?.keyId ?? null, fingerprint: v.current?.fingerprint ?? null }
      io.out(opts.json ? JSON.stringify(out) + '\n' : `${out.office.name}（${out.office.code}）密钥 / key ${out.keyId ?? '—'}\n指纹 / fingerprint: ${out.fingerprint ?? '—'}\n`)
      return EXIT.ok
    },
  }),
  command({
    path: ['keycard', 'import'],
    summary: { zh: '登记另一机关的密钥卡；须给出已核对的指纹', en: 'register another office’s key card with the fingerprint you checked' },
    args: ['FILE'],
    options: {
      fingerprint: { type: 'string', value: '"12345 …"', zh: '已核对的指纹（缺省时显示并询问）', en: 'the checked fingerprint (else shown and asked)' },
      yes: { type: 'boolean', zh: '不再询问确认', en: 'do not ask for confirmation' },
    },
    async run({ args, opts, io, login, call }) {
      const file = readInput(args.FILE)
      await login()
      let fingerprint = opts.fingerprint
      if (!fingerprint) {
        const v = await call('keycards.inspect', { file })
        if (v.refusal) throw new UsageError(`${v.refusal.zh} / ${v.refusal.en}`)
        io.err(`${v.office.name}（${v.office.code}，${v.office.kind}）\n指纹 / fingerprint: ${v.fingerprint}\n`)
        if (!(await confirm('与对方登记表或电话核对一致？/ does it match the form or the phone check?', opts.yes))) return EXIT.failure
        fingerprint = v.fingerprint
      }
      const o = await call('keycards.import', { file, fingerprint })
      io.out(opts.json ? JSON.stringify(o) + '\n' : officesText([o]))
      return EXIT.ok
    },
  }),
  command({
    path: ['keycard', 'list'],
    summary: { zh: '已登记的机关及其密钥', en: 'registered offices and their keys' },
    options: {},
    async run({ opts, io, login, call }) {
      await login()
      const list = await call('keycards.offices', {})
      io.out(opts.json ? JSON.stringify(list) + '\n' : officesText(list))
      return EXIT.ok
    },
  }),
  command({
    path: ['keycard', 'rotate'],
    summary: { zh: '更换本机关密钥（新卡由旧密钥和新密钥共同签署）', en: 'replace this office’s keys (the new card is signed by both)' },
    options: { reason: REASON },
    async run({ opts, io, login, call }) {
      await login()
      const v = await call('keycards.rotate', { reason: opts.reason })
      io.out(opts.json ? JSON.stringify(v) + '\n' : `新密钥 / new key ${v.current?.keyId}\n指纹 / fingerprint: ${v.current?.fingerprint}\n请导出新密钥卡交对方登记 / export the new card for the other office\n`)
      return EXIT.ok
    },
  }),
  command({
    path: ['keycard', 'revoke'],
    summary: { zh: '吊销本机关密钥（--own）或另一机关的密钥（--office --key）', en: 'revoke this office’s key (--own) or another office’s (--office --key)' },
    options: {
      own: { type: 'boolean', zh: '吊销本机关当前密钥并生成新密钥', en: 'revoke the own current key and make new ones' },
      office: { type: 'string', value: 'CODE', zh: '另一机关的代码', en: 'the other office’s code' },
      key: { type: 'string', value: 'KEYID', zh: '其密钥编号', en: 'its key id' },
      reason: REASON,
    },
    async run({ opts, io, login, call }) {
      if (opts.own === !!(opts.office || opts.key)) throw new UsageError('须给出 --own，或 --office 与 --key / give --own, or --office and --key')
      await login()
      if (opts.own) {
        const v = await call('keycards.revokeOwn', { reason: opts.reason })
        io.out(opts.json ? JSON.stringify(v) + '\n' : `新密钥 / new key ${v.current?.keyId}\n请导出新密钥卡交对方登记 / export the new card for the other office\n`)
        return EXIT.ok
      }
      if (!opts.office || !opts.key) throw new UsageError('须同时给出 --office 与 --key / give both --office and --key')
      const o = (await call('keycards.offices', {})).find((x) => x.code === opts.office)
      if (!o) throw new UsageError(`没有代码为 ${opts.office} 的已登记机关 / no registered office with code ${opts.office}`)
      const r = await call('keycards.revokePeer', { officeUid: o.uid, keyId: opts.key, reason: opts.reason })
      io.out(opts.json ? JSON.stringify(r) + '\n' : officesText([r]))
      return EXIT.ok
    },
  }),
]
