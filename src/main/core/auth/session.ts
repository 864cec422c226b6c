import { KaoheError } from '@shared/errors'
import type { SessionInfo } from '@shared/api/types'
import type { Role } from '@shared/roles'
import { Store } from '../../db/store'
import { AuditLog, type AuditRecord } from '../audit/chain'
import { checkAuditAtOpen, type AuditOpenFinding } from '../audit/anchor'
import { KeyFile, RECOVERY_ID } from '../keys/keyFile'
import type { Actor } from '../access/authorize'
import { t3KeyAtSignIn } from '../access/tierKeys'
import type { SecurityPolicy } from '../policy/defaults'
import { unitExists, type UnitLocation } from '../unit/location'
import { replaceSlot, rolesOf, scryptParams } from './accounts'
import { resetNoticeAtSignIn } from './passwordReset'
import { unlockFailure } from './unlockFailure'
import { signingKeyAtSignIn } from '../backup/signingKey'
import { officeKeysAtSignIn } from '../bundles/officeKeys'
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
  kiosk: {
    userId: number
    startedAt: string
    departmentId: number | null
    /** Set when the kiosk is the democratic-evaluation ballot kiosk (民主测评) of that year, not the survey. */
    ballotYear?: number
  } | null = null
  readonly audit: AuditLog
  /** Issue 7 (#9): who reset this account's password and when, told at sign-in. */
  passwordReset: { by: string; at: string } | null = null
  /** Issue 7 (#9): the discipline office's T3 recovery code, in the first info() only. */
  private t3RecoveryCode: string | null = null

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
    this.audit = new AuditLog(store, dbKey)
  }

  /** What the check at sign-in found wrong with the audit chain (recorded, and reported by verify). */
  auditFinding: AuditOpenFinding | null = null

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

  /**
   * After a committed write: the key file's waiting changes and the chain's head go to the key
   * file, under its lock, onto a fresh read.
   */
  anchorAudit(): void {
    this.audit.anchorIn(this.keyFile)
  }

  /** After a rollback: the operation's key-file changes go with it. */
  discardKeyFileChanges(): void {
    this.keyFile.discard()
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
      ballotKiosk: this.kiosk?.ballotYear ?? null,
      passwordReset: this.passwordReset,
      t3RecoveryCode: this.takeT3RecoveryCode(),
    }
  }

  /** Shown once: the sign-in's answer carries it, later session reads do not. */
  showT3RecoveryCodeOnce(code: string): void {
    this.t3RecoveryCode = code
  }

  private takeT3RecoveryCode(): string | null {
    const code = this.t3RecoveryCode
    this.t3RecoveryCode = null
    return code
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
  // The failure is counted in the key file at once (under its lock), whatever happens next.
  const result = keyFile.unlockUser(username, password, now)
  if (!result.ok) {
    throw unlockFailure(result.failure)
  }
  const { secret } = result
  const dbKey = Buffer.from(secret.dbKey, 'hex')
  const store = Store.open(location.dbPath, dbKey)
  keyFile.bindTransaction(() => store.inTransaction)
  try {
    const user = store.first(
      store.qb.selectFrom('users').selectAll().where('id', '=', secret.userId ?? -1),
    )
    if (!user || user.username.toLowerCase() !== username.trim().toLowerCase() || !secret.privateKey) {
      throw new KaoheError('AUTH_FAILED', { remaining: policy.maxFailedLogins })
    }
    const audit = new AuditLog(store, dbKey)
    if (user.disabled) {
      store.tx(() => {
        checkAuditAtOpen(store, keyFile, audit, now)
        flushPending(store, keyFile, audit)
        audit.append({ actorId: user.id, actor: user.username, action: 'auth.login', outcome: 'denied', detail: { reason: 'ACCOUNT_DISABLED' } })
      })
      audit.anchorIn(keyFile)
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
      // Before anything is written: is the head anchored in the key file still there?
      session.auditFinding = checkAuditAtOpen(store, keyFile, audit, now)
      flushPending(store, keyFile, audit)
      if (roles.includes('discipline')) {
        const { key, handedTo, recoveryCode } = t3KeyAtSignIn(store, { userId: user.id, ...keys }, now, scryptParams(security))
        session.t3Key = key
        if (handedTo.length) session.record({ action: 'tierKey.handover', target: 'T3', outcome: 'ok', detail: { to: handedTo } })
        if (recoveryCode) {
          session.showT3RecoveryCodeOnce(recoveryCode)
          session.record({ action: 'tierKey.recoveryCodeIssued', target: 'T3', outcome: 'ok' })
        }
      }
      // Issue 7 (#6): the backup signing key, sealed only to system administrators.
      if (roles.includes('sysadmin')) {
        const { created, handedTo } = signingKeyAtSignIn(store, { userId: user.id, ...keys }, now)
        if (created) session.record({ action: 'backupSigningKey.created', target: 'unit', outcome: 'ok', detail: { keyId: created.keyId } })
        if (handedTo.length) session.record({ action: 'backupSigningKey.handover', target: 'unit', outcome: 'ok', detail: { to: handedTo } })
      }
      // Issue 11: the office package keys, sealed only to personnel (hr) accounts.
      if (roles.includes('hr')) {
        const { created, handedTo } = officeKeysAtSignIn(store, { userId: user.id, ...keys }, now)
        if (created) session.record({ action: 'officeKeys.created', target: `key:${created}`, outcome: 'ok' })
        if (handedTo.length) session.record({ action: 'officeKeys.handover', target: 'office', outcome: 'ok', detail: { to: handedTo } })
      }
      // Issue 7 (#9): tell the person who reset their password and when.
      session.passwordReset = resetNoticeAtSignIn(store, user.id, user.must_change_password === 1, now)
      session.record({ action: 'auth.login', outcome: 'ok' })
    })
    session.anchorAudit()
    return session
  } catch (err) {
    keyFile.discard()
    store.close()
    throw err
  }
}

