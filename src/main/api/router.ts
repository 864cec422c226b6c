import { randomBytes } from 'node:crypto'
import { PERMISSIONS, type Permission } from '@shared/access/permissions'
import { contract, methodsFlagged, type Capability, type MethodName, type MethodsOf, type OutputOf, type ParsedInputOf } from '@shared/api/contract'
import type { AnyMethodDef, MethodFlag } from '@shared/api/method'
import type { Tier } from '@shared/roles'
import { KaoheError, type ApiError, type Result } from '@shared/errors'
import { authorize, type Subject } from '../core/access/authorize'
import { relationsTo } from '../core/access/relations'
import { MAX_INPUT_DEPTH, nestedDeeperThan } from './inputDepth'
import type { Session } from '../core/auth/session'
import type { Policy } from '../core/policy/defaults'
import type { UnitLocation } from '../core/unit/location'

/**
 * The one door (DESIGN.md §3). Every call from every transport — Electron IPC, the loopback
 * bridge, the CLI — passes here: input parsed by the method's schema, actor taken from the session
 * held in main, permission checked, handler run in one transaction with its audit entry, result
 * returned as a value. Nothing throws across.
 */

/** What a transport's calls share: where the unit is and who is signed in. */
export interface AppState {
  /** Resolved at each call: the desktop app switches from no unit to the demo or a real unit. */
  location(): UnitLocation
  /** Where a new real unit / the demo unit would be created. */
  realLocation(): UnitLocation
  demoLocation(): UnitLocation | null
  session: Session | null
  policy: Policy
  clock(): Date
  /** Where long operations (imports) report progress; the CLI prints it. */
  onProgress?: (done: number, total: number) => void
}

export interface CallContext {
  readonly state: AppState
  readonly now: Date
  /** The session; the router guarantees it exists for every non-public method. */
  readonly session: Session
  /** What the audit entry records this call did. Never pass secrets. */
  note(target: string | null, detail?: Record<string, unknown>): void
  /** Work that must happen after the transaction committed (file swaps, closing the database). */
  afterCommit(fn: () => void): void
  /**
   * The access check for a call whose person the router cannot see in the input (an entry id):
   * throws FORBIDDEN unless the permission holds for that person. The router audits the refusal.
   */
  requireFor(permission: Permission, personId: number): void
}

/** A handler runs synchronously inside the call's one transaction. */
export type SyncHandler<M extends MethodName> = (ctx: CallContext, input: ParsedInputOf<M>) => OutputOf<M>

/**
 * A handler with asynchronous preparation (reading a spreadsheet, say): `prepare` runs first and
 * must not write; `run` then gets its result inside the transaction, so writes stay atomic.
 */
export interface PreparedHandler<M extends MethodName, P> {
  prepare(ctx: CallContext, input: ParsedInputOf<M>): Promise<P>
  run(ctx: CallContext, input: ParsedInputOf<M>, prepared: P): OutputOf<M>
}

// The prepared value's type is the handler's own business; `never` lets any P fit the table.
export type Handler<M extends MethodName> = SyncHandler<M> | PreparedHandler<M, never>
export type Handlers = { [M in MethodName]: Handler<M> }
/** One capability's handlers, exactly the methods its slice declares (`HandlersFor<'ledger'>`). */
export type HandlersFor<C extends Capability> = { [M in MethodsOf<C> & MethodName]: Handler<M> }

/** Declares a two-phase handler with its prepared type checked between the phases. */
export function prepared<M extends MethodName, P>(h: PreparedHandler<M, P>): PreparedHandler<M, never> {
  return h as unknown as PreparedHandler<M, never>
}

/**
 * The router's method sets, each derived from a flag in the slices (never kept by hand):
 * - outsideTransaction: work that cannot run inside a transaction (SQLite refuses VACUUM INTO
 *   there); such methods write nothing to the database themselves, their audit entry follows in its
 *   own transaction;
 * - kioskAllowed: the only methods a session in kiosk survey mode may call (the kiosk screen's own
 *   and the reads the renderer starts from; not even sign-in or sign-out: only the exit password);
 * - allowedWhileLocked / allowedBeforePasswordChange: what a locked session, or one that must
 *   change its password first, can still call.
 */
