import { command, EXIT } from '../command'
import { secret, UsageError } from '../prompt'

/** One's own password, and the recovery code. */
export const AUTH_COMMANDS = [
  command({
    path: ['passwd'],
    summary: { zh: '修改本人密码，新密码取自 KAOHE_NEW_PASSWORD 或提示输入', en: 'change your password (new one from KAOHE_NEW_PASSWORD or a prompt)' },
    options: {},
    async run({ login, call, print }) {
      const session = await login()
      const oldPassword = process.env.KAOHE_PASSWORD ?? ''
      const newPassword = await secret('KAOHE_NEW_PASSWORD', '新密码 / new password: ')
      await call('auth.changePassword', { oldPassword, newPassword })
      print({ username: session.username, changed: true }, () => `密码已修改 / password changed: ${session.username}`)
      return EXIT.ok
    },
  }),
  command({
    path: ['recover'],
    summary: {
      zh: '用恢复码（KAOHE_RECOVERY_CODE）重设 --user 账户的密码（KAOHE_NEW_PASSWORD）',
      en: 'reset the --user account’s password with the recovery code (KAOHE_RECOVERY_CODE)',
    },
    options: {},
    notes: [{ zh: '须用全局选项 --user NAME 指明账户', en: 'name the account with the global option --user NAME' }],
    async run({ opts, call, print }) {
      const username = opts.user
      if (!username) throw new UsageError('recover 需要 --user NAME / recover needs --user NAME')
      const recoveryCode = await secret('KAOHE_RECOVERY_CODE', '恢复码 / recovery code: ')
      const newPassword = await secret('KAOHE_NEW_PASSWORD', '新密码 / new password: ')
      await call('auth.recover', { username, recoveryCode, newPassword })
      print({ username, recovered: true }, () => `已用恢复码重设 ${username} 的密码，首次登录须修改 / password reset with the recovery code; change it at next sign-in`)
      return EXIT.ok
    },
  }),
]
