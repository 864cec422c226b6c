import { KaoheError } from '@shared/errors'
import { isAdminRole, type Role } from '@shared/roles'
import type { PasswordResetRequest } from '@shared/api/types'
import type { Store } from '../../db/store'
import type { KeyFile } from '../keys/keyFile'
import { randomBytes } from '../keys/primitives'
import type { SecurityPolicy } from '../policy/defaults'
import { getUserRow, replaceSlot, rolesOf } from './accounts'
import { checkPasswordStrength } from './passwords'

/**
 * Password resets (密码重置), DESIGN.md §4 三员分立. A reset hands whoever learns the temporary
 * password the account's identity, so for an account holding any content role it takes two of the
 * three administrators: the system administrator requests and the security administrator approves,
 * or the reverse; the temporary password is made at approval and shown only to the approver.
 *
 * Administrator accounts (and accounts with no role yet) reach no assessment content, so their
 * reset stays one step: a locked-out administrator must be recoverable without the other
 * administrator, who may be the locked-out one. To keep that from becoming a way round the two-
 * person rule (reset the other administrator, then approve one's own request as them), an account
 * whose password was last reset by the requester cannot approve that requester's request.
 *
 * Every reset is recorded here; the person is told at the next sign-in who reset it and when.
 */
type ResetAdmin = 'sysadmin' | 'secadmin'

export function holdsContentRole(roles: readonly Role[]): boolean {
  return roles.some((r) => !isAdminRole(r))
}

/** One-step reset (administrator or role-less account), recorded for the notice. */
export function resetOneStep(
  store: Store,
  keyFile: KeyFile,
  dbKey: Buffer,
  actorId: number,
  userId: number,
  password: string,
  policy: SecurityPolicy,
  now: Date,
): void {
  const user = getUserRow(store, userId)
  if (holdsContentRole(rolesOf(store, userId))) throw new KaoheError('RESET_NEEDS_APPROVAL', { username: user.username })
  replaceSlot(store, keyFile, dbKey, userId, password, { policy, mustChangePassword: true })
  keyFile.clearLockout(user.username)
  keyFile.save()
  const at = now.toISOString()
  store.run(
    store.qb.insertInto('password_resets').values({
      user_id: userId,
      requested_by: actorId,
      requested_at: at,
      decided_by: actorId,
      decided_at: at,
      state: 'done',
      notified_at: null,
    }),
  )
}

export function requestReset(store: Store, actor: { id: number; roles: readonly Role[] }, userId: number, now: Date): PasswordResetRequest {
  const user = getUserRow(store, userId)
  resetRoleOf(actor.roles)
  if (userId === actor.id) throw new KaoheError('RESET_APPROVER_SAME')
  if (!holdsContentRole(rolesOf(store, userId))) {
    // Nothing to guard: the system administrator resets it in one step.
    throw new KaoheError('INVALID_INPUT', { details: `userId: ${user.username} holds no content role; reset it directly` })
  }
  const pending = store.first(
    store.qb.selectFrom('password_resets').select('id').where('user_id', '=', userId).where('state', '=', 'pending'),
  )
  if (pending) throw new KaoheError('RESET_ALREADY_PENDING', { username: user.username })
  const { lastInsertRowid } = store.run(
    store.qb.insertInto('password_resets').values({
      user_id: userId,
      requested_by: actor.id,
      requested_at: now.toISOString(),
      decided_by: null,
      decided_at: null,
      state: 'pending',
      notified_at: null,
    }),
  )
  return requestView(store, Number(lastInsertRowid))
}

/**
 * The other administrator decides. Approved: the account gets a fresh temporary password (to be
 * changed at sign-in), its key pair is replaced (tier keys are handed over again by a holder, never
 * remade) and the password is returned once, to the approver.
 */
export function decideReset(
  store: Store,
  keyFile: KeyFile,
  dbKey: Buffer,
  actor: { id: number; roles: readonly Role[] },
  requestId: number,
  approve: boolean,
  policy: SecurityPolicy,
  now: Date,
): { request: PasswordResetRequest; temporaryPassword: string | null } {
  const row = store.first(store.qb.selectFrom('password_resets').selectAll().where('id', '=', requestId))
  if (!row || row.state !== 'pending') throw new KaoheError('RESET_NOT_PENDING', { id: requestId })
  const mine = resetRoleOf(actor.roles)
  const theirs = resetRoleOf(rolesOf(store, row.requested_by))
  // Refusing (withdrawing) one's own request is fine; approving it never is.
  if (approve && (row.requested_by === actor.id || mine === theirs || row.user_id === actor.id)) {
    throw new KaoheError('RESET_APPROVER_SAME')
  }
  if (approve && lastResetBy(store, actor.id) === row.requested_by) throw new KaoheError('RESET_APPROVER_TAINTED')
  const at = now.toISOString()
  store.run(
    store.qb
      .updateTable('password_resets')
      .set({ state: approve ? 'done' : 'refused', decided_by: actor.id, decided_at: at })
      .where('id', '=', requestId),
  )
  let temporaryPassword: string | null = null
  if (approve) {
    const user = getUserRow(store, row.user_id)
    temporaryPassword = temporaryPasswordFor(policy)
    replaceSlot(store, keyFile, dbKey, row.user_id, temporaryPassword, { policy, mustChangePassword: true })
    keyFile.clearLockout(user.username)
    keyFile.save()
  }
  return { request: requestView(store, requestId), temporaryPassword }
}