export const ROUTER_SETS: { readonly [F in MethodFlag]: ReadonlySet<MethodName> } = {
  outsideTransaction: new Set(methodsFlagged('outsideTransaction')),
  kioskAllowed: new Set(methodsFlagged('kioskAllowed')),
  allowedWhileLocked: new Set(methodsFlagged('allowedWhileLocked')),
  allowedBeforePasswordChange: new Set(methodsFlagged('allowedBeforePasswordChange')),
}
const {
  outsideTransaction: OUTSIDE_TRANSACTION,
  kioskAllowed: KIOSK_ALLOWED,
  allowedWhileLocked: WHILE_LOCKED,
  allowedBeforePasswordChange: BEFORE_PASSWORD_CHANGE,
} = ROUTER_SETS

export class Router {
  constructor(
    private readonly state: AppState,
    private readonly handlers: Handlers,
    private readonly log: (msg: string, err: unknown) => void = (msg, err) => console.error(msg, err),
  ) {}

  async call(method: string, rawInput: unknown): Promise<Result<unknown>> {
    if (!Object.hasOwn(contract, method)) return fail({ code: 'UNKNOWN_METHOD', params: { method: String(method).slice(0, 64) } })
    const name = method as MethodName
    const def: AnyMethodDef = contract[name]
    // Refused before the schema: input nested thousands deep would exhaust the stack in the code after it.
    if (nestedDeeperThan(rawInput, MAX_INPUT_DEPTH)) {
      return fail({ code: 'INVALID_INPUT', params: { details: `(input): nested more than ${MAX_INPUT_DEPTH} levels deep` } })
    }
    const parsed = def.input.safeParse(rawInput ?? {})
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
      return fail({
        code: 'INVALID_INPUT',
        params: { details: issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; ') },
        issues,
      })
    }
    const now = this.state.clock()
    const session = this.state.session
    const rule = PERMISSIONS[def.permission]

    if (session?.kiosk && !KIOSK_ALLOWED.has(name)) return fail({ code: 'KIOSK_MODE' })
    if (rule.allow !== 'public') {
      if (!session) return fail({ code: 'NOT_AUTHENTICATED' })
      if (!session.locked && session.isIdle(now)) session.locked = true
      if (session.locked && !WHILE_LOCKED.has(name)) {
        return fail({ code: 'SESSION_LOCKED' })
      }
      if (session.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(name)) {
        return fail({ code: 'PASSWORD_CHANGE_REQUIRED' })
      }
      if (!authorize(session.actor, def.permission, subjectOf(def, parsed.data, session))) {
        this.auditAlone(session, name, 'denied', { permission: def.permission })
        return fail({ code: 'FORBIDDEN', params: { method: name } })
      }
    }

    let target: string | null = null
    let detail: Record<string, unknown> = {}
    const after: (() => void)[] = []
    const ctx: CallContext = {
      state: this.state,
      now,
      get session(): Session {
        if (!session) throw new KaoheError('NOT_AUTHENTICATED')
        return session
      },
      note(t, d) {
        target = t
        detail = d ?? {}
      },
      afterCommit(fn) {
        after.push(fn)
      },
      requireFor(permission, personId) {
        const actor = ctx.session.actor
        if (!authorize(actor, permission, { personId, relationsTo: relationsTo(ctx.session.store, actor.personId) })) {
          throw new KaoheError('FORBIDDEN', { method: name })
        }
      },
    }
    const entry = this.handlers[name] as
      | ((ctx: CallContext, input: unknown) => unknown)
      | { prepare(ctx: CallContext, input: unknown): Promise<unknown>; run(ctx: CallContext, input: unknown, p: unknown): unknown }
    // Public methods (set-up, sign-in) open or create the database themselves and audit inside.
    const audited =
      rule.allow !== 'public' && session && (def.kind === 'write' || auditedTier(rule.tier))
    try {
      let handler: (ctx: CallContext, input: unknown) => unknown
      if (typeof entry === 'function') {
        handler = entry
      } else {
        const preparedValue = await entry.prepare(ctx, parsed.data)
        // The session may have ended or changed while preparing (sign-out in another call).
        if (this.state.session !== session) return fail({ code: 'NOT_AUTHENTICATED' })
        handler = (c, i) => entry.run(c, i, preparedValue)
      }
      // A read method runs on a connection that refuses writes (db/store.ts, ReadableDB): one that
      // tries to write fails (INTERNAL) and writes nothing; its audit entry is written after.
      if (def.kind === 'read' && session) {
        const read = handler
        handler = (c, i) => session.store.readOnly(() => read(c, i))
      }
      let value: unknown
      if (audited && session && OUTSIDE_TRANSACTION.has(name)) {
        value = handler(ctx, parsed.data)
        session.store.tx(() => session.record({ action: name, target, outcome: 'ok', detail }))
        session.anchorAudit()
      } else if (audited && session) {
        value = session.store.tx(() => {
          const v = handler(ctx, parsed.data)
          session.record({ action: name, target, outcome: 'ok', detail })
          return v
        })
        session.anchorAudit()
      } else {
        value = handler(ctx, parsed.data)
      }
      for (const fn of after) fn()
      if (session && name !== 'auth.session' && this.state.session === session) session.touch(now)
      return { ok: true, value: value ?? null }
    } catch (err) {
      // The transaction rolled back: so do the key-file changes it queued (slots, lockout numbers).
      if (session) session.discardKeyFileChanges()
      if (err instanceof KaoheError) {
        // A refusal is audited whatever the method, like the router's own refusals above.
        if (err.code === 'FORBIDDEN' && session) this.auditAlone(session, name, 'denied', { error: err.code, ...detail }, target)
        else if (audited && session) this.auditAlone(session, name, 'failed', { error: err.code, ...detail }, target)
        return fail(err.toApiError())
      }
      const ref = randomBytes(4).toString('hex')
      this.log(`[kaohe] internal error ${ref} in ${name}`, err)
      if (audited && session) this.auditAlone(session, name, 'failed', { error: 'INTERNAL', ref }, target)
      return fail({ code: 'INTERNAL', params: { ref } })
    }
  }

