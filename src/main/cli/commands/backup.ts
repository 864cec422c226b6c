import { resolve } from 'node:path'
import type { OutputOf } from '@shared/api/contract'
import { command, EXIT } from '../command'
import { confirm, secret } from '../prompt'

const fingerprint = {
  fingerprint: { type: 'string', value: 'F', zh: '核对备份签名密钥指纹（抄录的 12 组数字）', en: 'check the backup signing key fingerprint (the 12 groups noted)' },
} as const

function describe(title: string, info: OutputOf<'backup.create'>): string {
  return [
    title,
    `  ${info.folder}`,
    `  ${info.createdAt}, ${info.bytes} bytes, ${info.auditEntries} audit entries, sha256 ${info.sha256.slice(0, 16)}…`,
    `  签名密钥指纹 / signing key fingerprint: ${info.signingKeyFingerprint ?? ''}`,
  ].join('\n')
}

/**
 * The backup's key file must open its database: the password as it was at backup time, or the recovery code.
 * (KAOHE_PASSWORD, the sign-in's, stands in when unchanged since the backup.)
 */
async function backupPassword(required: boolean): Promise<string | undefined> {
  if (process.env.KAOHE_BACKUP_PASSWORD === undefined && process.env.KAOHE_PASSWORD !== undefined) return process.env.KAOHE_PASSWORD
  if (required || process.env.KAOHE_BACKUP_PASSWORD) {
    return secret('KAOHE_BACKUP_PASSWORD', '备份时的密码或恢复码 / your password at backup time, or the recovery code: ')
  }
  return undefined
}

const PASSWORD_NOTE = {
  zh: '校验、恢复时须输入备份时的密码或恢复码（KAOHE_BACKUP_PASSWORD；未设置时用 KAOHE_PASSWORD）',
  en: 'verify and restore take the password at backup time or the recovery code (KAOHE_BACKUP_PASSWORD, else KAOHE_PASSWORD)',
}

/** Encrypted, signed backups (system administrator). */
export const BACKUP_COMMANDS = [
  command({
    path: ['backup', 'create'],
    summary: { zh: '加密备份到文件夹（系统管理员）', en: 'write an encrypted backup into a folder (system administrator)' },
    args: ['FOLDER'],
    options: {},
    async run({ args, login, call, print }) {
      await login()
      const info = await call('backup.create', { folder: resolve(args.FOLDER) })
      print(info, () => describe('备份完成 / backup written', info))
      return EXIT.ok
    },
  }),
  command({
    path: ['backup', 'verify'],
    summary: { zh: '校验备份的签名与内容', en: 'verify a backup’s signature and contents' },
    args: ['FOLDER'],
    options: fingerprint,
    notes: [PASSWORD_NOTE],
    async run({ args, opts, login, call, print }) {
      await login()
      const password = await backupPassword(false)
      const info = await call('backup.verify', { folder: resolve(args.FOLDER), password, fingerprint: opts.fingerprint })
      print(info, () => describe('备份有效 / backup is valid', info))
      return EXIT.ok
    },
  }),
  command({
    path: ['backup', 'restore'],
    summary: { zh: '从备份恢复，覆盖当前数据', en: 'restore a backup, replacing the current data' },
    args: ['FOLDER'],
    options: { ...fingerprint, yes: { type: 'boolean', zh: '不再询问确认', en: 'do not ask for confirmation' } },
    notes: [PASSWORD_NOTE],
    async run({ args, opts, login, call, print }) {
      await login()
      if (!(await confirm('恢复将覆盖当前数据 / restoring replaces the current data. Continue?', opts.yes))) return EXIT.failure
      const password = await backupPassword(true)
      const info = await call('backup.restore', { folder: resolve(args.FOLDER), password: password ?? '', fingerprint: opts.fingerprint })
      print(info, () => describe('已恢复，请重新登录 / restored; sign in again', info))
      return EXIT.ok
    },
  }),
  command({
    path: ['backup', 'key'],
    summary: { zh: '显示本单位备份签名密钥的指纹，供抄录', en: 'show the unit’s backup signing key fingerprint, to note on paper' },
    options: {},
    async run({ login, call, print }) {
      await login()
      const k = await call('backup.signingKey', {})
      print(k, () => `备份签名密钥指纹（请抄录保存）/ backup signing key fingerprint (note it on paper):\n  ${k.fingerprint}`)
      return EXIT.ok
    },
  }),
]
