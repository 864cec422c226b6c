import { KaoheError } from '@shared/errors'
import type { SessionInfo } from '@shared/api/types'
import type { Role } from '@shared/roles'
import { Store } from '../../db/store'
import { AuditLog, type AuditRecord } from '../audit/chain'
import { KeyFile } from '../keys/keyFile'
import type { Actor } from '../access/authorize'
import { t3KeyAtSignIn } from '../access/tierKeys'
import type { SecurityPolicy } from '../policy/defaults'
import { unitExists, type UnitLocation } from '../unit/location'
import { replaceSlot, rolesOf } from './accounts'
import { policyInForce } from '../policy/inForce'

/**
 * A signed-in session, held in main (never in the renderer): the open database, the account, its
 * roles, and the keys its slot unwrapped. Ends at sign-out, which closes the database and drops
 * the keys.
 */
export class Session {
  lastActivity: number
  locked = false
  /**
   * Kiosk survey mode (现场评价): who started it, when, and for which department. While set, the
   * router lets only the kiosk methods through, and only that account's password ends it.
   */
  kiosk: { userId: number; startedAt: string; departmentId: number | null } | null = null
  readonly audit: AuditLog

  constructor(
    readonly location: UnitLocation,
    readonly store: Store,
    readonly keyFile: KeyFile,
    readonly dbKey: Buffer,
    readonly user: { id: number; username: string; displayName: string },
    public roles: Role[],
    public keys: { privateKey: string; publicKey: string },
    public t3Key: Buffer | null,
    public mustChangePassword: boolean,
    readonly policy: SecurityPolicy,
    now: Date,
  ) {
    this.lastActivity = now.getTime()
    this.audit = new AuditLog(store)
  }

  /** Read live: HR may link the account to a person during the session. */
  get actor(): Actor {
    const personId =
      this.store.first(this.store.qb.selectFrom('users').select('person_id').where('id', '=', this.user.id))?.person_id ?? null
    return { userId: this.user.id, username: this.user.username, roles: this.roles, personId }
  }

  /** Appends to the audit chain as this session's account. */
  record(record: Omit<AuditRecord, 'actorId' | 'actor'>): void {
    this.audit.append({ ...record, actorId: this.user.id, actor: this.user.username })
  }

  /** After a committed write: remember the chain's head outside the database (truncation check). */
  anchorAudit(): void {
    this.audit.anchorIn(this.keyFile)
  }

  /** A kiosk waits unattended between service recipients: it never locks itself. */
  isIdle(now: Date): boolean {
    if (this.kiosk) return false
    return now.getTime() - this.lastActivity > this.policy.idleLockMinutes * 60_000
  }

  touch(now: Date): void {
    this.lastActivity = now.getTime()
  }

  refreshRoles(): void {
    this.roles = rolesOf(this.store, this.user.id)
  }

  info(): SessionInfo {
    const unit = this.store.first(this.store.qb.selectFrom('unit').select(['name', 'code']))
    return {
      userId: this.user.id,
      username: this.user.username,
      displayName: this.user.displayName,
      roles: this.roles,
      unitName: unit?.name ?? '',
      unitCode: unit?.code ?? '',
      mustChangePassword: this.mustChangePassword,
      locked: this.locked,
      demo: this.keyFile.demo,
      idleLockMinutes: this.policy.idleLockMinutes,
      kiosk: this.kiosk !== null,
    }
  }

  close(): void {
    this.store.close()
    this.dbKey.fill(0)
    this.t3Key?.fill(0)
  }
}

/**
 * Signs in: unwraps the account's slot, opens the database with the key inside, and records the
 * sign-in (with any failed attempts the key file saw while the database was closed).
 */
