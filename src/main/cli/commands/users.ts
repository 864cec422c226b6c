import { command, CliError, EXIT, type Context, type Options } from '../command'
import { secret, UsageError } from '../prompt'
import { table } from '../support'

/** A user id from the name given on the command line. */
async function userId(call: Context<Options, readonly string[]>['call'], username: string): Promise<number> {
  const users = await call('users.list', {})
  const u = users.find((x) => x.username.toLowerCase() === username.toLowerCase())
  if (!u) throw new CliError({ code: 'USER_NOT_FOUND', params: { user: username } })
  return u.id
}

function requestIdOf(text: string, usage: string): number {
  const id = Number(text)
  if (!Number.isInteger(id) || id <= 0) throw new UsageError(usage)
  return id
}

/** Accounts (system administrator); content accounts' password resets take two administrators. */
export const USER_COMMANDS = [
  command({
    path: ['user', 'list'],
    summary: { zh: '列出账户（系统管理员）', en: 'list the accounts (system administrator)' },
    options: {},
    async run({ login, call, print }) {
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
    },
  }),
  command({
    path: ['user', 'add'],
    summary: { zh: '添加账户；初始密码取自 KAOHE_NEW_PASSWORD 或提示输入', en: 'add an account; initial password from KAOHE_NEW_PASSWORD or a prompt' },
    args: ['USERNAME'],
    options: { name: { type: 'string', value: '显示名', required: true, zh: '显示名', en: 'display name' } },
    async run({ args, opts, login, call, print }) {
      await login()
      const password = await secret('KAOHE_NEW_PASSWORD', `${args.USERNAME} 的初始密码 / initial password: `)
      const u = await call('users.add', { username: args.USERNAME, displayName: opts.name, password })
      print(u, () => `已添加用户 / user added: ${u.username} (${u.displayName}), id ${u.id}`)
      return EXIT.ok
    },
  }),
  ...(['disable', 'enable'] as const).map((verb) =>
    command({
      path: ['user', verb],
      summary: verb === 'disable' ? { zh: '停用账户', en: 'disable an account' } : { zh: '启用账户', en: 'enable an account' },
      args: ['USERNAME'],
      options: {},
      async run({ args, login, call, print }) {
        await login()
        const disabled = verb === 'disable'
        const u = await call('users.setDisabled', { userId: await userId(call, args.USERNAME), disabled })
        print(u, () => `${disabled ? '已停用 / disabled' : '已启用 / enabled'}: ${u.username}`)
        return EXIT.ok
      },
    }),
  ),
  command({
    path: ['user', 'reset-request'],
    summary: { zh: '申请重置业务账户的密码，待另一名管理员批准', en: 'request a content account’s password reset, for the other administrator to approve' },
    args: ['USERNAME'],
    options: {},
    async run({ args, login, call, print }) {
      await login()
      const r = await call('users.requestReset', { userId: await userId(call, args.USERNAME) })
      print(r, () => `已提交重置申请 / reset requested: #${r.id} ${r.username}（待另一名管理员批准 / waiting for the other administrator）`)
      return EXIT.ok
    },
  }),
  command({
    path: ['user', 'reset-requests'],
    summary: { zh: '待批准的重置申请', en: 'reset requests waiting for approval' },
    options: {},
    async run({ login, call, print }) {
      await login()
      const rows = await call('users.resetRequests', {})
      print(rows, () => table(['id', 'user', 'requested by', 'at'], rows.map((r) => [String(r.id), r.username, r.requestedBy, r.requestedAt])))
      return EXIT.ok
    },
  }),
  ...(['reset-approve', 'reset-refuse'] as const).map((verb) =>
    command({
      path: ['user', verb],
      summary:
        verb === 'reset-approve'
          ? { zh: '批准重置申请，临时密码只显示一次', en: 'approve a reset request; the temporary password is shown once' }
          : { zh: '拒绝重置申请', en: 'refuse a reset request' },
      args: ['REQUEST_ID'],
      options: {},
      async run({ args, login, call, print }) {
        await login()
        const requestId = requestIdOf(args.REQUEST_ID, `user ${verb} REQUEST_ID`)
        const d = await call('users.decideReset', { requestId, approve: verb === 'reset-approve' })
        print(d, () =>
          d.temporaryPassword
            ? `已批准 / approved: ${d.request.username}\n  临时密码（仅显示一次，请当面交给本人）/ temporary password (shown once, hand it over in person): ${d.temporaryPassword}`
            : `已拒绝 / refused: ${d.request.username}`,
        )
        return EXIT.ok
      },
    }),
  ),
]
