import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { basename, resolve, join } from 'node:path'
import { parseArgs } from 'node:util'
import type { InputOf, MethodName, OutputOf } from '@shared/api/contract'
import type { GuidelineView, ImportPreview } from '@shared/api/types'
import { PERMISSIONS } from '@shared/access/permissions'
import { LEDGER_KINDS, LEDGER_KIND_LABELS, type LedgerKind } from '@shared/ledger'
import { errorText, KaoheError, type ApiError, type ErrorCode } from '@shared/errors'
import { ROLES, ROLE_NAMES, type Role } from '@shared/roles'
import { createKaohe, type KaoheApp } from '../api/app'
import { startBridge } from '../api/bridge'
import { confirm, secret, UsageError } from './prompt'
import { HELP } from './help'
import type { Quarter } from '@shared/quarterly'
import { QUARTERLY_GRADE_LABELS } from '../core/quarterly/scoring'
import { unitsOf, writeExport } from '../core/unit/exportTarget'

/**
 * The `kaohe` command: the same router and core as the desktop app, for HR batch work, the
 * higher-level office and automated tests. Exit codes: 0 ok, 1 failure, 2 usage, 3 authentication
 * failed or access denied, 4 invalid input.
 */
export const EXIT = { ok: 0, failure: 1, usage: 2, denied: 3, invalid: 4 } as const

const DENIED: ErrorCode[] = [
  'AUTH_FAILED',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'FORBIDDEN',
  'NOT_AUTHENTICATED',
  'WRONG_PASSWORD',
  'SESSION_LOCKED',
  'PASSWORD_CHANGE_REQUIRED',
  'RECOVERY_CODE_INVALID',
  'RECOVERY_LOCKED',
]
const INVALID: ErrorCode[] = [
  'INVALID_INPUT',
  'WEAK_PASSWORD',
  'PASSWORD_REUSED',
  'USERNAME_TAKEN',
  'USER_NOT_FOUND',
  'ROLE_CONFLICT',
  'ROLE_ALREADY_HELD',
  'ROLE_NOT_HELD',
  'CANNOT_DISABLE_SELF',
  'LAST_ADMIN',
  'ALREADY_INITIALIZED',
  'FILE_NOT_FOUND',
  'BACKUP_INVALID',
  'EXPORT_TARGET_PROTECTED',
  'EXPORT_TARGET_EXISTS',
]

export function exitCodeFor(error: ApiError): number {
  if (DENIED.includes(error.code)) return EXIT.denied
  if (INVALID.includes(error.code)) return EXIT.invalid
  return EXIT.failure
}

class CliError extends Error {
  constructor(readonly error: ApiError) {
    super(error.code)
  }
}

interface Io {
  out(text: string): void
  err(text: string): void
}

