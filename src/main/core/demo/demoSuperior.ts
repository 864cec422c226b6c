import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { KaoheError, type Result } from '@shared/errors'
import type { InputOf, MethodName, OutputOf } from '@shared/api/contract'
import type { DemoLogin } from '@shared/api/types'
import { AuditLog } from '../audit/chain'
import { createAccount } from '../auth/accounts'
import type { Policy } from '../policy/defaults'
import { locationOf, type UnitLocation } from '../unit/location'
import { createUnit, grantRole } from '../unit/setup'
import { buildDemoUnit, DEMO_PASSWORD, type DemoIdentity } from './demoUnit'

/**
 * The demo superior office (演示上级机关, issue 11): a county organisation department with three
 * demo units beside it, key cards exchanged both ways, and each unit's final year (2025) sealed as
 * a results package in `packages/`, waiting to be imported — the README walks through that import
 * and the receipt going back. Every step after the databases are built goes through the API (the
 * same calls the CLI and the app make), so the demo is made the way a real office would make it
 * and its audit logs say so.
 */
export const DEMO_SUPERIOR = { name: '示范县委组织部', code: 'DEMO-SJ' } as const

/** The superior's HR account: it holds the office's package keys. */
export const SUPERIOR_HR_USER = 'shangji'

/** Three county bureaus; the seeds only change the names, posts and ranks each is built with. */
export const DEMO_SUPERIOR_UNITS: readonly DemoIdentity[] = [
  { name: '示范县市场监督管理局', code: 'DEMO-SCJG', seed: 2026 },
  { name: '示范县交通运输局', code: 'DEMO-JTYS', seed: 3101 },
  { name: '示范县自然资源局', code: 'DEMO-ZRZY', seed: 4207 },
]

/** The year the demo history makes final in every unit: what each sends up. */
export const DEMO_RESULTS_YEAR = 2025

export const DEMO_SUPERIOR_LOGINS: DemoLogin[] = [
  { username: 'admin', password: DEMO_PASSWORD, zh: '系统管理员：账户与备份', en: 'System administrator: accounts, backups' },
  { username: 'secadmin', password: DEMO_PASSWORD, zh: '安全管理员：角色与授权', en: 'Security administrator: roles' },
  { username: 'auditor', password: DEMO_PASSWORD, zh: '审计管理员：审计日志', en: 'Audit administrator: audit log' },
  { username: SUPERIOR_HR_USER, password: DEMO_PASSWORD, zh: '干部科：密钥卡、上报包、汇总', en: 'Cadre section: key cards, packages, consolidated results' },
]

/** One office's API, as `createKaohe(...).call` gives it (core does not import the api layer). */
export interface OfficeApi {
  call(method: string, input: unknown): Promise<Result<unknown>>
  close(): void
}

export interface DemoSuperiorLayout {
  superior: UnitLocation
  units: { identity: DemoIdentity; location: UnitLocation }[]
  /** Where the sealed results packages are written. */
  packagesDir: string
}

export interface DemoSuperiorBuilt {
  layout: DemoSuperiorLayout
  packages: { unit: DemoIdentity; file: string; packageId: string; bytes: number }[]
  fingerprints: { office: string; fingerprint: string }[]
}

/** The units' files go beside the superior's: unit-1.kaohe …, and the packages in packages/. */
export function demoSuperiorLayout(superiorDbPath: string): DemoSuperiorLayout {
  const dir = dirname(superiorDbPath)
  return {
    superior: locationOf(superiorDbPath),
    units: DEMO_SUPERIOR_UNITS.map((identity, i) => ({ identity, location: locationOf(join(dir, `unit-${i + 1}.kaohe`)) })),
    packagesDir: join(dir, 'packages'),
  }
}

/** The superior office's own database: the three administrators and the HR account, no people. */
export function buildSuperiorOffice(location: UnitLocation, opts: { policy: Policy; now: Date }): void {
  const admin = (username: string, displayName: string) => ({ username, displayName, password: DEMO_PASSWORD })
  const { store, keyFile, dbKey } = createUnit(
    location,
    {
      unitName: DEMO_SUPERIOR.name,
      unitCode: DEMO_SUPERIOR.code,
      sysadmin: admin('admin', '系统管理员'),
      secadmin: admin('secadmin', '安全管理员'),
      auditor: admin('auditor', '审计管理员'),
      kind: 'superior',
    },
    { policy: opts.policy, demo: true, now: opts.now, mustChangePassword: false },
  )
  try {
    const audit = new AuditLog(store, dbKey)
    store.tx(() => {
      const id = createAccount(
        store,
        keyFile,
        dbKey,
        { username: SUPERIOR_HR_USER, displayName: '干部科', password: DEMO_PASSWORD },
        { policy: opts.policy.security, mustChangePassword: false, now: opts.now, saveKeyFile: false },
      )
      grantRole(store, id, 'hr', null, opts.now)
      audit.append({ actorId: null, actor: null, action: 'demo.build', target: 'unit', outcome: 'ok', detail: { kind: 'superior' } })
    })
    audit.anchorIn(keyFile)
  } finally {
    store.close()
    dbKey.fill(0)
  }
}