  /** A refused or failed call gets its own audit entry (the operation's transaction rolled back). */
  private auditAlone(
    session: Session,
    action: string,
    outcome: 'denied' | 'failed',
    detail: Record<string, unknown>,
    target: string | null = null,
  ): void {
    try {
      if (!session.store.raw.open) return
      session.store.tx(() => session.record({ action, target, outcome, detail }))
      session.anchorAudit()
    } catch (err) {
      this.log('[kaohe] could not audit a refused call', err)
    }
  }
}

/**
 * Whom the call concerns, as the slice declares it (method.ts, SubjectSpec): the person whose id
 * the input holds, or 'scoped' when the handler narrows a list or checks the person it looks up
 * (an optional subject key left out is a list too). None for a permission no relation grants.
 */
function subjectOf(def: AnyMethodDef, input: unknown, session: Session): Subject | undefined {
  const spec = def.subject
  if (spec === undefined) return undefined
  if (typeof spec !== 'string') return 'scoped'
  const personId = (input as Record<string, unknown>)[spec]
  if (personId === undefined) return 'scoped'
  if (typeof personId !== 'number') return undefined
  return { personId, relationsTo: relationsTo(session.store, session.actor.personId) }
}

/** Reads of T2 and T3 data are audited like writes (DESIGN.md §3 step 6). */
function auditedTier(tier: Tier): boolean {
  return tier === 'T2' || tier === 'T3'
}

function fail(error: ApiError): Result<never> {
  return { ok: false, error }
}