export function signIn(
  location: UnitLocation,
  username: string,
  password: string,
  policy: SecurityPolicy,
  now: Date,
): Session {
  if (!unitExists(location)) throw new KaoheError('NOT_INITIALIZED')
  const keyFile = KeyFile.load(location.keyPath)
  const result = keyFile.unlockUser(username, password, now)
  if (!result.ok) {
    keyFile.save()
    const f = result.failure
    throw f.code === 'ACCOUNT_LOCKED'
      ? new KaoheError('ACCOUNT_LOCKED', { until: f.until ?? '' })
      : new KaoheError('AUTH_FAILED', { remaining: f.remaining ?? 0 })
  }
  const { secret } = result
  const dbKey = Buffer.from(secret.dbKey, 'hex')
  const store = Store.open(location.dbPath, dbKey)
  try {
    const user = store.first(
      store.qb.selectFrom('users').selectAll().where('id', '=', secret.userId ?? -1),
    )
    if (!user || user.username.toLowerCase() !== username.trim().toLowerCase() || !secret.privateKey) {
      throw new KaoheError('AUTH_FAILED', { remaining: policy.maxFailedLogins })
    }
    const audit = new AuditLog(store)
    if (user.disabled) {
      store.tx(() => {
        flushPending(store, keyFile, audit)
        audit.append({ actorId: user.id, actor: user.username, action: 'auth.login', outcome: 'denied', detail: { reason: 'ACCOUNT_DISABLED' } })
      })
      keyFile.save()
      throw new KaoheError('ACCOUNT_DISABLED')
    }
    const roles = rolesOf(store, user.id)
    const keys = { privateKey: secret.privateKey, publicKey: user.public_key }
    // An approved policy import for this year carries the unit's own security rules.
    const inForce = policyInForce(store, now.getFullYear())
    const security = inForce.source === 'default' ? policy : inForce.policy.security
    const session = new Session(
      location,
      store,
      keyFile,
      dbKey,
      { id: user.id, username: user.username, displayName: user.display_name },
      roles,
      keys,
      null,
      user.must_change_password === 1,
      security,
      now,
    )
    store.tx(() => {
      flushPending(store, keyFile, audit)
      if (roles.includes('discipline')) {
        const { key, handedTo } = t3KeyAtSignIn(store, { userId: user.id, ...keys }, now)
        session.t3Key = key
        if (handedTo.length) session.record({ action: 'tierKey.handover', target: 'T3', outcome: 'ok', detail: { to: handedTo } })
      }
      session.record({ action: 'auth.login', outcome: 'ok' })
    })
    session.anchorAudit()
    return session
  } catch (err) {
    store.close()
    throw err
  }
}

/** Audits the failed sign-ins that happened while nobody could write to the database. */
function flushPending(store: Store, keyFile: KeyFile, audit: AuditLog): void {
  const pending = keyFile.takePending()
  if (!pending.length) return
  const byLookup = new Map<string, { id: number; username: string }>()
  for (const u of store.all(store.qb.selectFrom('users').select(['id', 'username']))) {
    byLookup.set(keyFile.lookupId(u.username), u)
  }
  for (const p of pending) {
    const u = byLookup.get(p.slot)
    audit.append({
      at: p.at,
      actorId: u?.id ?? null,
      actor: u?.username ?? null,
      action: p.event,
      outcome: 'denied',
      detail: u ? {} : { account: 'unknown' },
    })
  }
}

/** Sets a new password for an account with the unit's recovery code (audited, forced change at sign-in). */
export function recoverAccount(
  location: UnitLocation,
  username: string,
  recoveryCode: string,
  newPassword: string,
  policy: SecurityPolicy,
): void {
  if (!unitExists(location)) throw new KaoheError('NOT_INITIALIZED')
  const keyFile = KeyFile.load(location.keyPath)
  const secret = keyFile.unlockRecovery(recoveryCode)
  if (!secret) throw new KaoheError('RECOVERY_CODE_INVALID')
  const dbKey = Buffer.from(secret.dbKey, 'hex')
  const store = Store.open(location.dbPath, dbKey)
  try {
    const audit = new AuditLog(store)
    store.tx(() => {
      const user = store.first(store.qb.selectFrom('users').select(['id', 'username']).where('username', '=', username.trim()))
      if (!user) throw new KaoheError('USER_NOT_FOUND', { user: username })
      replaceSlot(store, keyFile, dbKey, user.id, newPassword, { policy, mustChangePassword: true })
      keyFile.clearLockout(user.username)
      audit.append({ actorId: null, actor: null, action: 'auth.recover', target: `user:${user.id}`, outcome: 'ok', detail: { username: user.username } })
    })
    audit.anchorIn(keyFile)
  } finally {
    store.close()
    dbKey.fill(0)
  }
}
