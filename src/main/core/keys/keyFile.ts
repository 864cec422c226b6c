import { createHash } from 'node:crypto'
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { KaoheError } from '@shared/errors'
import { withFileLock } from './fileLock'
import { deriveKey, randomBytes, seal, unseal, type Sealed, type ScryptParams } from './primitives'

/**
 * The key file beside the database (`unit.kaohe.keys`), DESIGN.md §4.
 *
 * It holds the database key wrapped once per account with a key derived from that account's
 * password, plus one recovery slot. It must not reveal who the users are: slots are found by a
 * salted hash of the user name, never the name. It also holds what must be known before the
 * database can be opened: failed-login counters (lockout) and the audit chain's head (MACed by the
 * audit module, so a cut, rehashed or renumbered log is noticed at the next open).
 *
 * Every process that opens the unit shares this file, so no process keeps its own copy as truth:
 * reads come from the file as it is now, counters change in one locked read-modify-write, and the
 * changes that belong to a database transaction wait in `ops` until it committed (`save()` inside
 * a transaction defers; the router's post-commit anchoring writes them; a rollback discards them).
 */
export const KEY_FILE_FORMAT = 'kaohe-keyslots/2'
const LEGACY_FORMAT = 'kaohe-keyslots/1'
/** Slots were sealed with this context under format 1 and keep it, or every account would be locked out. */
const SLOT_CONTEXT = 'kaohe-keyslots/1'
/**
 * How many made-up names' counters are kept. A bound on the file's size, not a rule: real
 * accounts' counters are kept apart and never evicted, so a flood of names cannot lift a lock.
 */
export const UNKNOWN_COUNTERS_KEPT = 500
/** The recovery slot's counter and pending events go under this id. */
export const RECOVERY_ID = 'recovery'
/** Pending events for names that have no slot are summed under this id (one entry per event). */
export const UNKNOWN_ID = 'unknown'

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

export type PendingEventKind = 'auth.loginFailed' | 'auth.accountLocked' | 'auth.recoveryFailed' | 'auth.recoveryLocked'

export interface PendingEvent {
  /** Lets the opener remove exactly the events it audited, not ones another process added meanwhile. */
  id?: string
  at: string
  event: PendingEventKind
  slot: string
  /** For the summed unknown-name events: how many, and the last one's time. */
  count?: number
  lastAt?: string
}

/** The audit chain's state, written and checked by the audit module (core/audit/anchor.ts). */
export interface StoredAuditState {
  /** First sequence number whose hash is an HMAC; entries before it are a format-1 keyless chain. */
  keyedFrom: number
  anchor: { seq: number; hash: string } | null
  breaks: StoredAuditBreak[]
  mac: string
}

export interface StoredAuditBreak {
  foundAt: string
  problem: string
  anchorSeq: number | null
  anchorHash: string | null
  headSeq: number
  headHash: string | null
}

interface KeyFileData {
  format: typeof KEY_FILE_FORMAT | typeof LEGACY_FORMAT
  demo: boolean
  /**
   * A superior office's key file says so (issue 11), so the sign-in screen can tell before anyone
   * signs in; absent means a unit. Only a hint for the screens: the database's unit.kind decides
   * what the office may do, and a session takes its kind from there.
   */
  office?: 'superior'
  lookupSalt: string
  lockout: { maxFailedLogins: number; lockoutMinutes: number }
  slots: Slot[]
  /** Counters of real slots (and the recovery slot), never evicted. */
  attempts: Record<string, Attempts>
  /** Counters of names without a slot, bounded. */
  unknownAttempts: Record<string, Attempts>
  pending: PendingEvent[]
  /** Format 1's plain anchor, kept until the chain is keyed at its first open by this version. */
  auditAnchor?: { seq: number; hash: string } | null
  audit?: StoredAuditState | null
}

export interface UnlockFailure {
  code: 'AUTH_FAILED' | 'ACCOUNT_LOCKED'
  remaining?: number
  until?: string
}

export type UnlockResult = { ok: true; secret: SlotSecret } | { ok: false; failure: UnlockFailure }

type Op = (d: KeyFileData) => void

const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ' // Crockford base32: no I L O U

