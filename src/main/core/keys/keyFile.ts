import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs'
import { KaoheError } from '@shared/errors'
import { deriveKey, randomBytes, seal, unseal, type Sealed, type ScryptParams } from './primitives'

/**
 * The key file beside the database (`unit.kaohe.keys`), DESIGN.md §4.
 *
 * It holds the database key wrapped once per account with a key derived from that account's
 * password, plus one recovery slot. It must not reveal who the users are: slots are found by a
 * salted hash of the user name, never the name. It also holds what must be known before the
 * database can be opened: failed-login counters (lockout) and the audit chain's last known head
 * (so a truncated log is noticed).
 */
export const KEY_FILE_FORMAT = 'kaohe-keyslots/1'

export interface SlotSecret {
  /** The database key, hex. */
  dbKey: string
  /** For user slots: the account id and its X25519 private key (tier keys are sealed to it). */
  userId?: number
  privateKey?: string
}

interface Slot extends Sealed {
  id: string
  kind: 'user' | 'recovery'
  salt: string
  kdf: ScryptParams
}

interface Attempts {
  failures: number
  lockedUntil: string | null
}

export interface PendingEvent {
  at: string
  event: 'auth.loginFailed' | 'auth.accountLocked'
  slot: string
}

interface KeyFileData {
  format: typeof KEY_FILE_FORMAT
  demo: boolean
  lookupSalt: string
  lockout: { maxFailedLogins: number; lockoutMinutes: number }
  slots: Slot[]
  attempts: Record<string, Attempts>
  pending: PendingEvent[]
  auditAnchor: { seq: number; hash: string } | null
}

export interface UnlockFailure {
  code: 'AUTH_FAILED' | 'ACCOUNT_LOCKED'
  remaining?: number
  until?: string
}

const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ' // Crockford base32: no I L O U

export class KeyFile {
  private constructor(
    readonly path: string,
    private data: KeyFileData,
  ) {}

  static exists(path: string): boolean {
    return existsSync(path)
  }

  static create(
    path: string,
    opts: { demo: boolean; lockout: { maxFailedLogins: number; lockoutMinutes: number } },
  ): KeyFile {
    if (existsSync(path)) throw new KaoheError('ALREADY_INITIALIZED', { path })
    return new KeyFile(path, {
      format: KEY_FILE_FORMAT,
      demo: opts.demo,
      lookupSalt: randomBytes(16).toString('base64'),
      lockout: opts.lockout,
      slots: [],
      attempts: {},
      pending: [],
      auditAnchor: null,
    })
  }

  static load(path: string): KeyFile {
    if (!existsSync(path)) throw new KaoheError('KEYFILE_MISSING', { path })
    let data: KeyFileData
    try {
      data = JSON.parse(readFileSync(path, 'utf8')) as KeyFileData
    } catch {
      throw new KaoheError('KEYFILE_CORRUPT', { path })
    }
    if (data.format !== KEY_FILE_FORMAT || !Array.isArray(data.slots) || !data.lookupSalt) {
      throw new KaoheError('KEYFILE_CORRUPT', { path })
    }
    return new KeyFile(path, data)
  }

  get demo(): boolean {
    return this.data.demo
  }

  get auditAnchor(): { seq: number; hash: string } | null {
    return this.data.auditAnchor
  }

  /** Number of slots of each kind; names are not recoverable from the file. */
  get slotCount(): number {
    return this.data.slots.length
  }

  /** The salted lookup id of a user name (case-insensitive, like user names in the database). */
  lookupId(username: string): string {
    return deriveKey(username.trim().toLowerCase(), Buffer.from(this.data.lookupSalt, 'base64'), {
      log2N: 12,
      r: 8,
      p: 1,
    })
      .subarray(0, 16)
      .toString('base64')
  }

  hasUser(username: string): boolean {
    const id = this.lookupId(username)
    return this.data.slots.some((s) => s.id === id)
  }

  /** Adds or replaces the slot of one account. Only that slot changes. */
  setUserSlot(username: string, password: string, secret: SlotSecret, kdf: ScryptParams): void {
    const id = this.lookupId(username)
    const slot = this.makeSlot(id, 'user', password, secret, kdf)
    this.data.slots = [...this.data.slots.filter((s) => s.id !== id), slot]
    delete this.data.attempts[id]
  }

  removeUserSlot(username: string): void {
    const id = this.lookupId(username)
    this.data.slots = this.data.slots.filter((s) => s.id !== id)
  }