const OPTIONS = {
  db: { type: 'string' },
  user: { type: 'string' },
  json: { type: 'boolean', default: false },
  yes: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  unit: { type: 'string' },
  'unit-code': { type: 'string' },
  'sysadmin-user': { type: 'string', default: 'sysadmin' },
  'secadmin-user': { type: 'string', default: 'secadmin' },
  'auditor-user': { type: 'string', default: 'auditor' },
  name: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  format: { type: 'string' },
  out: { type: 'string' },
  from: { type: 'string' },
  'working-days': { type: 'string' },
  year: { type: 'string' },
  reason: { type: 'string' },
  file: { type: 'string' },
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  'renderer-dir': { type: 'string' },
  person: { type: 'string' },
  date: { type: 'string' },
  kind: { type: 'string' },
  text: { type: 'string' },
  to: { type: 'string' },
  limit: { type: 'string' },
  quarter: { type: 'string' },
  fingerprint: { type: 'string' },
  checkpoint: { type: 'string' },
  force: { type: 'boolean', default: false },
} as const

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${HELP}`)
    return EXIT.usage
  }
  const { values: opts, positionals } = parsed
  const [command, sub, ...rest] = positionals
  if (opts.help || !command || command === 'help') {
    io.out(HELP)
    return command || opts.help ? EXIT.ok : EXIT.usage
  }
  let app: KaoheApp | null = null
  const json = opts.json
  const print = (value: unknown, text: () => string) => io.out(json ? JSON.stringify(value, null, 2) : text())
  try {
    if (command === 'serve-web') return await serveWeb(opts, io)
    const dbPath = opts.db ?? process.env.KAOHE_DB
    if (!dbPath) throw new UsageError('请用 --db 或 KAOHE_DB 指定数据库文件 / name the database with --db FILE or KAOHE_DB')
    app = createKaohe({
      dbPath: resolve(dbPath),
      // Long imports report progress on stderr, so stdout stays clean for --json.
      onProgress: (done, total) => io.err(`… ${done}/${total}`),
      // The user gets the sentence and the reference from the error itself; the stack only on request.
      log: (msg, err) => {
        if (process.env.KAOHE_DEBUG === '1') io.err(`${msg}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
      },
    })
    const a = app
    const call = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => {
      const r = await a.call(method, input)
      if (!r.ok) throw new CliError(r.error)
      return r.value as OutputOf<M>
    }
    const login = async () => {
      const username = opts.user ?? process.env.KAOHE_USER
      if (!username) throw new UsageError('请用 --user 指定用户名 / name the account with --user NAME')
      const password = await secret('KAOHE_PASSWORD', `${username} 的密码 / password: `)
      return call('auth.login', { username, password })
    }
    const userId = async (username: string | undefined) => {
      if (!username) throw new UsageError('缺少用户名 / missing user name')
      const users = await call('users.list', {})
      const u = users.find((x) => x.username.toLowerCase() === username.toLowerCase())
      if (!u) throw new CliError({ code: 'USER_NOT_FOUND', params: { user: username } })
      return u.id
    }
    const roleUserId = async (username: string | undefined) => {
      if (!username) throw new UsageError('缺少用户名 / missing user name')
      const users = await call('roles.list', {})
      const u = users.find((x) => x.username.toLowerCase() === username.toLowerCase())
      if (!u) throw new CliError({ code: 'USER_NOT_FOUND', params: { user: username } })
      return u.userId
    }
    const role = (name: string | undefined): Role => {
      if (!name || !(ROLES as readonly string[]).includes(name)) {
        throw new UsageError(`角色须为 / role must be one of: ${ROLES.join(', ')}`)
      }
      return name as Role
    }

    switch (`${command} ${sub ?? ''}`.trim()) {
      case 'init': {
        if (!opts.unit || !opts['unit-code']) throw new UsageError('init 需要 --unit NAME --unit-code CODE')
        const account = async (flag: 'sysadmin-user' | 'secadmin-user' | 'auditor-user', env: string, zh: string) => ({
          username: opts[flag],
          displayName: zh,
          password: await secret(env, `${zh}（${opts[flag]}）的初始密码 / initial password: `),
        })
        const result = await call('setup.initialize', {
          unitName: opts.unit,
          unitCode: opts['unit-code'],
          sysadmin: await account('sysadmin-user', 'KAOHE_SYSADMIN_PASSWORD', '系统管理员'),
          secadmin: await account('secadmin-user', 'KAOHE_SECADMIN_PASSWORD', '安全管理员'),
          auditor: await account('auditor-user', 'KAOHE_AUDITOR_PASSWORD', '审计管理员'),
        })
        print({ db: resolve(dbPath), recoveryCode: result.recoveryCode }, () =>
          [
            `单位已建立 / unit created: ${resolve(dbPath)}`,
            '',
            `恢复码 / recovery code:  ${result.recoveryCode}`,
            '',
            '此恢复码只显示这一次：请打印或抄写后密封保管。所有管理员密码遗失时，它是唯一的恢复途径。',
            'This code is shown only once: print or copy it and keep it sealed. It is the only way back in if every administrator password is lost.',
            '三名管理员首次登录时须修改密码（kaohe passwd）。 / The three administrators must change their passwords at first sign-in (kaohe passwd).',
          ].join('\n'),
        )
        return EXIT.ok
      }
      case 'demo': {
        io.err('正在建立演示单位… / building the demo unit…')
        const info = await call('setup.openDemo', {})
        print({ db: resolve(dbPath), logins: info.logins }, () =>
          [
            `演示单位已建立 / demo unit ready: ${resolve(dbPath)}`,
            '演示账户（密码相同）/ demo accounts (same password):',
            ...info.logins.map((l) => `  ${l.username.padEnd(10)} ${l.password}   ${l.zh} / ${l.en}`),
          ].join('\n'),
        )
        return EXIT.ok
      }
      case 'passwd': {
        const session = await login()
        const oldPassword = process.env.KAOHE_PASSWORD ?? ''
        const newPassword = await secret('KAOHE_NEW_PASSWORD', '新密码 / new password: ')
        await call('auth.changePassword', { oldPassword, newPassword })
        print({ username: session.username, changed: true }, () => `密码已修改 / password changed: ${session.username}`)
        return EXIT.ok
      }
      case 'recover': {
        const username = opts.user
        if (!username) throw new UsageError('recover 需要 --user NAME')
        const recoveryCode = await secret('KAOHE_RECOVERY_CODE', '恢复码 / recovery code: ')
        const newPassword = await secret('KAOHE_NEW_PASSWORD', '新密码 / new password: ')
        await call('auth.recover', { username, recoveryCode, newPassword })
        print({ username, recovered: true }, () => `已用恢复码重设 ${username} 的密码，首次登录须修改 / password reset with the recovery code; change it at next sign-in`)
        return EXIT.ok
      }
      case 'user list': {
        await login()
        const users = await call('users.list', {})
        print(users, () =>
          table(
            ['id', 'user', 'name', 'roles', 'status'],
            users.map((u) => [
              String(u.id),
              u.username,
              u.displayName,
              u.roles.join(','),
              u.disabled ? 'disabled 停用' : u.lockedUntil ? `locked 锁定至 ${u.lockedUntil}` : u.mustChangePassword ? 'first sign-in 待首次登录' : 'active 正常',
            ]),
          ),
        )
        return EXIT.ok
      }
      case 'user add': {
        const username = rest[0]
        if (!username || !opts.name) throw new UsageError('user add USERNAME --name 显示名')
        await login()
        const password = await secret('KAOHE_NEW_PASSWORD', `${username} 的初始密码 / initial password: `)
        const u = await call('users.add', { username, displayName: opts.name, password })
        print(u, () => `已添加用户 / user added: ${u.username} (${u.displayName}), id ${u.id}`)
        return EXIT.ok
      }
      case 'user disable':
      case 'user enable': {
        await login()
        const disabled = sub === 'disable'
        const u = await call('users.setDisabled', { userId: await userId(rest[0]), disabled })
        print(u, () => `${disabled ? '已停用 / disabled' : '已启用 / enabled'}: ${u.username}`)
        return EXIT.ok
      }
      case 'user reset-request': {
        await login()
        const r = await call('users.requestReset', { userId: await userId(rest[0]) })
        print(r, () => `已提交重置申请 / reset requested: #${r.id} ${r.username}（待另一名管理员批准 / waiting for the other administrator）`)
        return EXIT.ok
      }
      case 'user reset-requests': {
        await login()
        const rows = await call('users.resetRequests', {})
        print(rows, () => table(['id', 'user', 'requested by', 'at'], rows.map((r) => [String(r.id), r.username, r.requestedBy, r.requestedAt])))
        return EXIT.ok
      }
      case 'user reset-approve':
      case 'user reset-refuse': {
        await login()
        const requestId = Number(rest[0])
        if (!Number.isInteger(requestId) || requestId <= 0) throw new UsageError(`user ${sub} REQUEST_ID`)
        const d = await call('users.decideReset', { requestId, approve: sub === 'reset-approve' })
        print(d, () =>
          d.temporaryPassword
            ? `已批准 / approved: ${d.request.username}\n  临时密码（仅显示一次，请当面交给本人）/ temporary password (shown once, hand it over in person): ${d.temporaryPassword}`
            : `已拒绝 / refused: ${d.request.username}`,
        )
        return EXIT.ok
      }
      case 'role list': {
        await login()
        const rows = await call('roles.list', {})
        print(rows, () =>
          table(
            ['user', 'name', 'roles'],
            rows.map((r) => [r.username, r.displayName, r.roles.map((x) => `${x}(${ROLE_NAMES[x].zh})`).join(' ')]),
          ),
        )
        return EXIT.ok
      }
      case 'role grant':
      case 'role revoke': {
        await login()
        const input = { userId: await roleUserId(rest[0]), role: role(rest[1]) }
        const r = sub === 'grant' ? await call('roles.grant', input) : await call('roles.revoke', input)
        print(r, () => `${r.username}: ${r.roles.join(', ') || '(无角色 / no role)'}`)
        return EXIT.ok
      }
      case 'audit verify':
      case 'audit head': {
        await login()
        const report = await call('audit.verify', opts.checkpoint ? { checkpoint: opts.checkpoint } : {})
        const problems: Record<string, string> = {
          edited: '被修改 / edited',
          inserted: '被插入 / inserted',
          deleted: '之前有条目被删除 / entries deleted before it',
          truncated: '末尾条目被删除 / entries cut off the end',
          anchorInvalid: '密钥文件中的链头记录被改动 / the head anchored in the key file was changed',
        }
        // The checkpoint to note on paper (or compare with one noted earlier): `seq:hash prefix`.
        const head = `链头 / head: ${report.head ? `#${report.head.seq}  ${report.head.checkpoint}` : '-'}`
        if (sub === 'head') {
          print(report.head, () => head)
          return EXIT.ok
        }
        const lines = [
          report.firstBad
            ? `审计链被篡改 / audit chain broken at entry #${report.firstBad.seq}: ${problems[report.firstBad.problem] ?? report.firstBad.problem}`
            : `审计链完整 / audit chain intact: ${report.entries} 条 entries`,
          head,
          ...(report.keyedFrom > 1 ? [`第 1–${report.keyedFrom - 1} 条为旧版无密钥链 / entries 1–${report.keyedFrom - 1} are the previous version's keyless chain`] : []),
          ...report.breaks.map((b) => `  ! ${b.foundAt} 打开时发现 / found at an open: ${problems[b.problem] ?? b.problem} (anchor #${b.anchorSeq ?? '-'}, head #${b.headSeq})`),
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
      }
      case 'audit export': {
        const file = rest[0]
        if (!file) throw new UsageError('audit export FILE')
        await login()
        const r = await call('audit.export', { file: resolve(file), overwrite: opts.force })
        print(r, () => `已导出 ${r.entries} 条审计记录 / exported ${r.entries} entries: ${r.file}`)
        return EXIT.ok
      }
      case 'template roster': {
        await login()
        const format = opts.format === 'csv' ? 'csv' : 'xlsx'
        const t = await call('org.roster.template', { format })
        const { file: out } = writeFileExport(opts.out ?? t.fileName, t, a, opts.force)
        print({ file: out }, () => `已写出花名册模板 / roster template written: ${out}`)
        return EXIT.ok
      }
      case 'ledger export': {
        const session = await login()
        const canLookUp = (PERMISSIONS['org.read'].allow as readonly Role[]).some((r) => session.roles.includes(r))
        const personId = opts.person && canLookUp ? await personByStaffNo(call, opts.person) : undefined
        const t = await call('ledger.export', {
          ...(personId !== undefined ? { personId } : {}),
          ...(opts.kind ? { kinds: [ledgerKind(opts.kind)] } : {}),
          ...(opts.from ? { from: opts.from } : {}),
          ...(opts.to ? { to: opts.to } : {}),
          ...(opts.text ? { text: opts.text } : {}),
          includeVoided: false,
        })
        const { file: out, bytes } = writeFileExport(opts.out ?? t.fileName, t, a, opts.force)
        print({ file: out, bytes }, () => `已导出台账 / ledger exported: ${out} (${bytes} bytes)`)
        return EXIT.ok
      }
      case 'quarterly status': {
        const year = yearOf(opts.year)
        const quarter = Number(opts.quarter)
        if (![1, 2, 3, 4].includes(quarter)) throw new UsageError('quarterly status --year Y --quarter 1-4')
        await login()
        const rows = await call('quarterly.status', { year, quarter: quarter as Quarter })
        const num = (x: number | null) => (x === null ? '—' : x.toFixed(2))
        print({ year, quarter, rows }, () =>
          rows.length
            ? `${year} 年第 ${quarter} 季度 / ${year} Q${quarter}\n` +
              table(
                ['staff', 'name', 'department', 'perf', 'potential', 'peers', 'score', 'grade', 'standard', 'flags'],
                rows.map((r) => [
                  r.staffNo,
                  r.name,
                  r.department ?? '',
                  num(r.rating?.performance ?? null),
                  num(r.rating?.potential ?? null),
                  `${r.peersRated}/${r.peersAssigned}`,
                  num(r.score),
                  r.grade ? QUARTERLY_GRADE_LABELS[r.grade].zh : '—',
                  r.meetsStandard === null ? '—' : r.meetsStandard ? '达标' : `不达标${r.rating?.failReason ? `（${r.rating.failReason}）` : ''}`,
                  r.flags.join(' '),
                ]),
              )
            : '没有可显示的人员 / nobody to show',
        )
        return EXIT.ok
      }
      case 'import roster': {
        const path = rest[0]
        if (!path) throw new UsageError('import roster FILE [--dry-run]')
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
      }
      case 'import attendance':
      case 'import survey': {
        const path = rest[0]
        if (!path) throw new UsageError(`import ${sub} FILE [--dry-run]`)
        await login()
        const file = readInput(path)
        const preview: ImportPreview = await call(sub === 'attendance' ? 'attendance.preview' : 'survey.preview', file)
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
        const result = await call(sub === 'attendance' ? 'attendance.import' : 'survey.import', file)
        print({ ...summary, ...result, written: true }, () => `${describe()}\n已导入 / imported: ${result.added}`)
        return EXIT.ok
      }
      case 'ledger add': {
        const { person, date, kind, text } = opts
        if (!person || !date || !kind || text === undefined) throw new UsageError('ledger add --person STAFFNO --date YYYY-MM-DD --kind KIND --text TEXT')
        const k = ledgerKind(kind)
        await login()
        const personId = await personByStaffNo(call, person)
        const e = await call('ledger.add', { personId, day: date, kind: k, text })
        print(e, () => `已记入台账 / ledger entry added: #${e.id} ${e.day} ${e.staffNo} ${e.personName} [${LEDGER_KIND_LABELS[e.kind].zh}] ${e.text}`)
        return EXIT.ok
      }
      case 'ledger list': {
        const limit = opts.limit === undefined ? 50 : Number(opts.limit)
        if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError('--limit 1–500')
        const kinds = opts.kind === undefined ? undefined : [ledgerKind(opts.kind)]
        const session = await login()
        // Without org.read (staff) a staff number cannot be looked up; their list holds only their own anyway.
        const canLookUp = (PERMISSIONS['org.read'].allow as readonly Role[]).some((r) => session.roles.includes(r))
        const personId = opts.person && canLookUp ? await personByStaffNo(call, opts.person) : undefined
        const page = await call('ledger.list', {
          ...(personId !== undefined ? { personId } : {}),
          ...(kinds ? { kinds } : {}),
          ...(opts.from ? { from: opts.from } : {}),
          ...(opts.to ? { to: opts.to } : {}),
          ...(opts.text ? { text: opts.text } : {}),
          limit,
        })
        const entries = opts.person && !canLookUp ? page.entries.filter((e) => e.staffNo === opts.person) : page.entries
        print({ entries, next: page.next }, () =>
          entries.length
            ? table(
                ['id', 'date', 'staff', 'name', 'kind', 'text'],
                entries.map((e) => [String(e.id), e.day, e.staffNo, e.personName, LEDGER_KIND_LABELS[e.kind].zh, `${e.voided ? '（已作废 voided）' : ''}${e.text.replace(/\s+/g, ' ').slice(0, 60)}`]),
              )
            : '没有符合条件的台账 / no ledger entries match',
        )
        return EXIT.ok
      }
      case 'calendar add': {
        const from = opts.from
        const days = Number(opts['working-days'])
        if (!from || !Number.isInteger(days)) throw new UsageError('calendar add --from YYYY-MM-DD --working-days N')
        await login()
        const r = await call('calendar.addWorkingDays', { from, days })
        print(r, () => [`${r.from} + ${r.days} 个工作日 working days = ${r.date}`, ...r.warnings.map((w) => `  ! ${w.zh} / ${w.en}`)].join('\n'))
        return EXIT.ok
      }
      case 'calendar import': {
        const path = rest[0]
        if (!path) throw new UsageError('calendar import FILE (.json or .ics)')
        await login()
        const r = await call('calendar.import', readInput(path))
        print(r, () => `已导入 ${r.year} 年节假日安排 / imported the ${r.year} table: ${r.holidays} 天假日 holidays, ${r.makeupWorkdays} 天调休上班 make-up days (${r.source})`)
        return EXIT.ok
      }
      case 'policy show': {
        await login()
        const v = await call('policy.get', { year: yearOf(opts.year) })
        print(v, () =>
          [
            `${v.year} 年考核政策 policy: ${v.version} (${v.source}${v.approvedBy ? `, 批准 approved by ${v.approvedBy} ${v.approvedAt}` : ''})`,
            ...Object.entries(v.constraints).map(([k, x]) => `  ${k.padEnd(36)} ${x}`),
            ...(v.pending ? [`待批准 pending #${v.pending.id}: ${v.pending.changes.map((c) => `${c.key} ${String(c.from)} → ${String(c.to)}`).join('; ')}`] : []),
          ].join('\n'),
        )
        return EXIT.ok
      }
      case 'policy import': {
        const path = rest[0]
        if (!path) throw new UsageError('policy import FILE --year YYYY')
        await login()
        const p = await call('policy.import', { year: yearOf(opts.year), file: readInput(path) })
        print(p, () => `已提交，待领导小组组长批准 / submitted for the head's approval: #${p.id} ${p.version}\n${p.changes.map((c) => `  ${c.key}: ${String(c.from)} → ${String(c.to)}`).join('\n')}`)
        return EXIT.ok
      }
      case 'policy approve':
      case 'policy refuse': {
        const id = Number(rest[0])
        if (!Number.isInteger(id) || id <= 0) throw new UsageError(`policy ${sub} ID [--reason 理由]`)
        await login()
        const v = await call('policy.decide', { id, approve: sub === 'approve', ...(opts.reason ? { reason: opts.reason } : {}) })
        print(v, () => `${sub === 'approve' ? '已批准 / approved' : '已驳回 / refused'}: #${id}; 现行 in force: ${v.version}`)
        return EXIT.ok
      }
      case 'guideline show': {
        await login()
        const v = await call('guideline.get', { year: yearOf(opts.year) })
        print(v, () => describeGuideline(v))
        return EXIT.ok
      }
      case 'guideline validate': {
        const path = rest[0]
        if (!path) throw new UsageError('guideline validate FILE')
        await login()
        const guideline = readJson(path)
        const violations = await call('guideline.validate', { guideline })
        print({ file: path, ok: violations.length === 0, violations }, () =>
          violations.length
            ? [`${path}: ${violations.length} 处不符合政策 / violations`, ...violations.map((x) => `  ✗ [${x.id}] ${x.path}: ${x.zh} / ${x.en}`)].join('\n')
            : `${path}: 符合考核政策 / satisfies the policy`,
        )
        return violations.length ? EXIT.invalid : EXIT.ok
      }
      case 'guideline draft': {
        await login()
        const year = yearOf(opts.year)
        const v = await call('guideline.saveDraft', { year, ...(opts.file ? { guideline: readJson(opts.file) } : {}), ...(opts.reason ? { reason: opts.reason } : {}) })
        print(v, () => `已保存 ${year} 年指引草稿 / draft saved; ${v.draft?.violations.length ?? 0} 处不符合政策 violations\n${(v.draft?.violations ?? []).map((x) => `  ✗ [${x.id}] ${x.zh}`).join('\n')}`)
        return v.draft?.violations.length ? EXIT.invalid : EXIT.ok
      }
      case 'guideline revise': {
        if (!opts.reason) throw new UsageError('guideline revise --year YYYY --reason 理由 [--file FILE]')
        await login()
        const year = yearOf(opts.year)
        let v = await call('guideline.startRevision', { year, reason: opts.reason })
        if (opts.file) v = await call('guideline.saveDraft', { year, guideline: readJson(opts.file) })
        print(v, () => `已开始修订 / revision started (${opts.reason}); ${v.draft?.violations.length ?? 0} 处不符合政策 violations`)
        return EXIT.ok
      }
      case 'guideline publish': {
        await login()
        const v = await call('guideline.publish', { year: yearOf(opts.year) })
        print(v, () => describeGuideline(v))
        return EXIT.ok
      }
      case 'backup key': {
        await login()
        const k = await call('backup.signingKey', {})
        print(k, () => `备份签名密钥指纹（请抄录保存）/ backup signing key fingerprint (note it on paper):\n  ${k.fingerprint}`)
        return EXIT.ok
      }
      case 'backup create':
      case 'backup verify':
      case 'backup restore': {
        const folder = rest[0]
        if (!folder) throw new UsageError(`backup ${sub} FOLDER`)
        await login()
        if (sub === 'restore' && !(await confirm('恢复将覆盖当前数据 / restoring replaces the current data. Continue?', opts.yes))) {
          return EXIT.failure
        }
        const fingerprint = opts.fingerprint
        let info
        if (sub === 'create') info = await call('backup.create', { folder: resolve(folder) })
        else {
          // The backup's key file must open its database: the password as it was at backup time, or the recovery code.
          // (KAOHE_PASSWORD, the sign-in's, stands in when unchanged since the backup.)
          const password =
            process.env.KAOHE_BACKUP_PASSWORD === undefined && process.env.KAOHE_PASSWORD !== undefined
              ? process.env.KAOHE_PASSWORD
              : sub === 'restore' || process.env.KAOHE_BACKUP_PASSWORD
                ? await secret('KAOHE_BACKUP_PASSWORD', '备份时的密码或恢复码 / your password at backup time, or the recovery code: ')
                : undefined
          info =
            sub === 'verify'
              ? await call('backup.verify', { folder: resolve(folder), password, fingerprint })
              : await call('backup.restore', { folder: resolve(folder), password: password ?? '', fingerprint })
        }
        print(info, () =>
          [
            { create: '备份完成 / backup written', verify: '备份有效 / backup is valid', restore: '已恢复，请重新登录 / restored; sign in again' }[sub as 'create' | 'verify' | 'restore'],
            `  ${info.folder}`,
            `  ${info.createdAt}, ${info.bytes} bytes, ${info.auditEntries} audit entries, sha256 ${info.sha256.slice(0, 16)}…`,
            `  签名密钥指纹 / signing key fingerprint: ${info.signingKeyFingerprint ?? ''}`,
          ].join('\n'),
        )
        return EXIT.ok
      }
      default:
        throw new UsageError(`未知命令 / unknown command: ${positionals.join(' ')}`)
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n(kaohe --help)`)
      return EXIT.usage
    }
    const error: ApiError = e instanceof CliError ? e.error : internalError(e, io)
    if (json) io.out(JSON.stringify({ ok: false, error: { ...error, zh: errorText(error, 'zh'), en: errorText(error, 'en') } }, null, 2))
    let text = `错误 / error [${error.code}]: ${errorText(error, 'zh')} / ${errorText(error, 'en')}`
    if (error.code === 'PASSWORD_CHANGE_REQUIRED') text += '\n  → kaohe passwd --db … --user …'
    io.err(text)
    return exitCodeFor(error)
  } finally {
    app?.close()
  }
}

async function serveWeb(opts: { port?: string; 'data-dir'?: string; 'renderer-dir'?: string; db?: string }, io: Io): Promise<number> {
  const dataDir = resolve(opts['data-dir'] ?? 'kaohe-data')
  const { mkdirSync } = await import('node:fs')
  mkdirSync(dataDir, { recursive: true })
  const app = createKaohe(opts.db ? { dbPath: resolve(opts.db), demoIfEmpty: true } : { dataDir, demoIfEmpty: true })
  const rendererDir = resolve(opts['renderer-dir'] ?? join(__dirname, '../renderer'))
  const bridge = await startBridge(app, { rendererDir, port: opts.port ? Number(opts.port) : 0 })
  const status = await app.call('setup.status', {})
  io.out(
    [
      '考核台已在本机启动（仅 127.0.0.1 可访问）/ Kaohe is being served on this machine only:',
      '',
      `  ${bridge.url}`,
      '',
      `数据目录 / data folder: ${opts.db ? resolve(opts.db) : dataDir}`,
      ...(status.ok && (status.value as { demo: boolean }).demo
        ? ['演示账户 / demo sign-ins: admin, secadmin, auditor, head, leader, jijian, hr, kezhang, staff — 密码 / password Kaohe@2026']
        : []),
      '按 Ctrl+C 停止 / press Ctrl+C to stop',
    ].join('\n'),
  )
  await new Promise<void>((done) => {
    const stop = () => {
      void bridge.close().then(() => {
        app.close()
        done()
      })
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return EXIT.ok
}

/** --kind: the key (workRecord) or the Chinese name (工作记录). */
function ledgerKind(text: string): LedgerKind {
  const k = LEDGER_KINDS.find((x) => x === text || LEDGER_KIND_LABELS[x].zh === text)
  if (!k) throw new UsageError(`台账类别 / --kind must be one of: ${LEDGER_KINDS.map((x) => `${x}(${LEDGER_KIND_LABELS[x].zh})`).join(' ')}`)
  return k
}

/** A person's id from their staff number (needs org.read). */
async function personByStaffNo(
  call: (method: 'org.people.list', input: InputOf<'org.people.list'>) => Promise<OutputOf<'org.people.list'>>,
  staffNo: string,
): Promise<number> {
  const p = (await call('org.people.list', { includeGone: true, search: staffNo })).find((x) => x.staffNo === staffNo)
  if (!p) throw new CliError({ code: 'NOT_FOUND', params: { what: '工号 staff number', id: staffNo } })
  return p.id
}

function yearOf(text: string | undefined): number {
  if (text === undefined) return new Date().getFullYear()
  const y = Number(text)
  if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new UsageError(`年度无效 / invalid year: ${text}`)
  return y
}

/** An export the API returned as content, written where the user said: never the unit's files, never over a file unless --force. */
function writeFileExport(path: string, file: { contentBase64: string }, app: KaoheApp, force: boolean): { file: string; bytes: number } {
  try {
    return writeExport(resolve(path), Buffer.from(file.contentBase64, 'base64'), unitsOf(app.state), force)
  } catch (e) {
    if (e instanceof KaoheError) throw new CliError(e.toApiError())
    throw e
  }
}

/**
 * An unexpected error, as a user sees it: the sentence and a reference, never a stack or SQL.
 * KAOHE_DEBUG=1 adds the details on stderr for whoever is chasing the reference.
 */
function internalError(e: unknown, io: Io): ApiError {
  const ref = randomBytes(4).toString('hex')
  if (process.env.KAOHE_DEBUG === '1') io.err(`[kaohe] internal error ${ref}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
  return { code: 'INTERNAL', params: { ref } }
}

/** A file the user names, as the API takes files (the renderer sends the same from the File API). */
function readInput(path: string): { fileName: string; contentBase64: string } {
  const full = resolve(path)
  if (!existsSync(full)) throw new CliError({ code: 'FILE_NOT_FOUND', params: { path: full } })
  return { fileName: basename(full), contentBase64: readFileSync(full).toString('base64') }
}

function readJson(path: string): unknown {
  const { contentBase64 } = readInput(path)
  try {
    return JSON.parse(Buffer.from(contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, ''))
  } catch (e) {
    throw new CliError({ code: 'INVALID_INPUT', params: { details: `${path}: ${(e as Error).message}` } })
  }
}

const STATE_TEXT = { draft: '草稿 draft', publicity: '公示中 in publicity', inForce: '已生效 in force', superseded: '已被修订 superseded' }

function describeGuideline(v: GuidelineView): string {
  const lines = [`${v.year} 年度绩效考核指引 / guideline ${v.year}`]
  if (v.current) {
    const c = v.current
    lines.push(`  第 ${c.version} 版 version ${c.version}: ${STATE_TEXT[c.state]}`)
    lines.push(`  公示期 publicity: ${c.publicityFrom ?? c.publicityStart} – ${c.publicityEnd}（${c.publicityWorkingDays ?? '?'}个工作日 working days）; 生效 in force from ${c.effectiveOn}`)
  } else lines.push('  尚未发布 / not published yet')
  if (v.draft) lines.push(`  草稿 draft: ${v.draft.violations.length} 处不符合政策 violations${v.draft.reason ? `; 修订理由 reason: ${v.draft.reason}` : ''}`)
  for (const w of v.calendarWarnings) lines.push(`  ! ${w.zh} / ${w.en}`)
  return lines.join('\n')
}

function table(headers: string[], rows: string[][]): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0)
  const cols = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))))
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat((cols[i] ?? 0) - width(c))).join('  ').trimEnd()
  return [line(headers), line(cols.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

const defaultIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (e: unknown) => {
      const error = internalError(e, defaultIo)
      defaultIo.err(`错误 / error [${error.code}]: ${errorText(error, 'zh')} / ${errorText(error, 'en')}`)
      process.exitCode = EXIT.failure
    },
  )
}