function clone<T>(v: T): T {
  return structuredClone(v)
}

export class KeyFile {
  /** Changes waiting for the database transaction they belong to. */
  private ops: Op[] = []
  private cache: { stamp: string; data: KeyFileData } | null = null
  private deferWhile: () => boolean = () => false

  private constructor(
    readonly path: string,
    /** Only for a key file not yet on disk (set-up); afterwards the file is the truth. */
    private draft: KeyFileData | null,
  ) {}

  static exists(path: string): boolean {
    return existsSync(path)
  }

  static create(
    path: string,
    opts: { demo: boolean; superior?: boolean; lockout: { maxFailedLogins: number; lockoutMinutes: number } },
  ): KeyFile {
    if (existsSync(path)) throw new KaoheError('ALREADY_INITIALIZED', { path })
    return new KeyFile(path, {
      format: KEY_FILE_FORMAT,
      demo: opts.demo,
      ...(opts.superior ? { office: 'superior' as const } : {}),
      lookupSalt: randomBytes(16).toString('base64'),
      lockout: opts.lockout,
      slots: [],
      attempts: {},
      unknownAttempts: {},
      pending: [],
      audit: null,
    })
  }

  static load(path: string): KeyFile {
    const kf = new KeyFile(path, null)
    kf.snapshot()
    return kf
  }

  /** True until the first save of a key file made by `create`. */
  get isNew(): boolean {
    return this.draft !== null
  }

  /**
   * While `inTransaction()` holds, `save()` only keeps the changes for later: the router writes
   * them after the commit, so a rolled-back operation leaves no trace in the key file.
   */
  bindTransaction(inTransaction: () => boolean): void {
    this.deferWhile = inTransaction
  }

  get demo(): boolean {
    return this.view().demo
  }

  /** What the key file says the office is (a hint before sign-in; see KeyFileData.office). */
  get officeHint(): 'unit' | 'superior' {
    return this.view().office === 'superior' ? 'superior' : 'unit'
  }

  /** The head as anchored (keyed state, or a format-1 file's plain anchor). */
  get auditAnchor(): { seq: number; hash: string } | null {
    const d = this.view()
    return d.audit ? d.audit.anchor : (d.auditAnchor ?? null)
  }

  get auditState(): StoredAuditState | null {
    return this.view().audit ?? null
  }

  get legacyAuditAnchor(): { seq: number; hash: string } | null {
    return this.view().auditAnchor ?? null
  }

  /** Number of slots; names are not recoverable from the file. */
  get slotCount(): number {
    return this.view().slots.length
  }

  /** The salted lookup id of a user name (case-insensitive, like user names in the database). */
  lookupId(username: string): string {
    return deriveKey(username.trim().toLowerCase(), Buffer.from(this.view().lookupSalt, 'base64'), {
      log2N: 12,
      r: 8,
      p: 1,
    })
      .subarray(0, 16)
      .toString('base64')
  }

  hasUser(username: string): boolean {
    const id = this.lookupId(username)
    return this.view().slots.some((s) => s.id === id)
  }

  /** Adds or replaces the slot of one account. Only that slot changes (when the transaction commits). */
  setUserSlot(username: string, password: string, secret: SlotSecret, kdf: ScryptParams): void {
    const id = this.lookupId(username)
    const slot = makeSlot(id, 'user', password, secret, kdf)
    this.change((d) => {
      d.slots = [...d.slots.filter((s) => s.id !== id), slot]
      delete d.attempts[id]
      delete d.unknownAttempts[id]
    })
  }

  removeUserSlot(username: string): void {
    const id = this.lookupId(username)
    this.change((d) => {
      d.slots = d.slots.filter((s) => s.id !== id)
      delete d.attempts[id]
    })
  }

  /** Creates the recovery slot and returns its code, which is never stored anywhere. */
  createRecoverySlot(dbKey: Buffer, kdf: ScryptParams): string {
    const bytes = randomBytes(25)
    const code = Array.from(bytes, (b) => RECOVERY_ALPHABET[b % 32]).join('')
    const slot = makeSlot(RECOVERY_ID, 'recovery', code, { dbKey: dbKey.toString('hex') }, kdf)
    this.change((d) => {
      d.slots = [...d.slots.filter((s) => s.kind !== 'recovery'), slot]
      delete d.attempts[RECOVERY_ID]
    })
    return code.match(/.{5}/g)!.join('-')
  }