/** Calls one method and turns an error result into the KaoheError it carries. */
async function must<M extends MethodName>(api: OfficeApi, method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const r = await api.call(method, input)
  if (!r.ok) throw new KaoheError(r.error.code, r.error.params ?? {}, r.error.issues)
  return r.value as OutputOf<M>
}

/**
 * Builds everything: the superior, the three units (about 20 s each), the key exchange with each
 * fingerprint compared as a person would compare it on paper, and each unit's 2025 package.
 * `open` gives the API of one office's database; each is closed before the next is opened.
 */
export async function buildDemoSuperior(
  layout: DemoSuperiorLayout,
  opts: { policy: Policy; now: Date; open: (location: UnitLocation) => OfficeApi; progress?: (line: string) => void },
): Promise<DemoSuperiorBuilt> {
  const say = opts.progress ?? (() => {})
  // Nothing is built when any of the four offices is already there: half a demo helps nobody.
  for (const loc of [layout.superior, ...layout.units.map((u) => u.location)]) {
    if (existsSync(loc.dbPath) || existsSync(loc.keyPath)) throw new KaoheError('ALREADY_INITIALIZED', { path: loc.dbPath })
  }
  say(`上级机关 / superior office: ${DEMO_SUPERIOR.name} (${DEMO_SUPERIOR.code})`)
  buildSuperiorOffice(layout.superior, opts)
  for (const [i, u] of layout.units.entries()) {
    say(`单位 ${i + 1}/${layout.units.length} / unit: ${u.identity.name} (${u.identity.code})…`)
    buildDemoUnit(u.location, { policy: opts.policy, now: opts.now, identity: u.identity })
  }

  const session = async <T>(location: UnitLocation, username: string, work: (api: OfficeApi) => Promise<T>): Promise<T> => {
    const api = opts.open(location)
    try {
      // The HR account's first sign-in makes the office's package keys.
      await must(api, 'auth.login', { username, password: DEMO_PASSWORD })
      return await work(api)
    } finally {
      api.close()
    }
  }
  const exchange = async (from: UnitLocation, fromUser: string, to: UnitLocation, toUser: string) => {
    const card = await session(from, fromUser, (api) => must(api, 'keycards.exportCard', {}))
    const file = { fileName: card.fileName, contentBase64: card.contentBase64 }
    return session(to, toUser, async (api) => {
      // What the receiving office computes from the file must be what the sending office read out.
      const seen = await must(api, 'keycards.inspect', { file })
      if (seen.fingerprint.replace(/\D/g, '') !== card.fingerprint.replace(/\D/g, '')) {
        throw new KaoheError('KEYCARD_INVALID', {
          reason: `指纹不一致：${seen.office.name}`,
          reasonEn: `the fingerprints differ: ${seen.office.name}`,
        })
      }
      await must(api, 'keycards.import', { file, fingerprint: card.fingerprint })
      return { office: seen.office.name, fingerprint: card.fingerprint }
    })
  }

  const fingerprints: DemoSuperiorBuilt['fingerprints'] = []
  const packages: DemoSuperiorBuilt['packages'] = []
  mkdirSync(layout.packagesDir, { recursive: true })
  for (const u of layout.units) {
    say(`交换密钥卡 / exchanging key cards: ${u.identity.name} ⇄ ${DEMO_SUPERIOR.name}`)
    fingerprints.push(await exchange(layout.superior, SUPERIOR_HR_USER, u.location, 'hr'))
    fingerprints.push(await exchange(u.location, 'hr', layout.superior, SUPERIOR_HR_USER))
    say(`封装 ${DEMO_RESULTS_YEAR} 年度结果上报包 / sealing the ${DEMO_RESULTS_YEAR} results: ${u.identity.name}`)
    const pkg = await session(u.location, 'hr', (api) => must(api, 'bundles.exportResults', { year: DEMO_RESULTS_YEAR }))
    const file = join(layout.packagesDir, pkg.fileName)
    writeFileSync(file, Buffer.from(pkg.contentBase64, 'base64'))
    packages.push({ unit: u.identity, file, packageId: pkg.packageId, bytes: pkg.bytes })
  }
  return { layout, packages, fingerprints }
}
