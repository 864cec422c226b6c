import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createKaohe } from '../../api/app'
import { startBridge } from '../../api/bridge'
import { command, EXIT } from '../command'
import { secret } from '../prompt'

/** Setting up a unit, the demo unit, and the browser build of the same UI. */
export const SETUP_COMMANDS = [
  command({
    path: ['init'],
    summary: {
      zh: '建立单位；管理员初始密码取自 KAOHE_SYSADMIN_PASSWORD、KAOHE_SECADMIN_PASSWORD、KAOHE_AUDITOR_PASSWORD 或提示输入；恢复码只显示一次',
      en: 'set up a unit; prints the recovery code once',
    },
    options: {
      unit: { type: 'string', value: 'NAME', required: true, zh: '单位名称', en: 'the unit’s name' },
      'unit-code': { type: 'string', value: 'CODE', required: true, zh: '单位代码', en: 'the unit’s code' },
      'sysadmin-user': { type: 'string', value: 'U', default: 'sysadmin', zh: '系统管理员用户名', en: 'system administrator’s user name' },
      'secadmin-user': { type: 'string', value: 'U', default: 'secadmin', zh: '安全管理员用户名', en: 'security administrator’s user name' },
      'auditor-user': { type: 'string', value: 'U', default: 'auditor', zh: '审计管理员用户名', en: 'audit administrator’s user name' },
    },
    async run({ opts, call, print, dbPath }) {
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
      print({ db: dbPath, recoveryCode: result.recoveryCode }, () =>
        [
          `单位已建立 / unit created: ${dbPath}`,
          '',
          `恢复码 / recovery code:  ${result.recoveryCode}`,
          '',
          '此恢复码只显示这一次：请打印或抄写后密封保管。所有管理员密码遗失时，它是唯一的恢复途径。',
          'This code is shown only once: print or copy it and keep it sealed. It is the only way back in if every administrator password is lost.',
          '三名管理员首次登录时须修改密码（kaohe passwd）。 / The three administrators must change their passwords at first sign-in (kaohe passwd).',
        ].join('\n'),
      )
      return EXIT.ok
    },
  }),
  command({
    path: ['demo'],
    summary: { zh: '建立演示单位（约60人，6个科室）', en: 'build the demo unit (about 60 people, 6 departments)' },
    options: {},
    async run({ io, call, print, dbPath }) {
      io.err('正在建立演示单位… / building the demo unit…')
      const info = await call('setup.openDemo', {})
      print({ db: dbPath, logins: info.logins }, () =>
        [
          `演示单位已建立 / demo unit ready: ${dbPath}`,
          '演示账户（密码相同）/ demo accounts (same password):',
          ...info.logins.map((l) => `  ${l.username.padEnd(10)} ${l.password}   ${l.zh} / ${l.en}`),
        ].join('\n'),
      )
      return EXIT.ok
    },
  }),
  command({
    path: ['serve-web'],
    summary: {
      zh: '在 127.0.0.1 上以浏览器提供同一界面，没有单位时建立演示单位（开发与界面测试用）',
      en: 'serve the UI on 127.0.0.1, on the demo unit when none exists (development, UI tests)',
    },
    options: {
      port: { type: 'string', value: 'N', zh: '端口（默认随机）', en: 'port (default: any free one)' },
      'data-dir': { type: 'string', value: 'DIR', zh: '数据目录（默认 kaohe-data）', en: 'data folder (default kaohe-data)' },
      'renderer-dir': { type: 'string', value: 'DIR', zh: '界面构建目录（默认 out/renderer）', en: 'the built renderer (default out/renderer)' },
    },
    async run({ opts, io }) {
      const dataDir = resolve(opts['data-dir'] ?? 'kaohe-data')
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
    },
  }),
]
