import { KaoheError } from '@shared/errors'
import { ADMIN_ROLES, ROLE_NAMES } from '@shared/roles'
import {
  activeHolders,
  createAccount,
  getUserRow,
  listUsers,
  rolesOf,
} from '../../core/auth/accounts'
import { decideReset, listResetRequests, requestReset, resetOneStep } from '../../core/auth/passwordReset'
import type { HandlersFor } from '../router'
import { textDigest } from '../../core/audit/digest'

export const userHandlers: HandlersFor<'users'> = {
  'users.list': ({ session, now }) => listUsers(session.store, session.keyFile, now),

  /** New accounts get no role (the security administrator grants them) and change their password at first sign-in. */
  'users.add': ({ session, now, note }, input) => {
    const id = createAccount(session.store, session.keyFile, session.dbKey, input, {
      policy: session.policy,
      mustChangePassword: session.policy.forcePasswordChangeAtFirstLogin,
      now,
    })
    note(`user:${id}`, { username: input.username, displayName: textDigest(input.displayName) })
    return summary(session, id, now)
  },

  'users.setDisabled': ({ session, now, note }, { userId, disabled }) => {
    const user = getUserRow(session.store, userId)
    if (disabled && userId === session.user.id) throw new KaoheError('CANNOT_DISABLE_SELF')
    if (disabled) {
      for (const role of rolesOf(session.store, userId)) {
        if ((ADMIN_ROLES as readonly string[]).includes(role)) {
          const holders = activeHolders(session.store, role)
          if (holders.length === 1 && holders[0] === userId) {
            throw new KaoheError('LAST_ADMIN', { role: ROLE_NAMES[role].zh })
          }
        }
      }
    }
    session.store.run(session.store.qb.updateTable('users').set({ disabled: disabled ? 1 : 0 }).where('id', '=', userId))
    note(`user:${userId}`, { username: user.username, disabled })
    return summary(session, userId, now)
  },

  /** The system administrator ends a lockout early (the person called, the wrong tries were theirs). */
  'users.unlock': ({ session, now, note }, { userId }) => {
    const user = getUserRow(session.store, userId)
    const until = session.keyFile.lockedUntil(user.username, now)
    session.keyFile.clearLockout(user.username)
    note(`user:${userId}`, { username: user.username, lockedUntil: until })
    return summary(session, userId, now)
  },

  /**
   * A forgotten password: a new slot with a temporary password that must be changed at sign-in.
   * One step only for administrator and role-less accounts; a content account's reset takes the
   * security administrator's approval (users.requestReset / users.decideReset).
   */
  'users.resetPassword': ({ session, now, note }, { userId, password }) => {
    const user = getUserRow(session.store, userId)
    resetOneStep(session.store, session.keyFile, session.dbKey, session.user.id, userId, password, session.policy, now)
    note(`user:${userId}`, { username: user.username })
    return summary(session, userId, now)
  },

  'users.resetRequests': ({ session }) => listResetRequests(session.store),

  'users.requestReset': ({ session, now, note }, { userId }) => {
    const request = requestReset(session.store, { id: session.user.id, roles: session.roles }, userId, now)
    note(`user:${userId}`, { request: request.id })
    return request
  },

  /** The temporary password goes back to the approver only, and never into the audit entry. */
  'users.decideReset': ({ session, now, note }, { requestId, approve }) => {
    const decision = decideReset(session.store, session.keyFile, session.dbKey, { id: session.user.id, roles: session.roles }, requestId, approve, session.policy, now)
    note(`user:${decision.request.userId}`, { request: requestId, approve })
    return decision
  },
}

function summary(session: { store: Parameters<typeof listUsers>[0]; keyFile: Parameters<typeof listUsers>[1] }, id: number, now: Date) {
  const found = listUsers(session.store, session.keyFile, now).find((u) => u.id === id)
  if (!found) throw new KaoheError('USER_NOT_FOUND', { user: String(id) })
  return found
}