  /**
   * Opens the recovery slot. Wrong codes are counted like wrong passwords (the policy's maximum,
   * then locked for its minutes) and audited at the next open through the pending events.
   */
  unlockRecovery(code: string, now: Date = new Date()): UnlockResult {
    const snap = this.view()
    const locked = lockedAt(snap.attempts[RECOVERY_ID], now)
    if (locked) return { ok: false, failure: { code: 'ACCOUNT_LOCKED', until: locked } }
    const slot = snap.slots.find((s) => s.kind === 'recovery')
    const normalized = code.toUpperCase().replace(/[^0-9A-Z]/g, '')
    const secret = slot ? openSlot(slot, normalized) : null
    return this.countResult(RECOVERY_ID, secret, now, ['auth.recoveryFailed', 'auth.recoveryLocked'])
  }

  /**
   * Unwraps an account's slot. Failures are counted per lookup id (known or not, so the answer
   * does not tell whether an account exists) and lock it for the policy's minutes. A name without
   * a slot costs the same scrypt work as a wrong password: it is run against a dummy slot with
   * the real slots' parameters.
   */
  unlockUser(username: string, password: string, now: Date): UnlockResult {
    const id = this.lookupId(username)
    const snap = this.view()
    const slot = snap.slots.find((s) => s.id === id && s.kind === 'user')
    const locked = lockedAt((slot ? snap.attempts : snap.unknownAttempts)[id], now)
    if (locked) return { ok: false, failure: { code: 'ACCOUNT_LOCKED', until: locked } }
    const secret = slot ? openSlot(slot, password) : this.openDummy(snap, password)
    return this.countResult(id, secret, now, ['auth.loginFailed', 'auth.accountLocked'])
  }

  /** When the account behind this user name is locked out, until when. */
  lockedUntil(username: string, now: Date): string | null {
    const d = this.view()
    const id = this.lookupId(username)
    return lockedAt(d.attempts[id] ?? d.unknownAttempts[id], now)
  }

  clearLockout(username: string): void {
    const id = this.lookupId(username)
    this.change((d) => {
      delete d.attempts[id]
      delete d.unknownAttempts[id]
    })
  }

  setLockoutPolicy(lockout: { maxFailedLogins: number; lockoutMinutes: number }): void {
    this.change((d) => {
      d.lockout = { ...lockout }
    })
  }

  /** Failed sign-ins recorded while the database was closed, as the file holds them now. */
  pendingEvents(): PendingEvent[] {
    return clone(this.view().pending)
  }

  /** After the opener audited these events (and its transaction committed), they leave the file. */
  dropPending(taken: PendingEvent[]): void {
    this.change((d) => {
      for (const t of taken) {
        const i = d.pending.findIndex((p) => samePending(p, t))
        if (i < 0) continue
        const p = d.pending[i]!
        if ((p.count ?? 1) > (t.count ?? 1)) d.pending[i] = { ...p, count: (p.count ?? 1) - (t.count ?? 1) }
        else d.pending.splice(i, 1)
      }
    })
  }

  /** Takes and clears the pending events at once (for callers outside a transaction). */
  takePending(): PendingEvent[] {
    const taken = this.pendingEvents()
    this.dropPending(taken)
    this.save()
    return taken
  }

  /** The audit module's state change, applied to the file's state as it is at write time. */
  updateAudit(fn: (current: StoredAuditState | null, legacy: { seq: number; hash: string } | null) => StoredAuditState | null): void {
    this.change((d) => {
      const next = fn(d.audit ?? null, d.auditAnchor ?? null)
      if (next) {
        d.audit = next
        delete d.auditAnchor
      }
    })
  }

  /** Changes not yet written (for tests and for the router's rollback path). */
  get pendingChanges(): number {
    return this.ops.length
  }

  /** A rolled-back operation's key-file changes are dropped with it. */
  discard(): void {
    this.ops = []
  }

