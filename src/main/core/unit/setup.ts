import type { OfficeKind } from '@shared/bundles'
import { chmodSync, existsSync, rmSync } from 'node:fs'
import { KaoheError } from '@shared/errors'
import type { Role } from '@shared/roles'
import { Store } from '../../db/store'
import { AuditLog } from '../audit/chain'
import { createAccount, scryptParams, type NewAccount } from '../auth/accounts'
import { KeyFile } from '../keys/keyFile'
import { randomBytes } from '../keys/primitives'
import type { Policy } from '../policy/defaults'
import type { UnitLocation } from './location'

export interface UnitSetup {
  unitName: string
  unitCode: string
  sysadmin: NewAccount
  secadmin: NewAccount
  auditor: NewAccount
  /** Issue 11: a grassroots unit (default) or the higher-level office. */
  kind?: OfficeKind
}

export interface CreatedUnit {
  recoveryCode: string
  store: Store
  keyFile: KeyFile
  dbKey: Buffer
  accountIds: Record<'sysadmin' | 'secadmin' | 'auditor', number>
}

/**
 * Creates a unit: a random database key, the encrypted database, the key file with the three
 * administrators' slots and the recovery slot. Either everything is created or nothing is left
 * behind. The caller closes the returned store.
 */
export function createUnit(
  location: UnitLocation,
  setup: UnitSetup,
  opts: { policy: Policy; demo: boolean; now: Date; mustChangePassword?: boolean },
): CreatedUnit {
  if (existsSync(location.dbPath) || existsSync(location.keyPath)) {
    throw new KaoheError('ALREADY_INITIALIZED', { path: location.dbPath })
  }
  const names = [setup.sysadmin.username, setup.secadmin.username, setup.auditor.username].map((n) =>
    n.toLowerCase(),
  )
  if (new Set(names).size !== 3) {
    throw new KaoheError('USERNAME_TAKEN', { username: names.find((n, i) => names.indexOf(n) !== i) ?? '' })
  }
  const security = opts.policy.security
  const keyFile = KeyFile.create(location.keyPath, {
    demo: opts.demo,
    superior: setup.kind === 'superior',
    lockout: { maxFailedLogins: security.maxFailedLogins, lockoutMinutes: security.lockoutMinutes },
  })
  const dbKey = randomBytes(32)
  let store: Store | null = null
  try {
    store = Store.open(location.dbPath, dbKey)
    // Encrypted or not, only the account running Kaohe needs to read the file.
    chmodSync(location.dbPath, 0o600)
    const s = store
    const audit = new AuditLog(s, dbKey)
    const at = opts.now.toISOString()
    const ids = s.tx(() => {
      s.run(s.qb.insertInto('unit').values({ id: 1, name: setup.unitName, code: setup.unitCode, created_at: at, kind: setup.kind ?? 'unit' }))
      const accountIds = {} as CreatedUnit['accountIds']
      for (const role of ['sysadmin', 'secadmin', 'auditor'] as const) {
        const id = createAccount(s, keyFile, dbKey, setup[role], {
          policy: security,
          mustChangePassword: opts.mustChangePassword ?? security.forcePasswordChangeAtFirstLogin,
          now: opts.now,
          saveKeyFile: false,
        })
        grantRole(s, id, role, null, opts.now)
        accountIds[role] = id
      }
      audit.append({
        actorId: null,
        actor: null,
        action: 'setup.initialize',
        target: 'unit',
        outcome: 'ok',
        detail: { demo: opts.demo, accounts: Object.values(accountIds) },
      })
      return accountIds
    })
    const recoveryCode = keyFile.createRecoverySlot(dbKey, scryptParams(security))
    audit.anchorIn(keyFile)
    return { recoveryCode, store: s, keyFile, dbKey, accountIds: ids }
  } catch (err) {
    store?.close()
    for (const f of [location.dbPath, `${location.dbPath}-wal`, `${location.dbPath}-shm`, location.keyPath]) {
      rmSync(f, { force: true })
    }
    throw err
  }
}

export function grantRole(store: Store, userId: number, role: Role, grantedBy: number | null, now: Date): void {
  store.run(
    store.qb
      .insertInto('user_roles')
      .values({ user_id: userId, role, granted_by: grantedBy, granted_at: now.toISOString() }),
  )
}