/**
 * Audits the failed sign-ins (and recovery codes) that happened while nobody could write to the
 * database. They leave the key file only when this transaction commits, and only those taken.
 */
function flushPending(store: Store, keyFile: KeyFile, audit: AuditLog): void {
  const pending = keyFile.pendingEvents()
  if (!pending.length) return
  keyFile.dropPending(pending)
  const byLookup = new Map<string, { id: number; username: string }>()
  for (const u of store.all(store.qb.selectFrom('users').select(['id', 'username']))) {
    byLookup.set(keyFile.lookupId(u.username), u)
  }
  for (const p of pending) {
    const u = byLookup.get(p.slot)
    const detail: Record<string, unknown> = u
      ? {}
      : p.slot === RECOVERY_ID
        ? { slot: 'recovery' }
        : { account: 'unknown', ...(p.count !== undefined ? { count: p.count, lastAt: p.lastAt ?? p.at } : {}) }
    audit.append({
      at: p.at,
      actorId: u?.id ?? null,
      actor: u?.username ?? null,
      action: p.event,
      outcome: 'denied',
      detail,
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
  now: Date = new Date(),
): void {
  if (!unitExists(location)) throw new KaoheError('NOT_INITIALIZED')
  const keyFile = KeyFile.load(location.keyPath)
  // Wrong codes are counted and locked like passwords, and audited at the next open.
  const result = keyFile.unlockRecovery(recoveryCode, now)
  if (!result.ok) {
    throw unlockFailure(result.failure, 'recoveryCode')
  }
  const dbKey = Buffer.from(result.secret.dbKey, 'hex')
  const store = Store.open(location.dbPath, dbKey)
  keyFile.bindTransaction(() => store.inTransaction)
  try {
    const audit = new AuditLog(store, dbKey)
    store.tx(() => {
      checkAuditAtOpen(store, keyFile, audit, now)
      flushPending(store, keyFile, audit)
      const user = store.first(store.qb.selectFrom('users').select(['id', 'username']).where('username', '=', username.trim()))
      if (!user) throw new KaoheError('USER_NOT_FOUND', { user: username })
      replaceSlot(store, keyFile, dbKey, user.id, newPassword, { policy, mustChangePassword: true })
      keyFile.clearLockout(user.username)
      audit.append({ actorId: null, actor: null, action: 'auth.recover', target: `user:${user.id}`, outcome: 'ok', detail: { username: user.username } })
    })
    audit.anchorIn(keyFile)
  } catch (err) {
    keyFile.discard()
    throw err
  } finally {
    store.close()
    dbKey.fill(0)
  }
}