  /**
   * Writes the waiting changes: under the lock, onto a fresh read, to a unique temp file renamed
   * into place (0600). Inside a bound transaction it only keeps them for the post-commit write.
   */
  save(): void {
    if (this.deferWhile()) return
    if (this.draft) {
      const data = this.draft
      withFileLock(this.path, () => {
        writeAtomically(this.path, data, { exclusive: true })
      })
      this.draft = null
      this.cache = null
      this.ops = []
      return
    }
    if (!this.ops.length) return
    const ops = this.ops
    this.ops = []
    this.mutate((d) => {
      for (const op of ops) op(d)
    })
  }

  /** The file as it is now, with this process's not-yet-written changes on top. */
  private view(): KeyFileData {
    if (this.draft) return this.draft
    const base = this.snapshot()
    if (!this.ops.length) return base
    const d = clone(base)
    for (const op of this.ops) op(d)
    return d
  }

  private snapshot(): KeyFileData {
    let stamp: string
    try {
      const st = statSync(this.path, { bigint: true })
      stamp = `${st.ino}:${st.mtimeNs}:${st.size}`
    } catch {
      throw new KaoheError('KEYFILE_MISSING', { path: this.path })
    }
    if (this.cache?.stamp === stamp) return this.cache.data
    const data = readData(this.path)
    this.cache = { stamp, data }
    return data
  }

  /** A change that belongs to the current operation: waits for its commit (or applies to the draft). */
  private change(op: Op): void {
    if (this.draft) op(this.draft)
    else this.ops.push(op)
  }

  /** A change that must land whatever the operation's outcome (counters): one locked read-modify-write. */
  private mutate<T>(fn: (d: KeyFileData) => T): T {
    if (this.draft) return fn(this.draft)
    return withFileLock(this.path, () => {
      const d = readData(this.path)
      const result = fn(d)
      writeAtomically(this.path, d, { exclusive: false })
      this.cache = null
      return result
    })
  }

  private countResult(id: string, secret: SlotSecret | null, now: Date, events: [PendingEventKind, PendingEventKind]): UnlockResult {
    const snap = this.view()
    const isReal = id === RECOVERY_ID || snap.slots.some((s) => s.id === id)
    // A success with no counter to clear needs no write.
    if (secret && !(isReal ? snap.attempts[id] : snap.unknownAttempts[id])) return { ok: true, secret }
    return this.mutate((d) => {
      const real = id === RECOVERY_ID || d.slots.some((s) => s.id === id)
      const counters = real ? d.attempts : d.unknownAttempts
      const current = counters[id]
      // Another process may have locked it while this one was deriving the key.
      const locked = lockedAt(current, now)
      if (locked) return { ok: false, failure: { code: 'ACCOUNT_LOCKED', until: locked } } as const
      if (secret) {
        delete counters[id]
        return { ok: true, secret } as const
      }
      const failures = (current?.lockedUntil ? 0 : (current?.failures ?? 0)) + 1
      const max = d.lockout.maxFailedLogins
      const at = now.toISOString()
      const slotRef = real ? id : UNKNOWN_ID
      addPending(d, { at, event: events[0], slot: slotRef })
      delete counters[id] // re-inserted last, so eviction drops the oldest
      if (failures >= max) {
        const until = new Date(now.getTime() + d.lockout.lockoutMinutes * 60_000).toISOString()
        counters[id] = { failures, lockedUntil: until }
        addPending(d, { at, event: events[1], slot: slotRef })
        if (!real) trimUnknown(d)
        return { ok: false, failure: { code: 'ACCOUNT_LOCKED', until } } as const
      }
      counters[id] = { failures, lockedUntil: null }
      if (!real) trimUnknown(d)
      return { ok: false, failure: { code: 'AUTH_FAILED', remaining: max - failures } } as const
    })
  }

  /** The same scrypt and unseal a real slot costs, against a slot that cannot open. */
  private openDummy(d: KeyFileData, password: string): null {
    const model = [...d.slots].reverse().find((s) => s.kind === 'user') ?? d.slots[0]
    if (!model) return null
    const salt = createHash('sha256').update(`kaohe-dummy-slot|${d.lookupSalt}`).digest().subarray(0, 16)
    openSlot({ ...model, id: 'dummy', salt: salt.toString('base64') }, password)
    return null
  }
}

