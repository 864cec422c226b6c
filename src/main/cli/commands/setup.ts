import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { createKaohe } from '../../api/app'
import { DEMO_LOGINS } from '../../core/demo/demoUnit'
import {
  buildDemoSuperior,
  DEMO_RESULTS_YEAR,
  DEMO_SUPERIOR,
  DEMO_SUPERIOR_LOGINS,
  demoSuperiorLayout,
  SUPERIOR_HR_USER,
} from '../../core/demo/demoSuperior'
import { DEFAULT_POLICY } from '../../core/policy/defaults'
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
      superior: { type: 'boolean', zh: '建立上级机关（接收各单位上报包）而非基层单位', en: 'set up the higher-level office (receives the units’ packages) instead of a unit' },
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
        ...(opts.superior ? { kind: 'superior' as const } : {}),
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
    options: {
      superior: {
        type: 'boolean',
        zh: '改为建立演示上级机关：--db 为上级机关文件，旁边再建三个演示单位、交换密钥卡，并在 packages/ 中放好各单位 2025 年度结果上报包（约每单位20秒）',
        en: 'build the demo superior office instead: --db is its file; three demo units beside it, key cards exchanged, and each unit’s 2025 results package in packages/ (about 20 s per unit)',
      },
    },
    async run({ opts, io, call, print, dbPath }) {
      // `--db demo/unit.kaohe` on a fresh checkout: the folder is made, as a newcomer expects.
      mkdirSync(dirname(dbPath), { recursive: true })
      if (opts.superior) {
        const layout = demoSuperiorLayout(dbPath)
        const built = await buildDemoSuperior(layout, {
          policy: DEFAULT_POLICY,
          now: new Date(),
          open: (loc) => createKaohe({ dbPath: loc.dbPath }),
          progress: (line) => io.err(line),
        })
        const value = {
          superior: { db: dbPath, name: DEMO_SUPERIOR.name, code: DEMO_SUPERIOR.code, logins: DEMO_SUPERIOR_LOGINS },
          units: layout.units.map((u) => ({ db: u.location.dbPath, name: u.identity.name, code: u.identity.code, logins: DEMO_LOGINS })),
          packages: built.packages.map((p) => ({ unit: p.unit.code, file: p.file, packageId: p.packageId, bytes: p.bytes })),
        }
        print(value, () =>
          [
            `演示上级机关已建立 / demo superior office ready: ${DEMO_SUPERIOR.name} (${DEMO_SUPERIOR.code})  ${dbPath}`,
            '  账户（密码相同）/ accounts (same password):',
            ...DEMO_SUPERIOR_LOGINS.map((l) => `    ${l.username.padEnd(10)} ${l.password}   ${l.zh} / ${l.en}`),
            '演示单位（账户与演示单位相同，人事账户 hr）/ demo units (the demo unit’s accounts; HR is hr):',
            ...layout.units.map((u) => `  ${u.identity.name} (${u.identity.code})  ${u.location.dbPath}`),
            `${DEMO_RESULTS_YEAR} 年度结果上报包，待上级机关导入 / ${DEMO_RESULTS_YEAR} results packages, waiting to be imported:`,
            ...built.packages.map((p) => `  ${p.file}  (${p.bytes} B)`),
            `导入 / import: kaohe package import FILE --db ${dbPath} --user ${SUPERIOR_HR_USER}`,
          ].join('\n'),
        )
        return EXIT.ok
      }
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