export function listResetRequests(store: Store): PasswordResetRequest[] {
  return store
    .all(store.qb.selectFrom('password_resets').select('id').where('state', '=', 'pending').orderBy('id'))
    .map((r) => requestView(store, r.id))
}

/**
 * At sign-in: the latest reset of this account not yet told. It is marked told only at a sign-in
 * with the person's own password (no forced change pending), so an administrator who signs in
 * with the temporary password first does not use the notice up.
 */
export function resetNoticeAtSignIn(store: Store, userId: number, mustChangePassword: boolean, now: Date): { by: string; at: string } | null {
  const row = store.first(
    store.qb
      .selectFrom('password_resets')
      .innerJoin('users', 'users.id', 'password_resets.decided_by')
      .select(['password_resets.id', 'password_resets.decided_at', 'users.display_name', 'users.username'])
      .where('password_resets.user_id', '=', userId)
      .where('password_resets.state', '=', 'done')
      .where('password_resets.notified_at', 'is', null)
      .orderBy('password_resets.id', 'desc')
      .limit(1),
  )
  if (!row) return null
  if (!mustChangePassword) {
    store.run(
      store.qb
        .updateTable('password_resets')
        .set({ notified_at: now.toISOString() })
        .where('user_id', '=', userId)
        .where('state', '=', 'done')
        .where('notified_at', 'is', null),
    )
  }
  const requester = store.first(
    store.qb
      .selectFrom('password_resets')
      .innerJoin('users', 'users.id', 'password_resets.requested_by')
      .select(['users.display_name', 'users.username'])
      .where('password_resets.id', '=', row.id),
  )
  const names = [requester, { display_name: row.display_name, username: row.username }]
    .filter((n, i, all): n is { display_name: string; username: string } => !!n && all.findIndex((m) => m?.username === n.username) === i)
    .map((n) => `${n.display_name}（${n.username}）`)
  return { by: names.join('、'), at: row.decided_at ?? '' }
}

function lastResetBy(store: Store, userId: number): number | null {
  const row = store.first(
    store.qb
      .selectFrom('password_resets')
      .select('requested_by')
      .where('user_id', '=', userId)
      .where('state', '=', 'done')
      .orderBy('id', 'desc')
      .limit(1),
  )
  return row?.requested_by ?? null
}

function resetRoleOf(roles: readonly Role[]): ResetAdmin {
  if (roles.includes('sysadmin')) return 'sysadmin'
  if (roles.includes('secadmin')) return 'secadmin'
  throw new KaoheError('FORBIDDEN', { method: 'users.decideReset' })
}

function requestView(store: Store, id: number): PasswordResetRequest {
  const r = store.first(
    store.qb
      .selectFrom('password_resets')
      .innerJoin('users as target', 'target.id', 'password_resets.user_id')
      .innerJoin('users as requester', 'requester.id', 'password_resets.requested_by')
      .select([
        'password_resets.id',
        'password_resets.user_id',
        'password_resets.requested_by',
        'password_resets.requested_at',
        'password_resets.state',
        'target.username',
        'target.display_name',
        'requester.username as requester_name',
      ])
      .where('password_resets.id', '=', id),
  )
  if (!r) throw new KaoheError('RESET_NOT_PENDING', { id })
  const requesterRoles = rolesOf(store, r.requested_by)
  return {
    id: r.id,
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    requestedBy: r.requester_name,
    requestedByRole: requesterRoles.includes('sysadmin') ? 'sysadmin' : 'secadmin',
    requestedAt: r.requested_at,
    state: r.state,
  }
}

const TEMP_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A random temporary password that meets the policy's rule (all four classes, never short). */
function temporaryPasswordFor(policy: SecurityPolicy): string {
  const length = Math.max(policy.passwordMinLength, 16)
  for (;;) {
    const body = Array.from(randomBytes(length - 1), (b) => TEMP_ALPHABET[b % TEMP_ALPHABET.length]).join('')
    const candidate = `${body.slice(0, 4)}-${body.slice(4)}`
    try {
      checkPasswordStrength(candidate, policy)
      if (/[a-z]/.test(candidate) && /[A-Z]/.test(candidate) && /\d/.test(candidate)) return candidate
    } catch {
      // Drawn without one of the classes: draw again.
    }
  }
}