function lockedAt(a: Attempts | undefined, now: Date): string | null {
  return a?.lockedUntil && new Date(a.lockedUntil) > now ? a.lockedUntil : null
}

function samePending(a: PendingEvent, b: PendingEvent): boolean {
  if (a.id || b.id) return a.id === b.id
  return a.at === b.at && a.event === b.event && a.slot === b.slot
}

/** Real slots' events are kept one by one; made-up names' are summed so a flood cannot grow the file. */
function addPending(d: KeyFileData, e: Omit<PendingEvent, 'id'>): void {
  if (e.slot === UNKNOWN_ID) {
    const sum = d.pending.find((p) => p.slot === UNKNOWN_ID && p.event === e.event)
    if (sum) {
      sum.count = (sum.count ?? 1) + 1
      sum.lastAt = e.at
      return
    }
    d.pending.push({ id: randomBytes(8).toString('hex'), ...e, count: 1, lastAt: e.at })
    return
  }
  d.pending.push({ id: randomBytes(8).toString('hex'), ...e })
}

function trimUnknown(d: KeyFileData): void {
  const ids = Object.keys(d.unknownAttempts)
  for (const id of ids.slice(0, Math.max(0, ids.length - UNKNOWN_COUNTERS_KEPT))) delete d.unknownAttempts[id]
}

function readData(path: string): KeyFileData {
  if (!existsSync(path)) throw new KaoheError('KEYFILE_MISSING', { path })
  let data: KeyFileData
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as KeyFileData
  } catch {
    throw new KaoheError('KEYFILE_CORRUPT', { path })
  }
  if (
    !data ||
    (data.format !== KEY_FILE_FORMAT && data.format !== LEGACY_FORMAT) ||
    !Array.isArray(data.slots) ||
    !data.lookupSalt
  ) {
    throw new KaoheError('KEYFILE_CORRUPT', { path })
  }
  data.attempts ??= {}
  data.pending ??= []
  if (!data.unknownAttempts) {
    // Format 1 kept every name's counter in one list: real slots' stay, the rest are unknown names.
    const real = new Set(data.slots.map((s) => s.id))
    data.unknownAttempts = {}
    for (const [id, a] of Object.entries(data.attempts)) {
      if (!real.has(id) && id !== RECOVERY_ID) {
        data.unknownAttempts[id] = a
        delete data.attempts[id]
      }
    }
  }
  return data
}

/** A crash leaves the old or the new file, never half of one; each writer has its own temp name. */
function writeAtomically(path: string, data: KeyFileData, opts: { exclusive: boolean }): void {
  const tmp = `${path}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`
  const fd = openSync(tmp, 'wx', 0o600)
  try {
    writeSync(fd, JSON.stringify({ ...data, format: KEY_FILE_FORMAT }, null, 1))
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  try {
    if (opts.exclusive) {
      // A new unit's key file must not replace one that appeared meanwhile.
      try {
        linkSync(tmp, path)
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new KaoheError('ALREADY_INITIALIZED', { path })
        throw e
      }
      unlinkSync(tmp)
    } else {
      renameSync(tmp, path)
    }
  } catch (e) {
    if (existsSync(tmp)) unlinkSync(tmp)
    throw e
  }
}

function makeSlot(id: string, kind: Slot['kind'], secretText: string, secret: SlotSecret, kdf: ScryptParams): Slot {
  const salt = randomBytes(16)
  const key = deriveKey(secretText, salt, kdf)
  const sealed = seal(key, Buffer.from(JSON.stringify(secret), 'utf8'), `${SLOT_CONTEXT}|${kind}|${id}`)
  return { id, kind, salt: salt.toString('base64'), kdf, ...sealed }
}

function openSlot(slot: Slot, secretText: string): SlotSecret | null {
  const key = deriveKey(secretText, Buffer.from(slot.salt, 'base64'), slot.kdf)
  const plain = unseal(key, slot, `${SLOT_CONTEXT}|${slot.kind}|${slot.id}`)
  return plain ? (JSON.parse(plain.toString('utf8')) as SlotSecret) : null
}