  /** Creates the recovery slot and returns its code, which is never stored anywhere. */
  createRecoverySlot(dbKey: Buffer, kdf: ScryptParams): string {
    const bytes = randomBytes(25)
    const code = Array.from(bytes, (b) => RECOVERY_ALPHABET[b % 32]).join('')
    const slot = this.makeSlot('recovery', 'recovery', code, { dbKey: dbKey.toString('hex') }, kdf)
    this.data.slots = [...this.data.slots.filter((s) => s.kind !== 'recovery'), slot]
    return code.match(/.{5}/g)!.join('-')
  }

  unlockRecovery(code: string): SlotSecret | null {
    const slot = this.data.slots.find((s) => s.kind === 'recovery')
    if (!slot) return null
    const normalized = code.toUpperCase().replace(/[^0-9A-Z]/g, '')
    return this.open(slot, normalized)
  }

  /**
   * Unwraps an account's slot. Failures are counted per lookup id (known or not, so the answer
   * does not tell whether an account exists) and lock it for the policy's minutes.
   */
  unlockUser(
    username: string,
    password: string,
    now: Date,
  ): { ok: true; secret: SlotSecret } | { ok: false; failure: UnlockFailure } {
    const id = this.lookupId(username)
    const attempts = this.data.attempts[id] ?? { failures: 0, lockedUntil: null }
    if (attempts.lockedUntil && new Date(attempts.lockedUntil) > now) {
      return { ok: false, failure: { code: 'ACCOUNT_LOCKED', until: attempts.lockedUntil } }
    }
    const slot = this.data.slots.find((s) => s.id === id && s.kind === 'user')
    const secret = slot ? this.open(slot, password) : null
    if (secret) {
      delete this.data.attempts[id]
      return { ok: true, secret }
    }
    const failures = (attempts.lockedUntil ? 0 : attempts.failures) + 1
    const max = this.data.lockout.maxFailedLogins
    const at = now.toISOString()
    this.data.pending.push({ at, event: 'auth.loginFailed', slot: id })
    if (failures >= max) {
      const until = new Date(now.getTime() + this.data.lockout.lockoutMinutes * 60_000).toISOString()
      this.data.attempts[id] = { failures, lockedUntil: until }
      this.data.pending.push({ at, event: 'auth.accountLocked', slot: id })
      this.trimAttempts()
      return { ok: false, failure: { code: 'ACCOUNT_LOCKED', until } }
    }
    this.data.attempts[id] = { failures, lockedUntil: null }
    this.trimAttempts()
    return { ok: false, failure: { code: 'AUTH_FAILED', remaining: max - failures } }
  }

  /** When the account behind this user name is locked out, until when. */
  lockedUntil(username: string, now: Date): string | null {
    const a = this.data.attempts[this.lookupId(username)]
    return a?.lockedUntil && new Date(a.lockedUntil) > now ? a.lockedUntil : null
  }

  clearLockout(username: string): void {
    delete this.data.attempts[this.lookupId(username)]
  }

  setLockoutPolicy(lockout: { maxFailedLogins: number; lockoutMinutes: number }): void {
    this.data.lockout = lockout
  }

  /** Failed sign-ins recorded while the database was closed; the next opener audits them. */
  takePending(): PendingEvent[] {
    const pending = this.data.pending
    this.data.pending = []
    return pending
  }

  setAuditAnchor(seq: number, hash: string): void {
    this.data.auditAnchor = { seq, hash }
  }

  /** Atomic replace: a crash leaves either the old or the new file, never half of one. */
  save(): void {
    const tmp = `${this.path}.tmp`
    const fd = openSync(tmp, 'w', 0o600)
    try {
      writeSync(fd, JSON.stringify(this.data, null, 1))
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, this.path)
  }

  private makeSlot(
    id: string,
    kind: Slot['kind'],
    secretText: string,
    secret: SlotSecret,
    kdf: ScryptParams,
  ): Slot {
    const salt = randomBytes(16)
    const key = deriveKey(secretText, salt, kdf)
    const sealed = seal(key, Buffer.from(JSON.stringify(secret), 'utf8'), `${KEY_FILE_FORMAT}|${kind}|${id}`)
    return { id, kind, salt: salt.toString('base64'), kdf, ...sealed }
  }

  private open(slot: Slot, secretText: string): SlotSecret | null {
    const key = deriveKey(secretText, Buffer.from(slot.salt, 'base64'), slot.kdf)
    const plain = unseal(key, slot, `${KEY_FILE_FORMAT}|${slot.kind}|${slot.id}`)
    return plain ? (JSON.parse(plain.toString('utf8')) as SlotSecret) : null
  }

  /** Unknown names could otherwise grow the file without bound. */
  private trimAttempts(): void {
    const ids = Object.keys(this.data.attempts)
    for (const id of ids.slice(0, Math.max(0, ids.length - 500))) delete this.data.attempts[id]
  }
}
