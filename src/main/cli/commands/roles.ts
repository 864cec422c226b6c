import { ROLES, ROLE_NAMES } from '@shared/roles'
import { command, CliError, EXIT } from '../command'
import { roleOf, table } from '../support'

/** Roles (security administrator). */
export const ROLE_COMMANDS = [
  command({
    path: ['role', 'list'],
    summary: { zh: '列出账户的角色（安全管理员）', en: 'list the accounts’ roles (security administrator)' },
    options: {},
    async run({ login, call, print }) {
      await login()
      const rows = await call('roles.list', {})
      print(rows, () =>
        table(
          ['user', 'name', 'roles'],
          rows.map((r) => [r.username, r.displayName, r.roles.map((x) => `${x}(${ROLE_NAMES[x].zh})`).join(' ')]),
        ),
      )
      return EXIT.ok
    },
  }),
  ...(['grant', 'revoke'] as const).map((verb) =>
    command({
      path: ['role', verb],
      summary: verb === 'grant' ? { zh: '授予角色（三员分立）', en: 'grant a role (separation of duties applies)' } : { zh: '收回角色', en: 'revoke a role' },
      args: ['USERNAME', 'ROLE'],
      options: {},
      notes: [{ zh: `ROLE: ${ROLES.join(' ')}`, en: '' }],
      async run({ args, login, call, print }) {
        await login()
        const users = await call('roles.list', {})
        const u = users.find((x) => x.username.toLowerCase() === args.USERNAME.toLowerCase())
        if (!u) throw new CliError({ code: 'USER_NOT_FOUND', params: { user: args.USERNAME } })
        const input = { userId: u.userId, role: roleOf(args.ROLE) }
        const r = verb === 'grant' ? await call('roles.grant', input) : await call('roles.revoke', input)
        print(r, () => `${r.username}: ${r.roles.join(', ') || '(无角色 / no role)'}`)
        return EXIT.ok
      },
    }),
  ),
]
