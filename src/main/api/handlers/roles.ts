import { KaoheError } from '@shared/errors'
import { ROLE_NAMES, isAdminRole } from '@shared/roles'
import { activeHolders, getUserRow, listUserRoles, rolesOf, userRoles } from '../../core/auth/accounts'
import { checkRoleCombination } from '../../core/access/roleRules'
import { revokeT3 } from '../../core/access/tierKeys'
import { grantRole } from '../../core/unit/setup'
import type { Handlers } from '../router'

export const roleHandlers: Pick<Handlers, 'roles.list' | 'roles.grant' | 'roles.revoke'> = {
  'roles.list': ({ session }) => listUserRoles(session.store),

  'roles.grant': ({ session, now, note }, { userId, role }) => {
    const user = getUserRow(session.store, userId)
    const held = rolesOf(session.store, userId)
    if (held.includes(role)) throw new KaoheError('ROLE_ALREADY_HELD', { role: ROLE_NAMES[role].zh })
    checkRoleCombination(held, role)
    grantRole(session.store, userId, role, session.user.id, now)
    note(`user:${userId}`, { username: user.username, role })
    if (userId === session.user.id) session.refreshRoles()
    return userRoles(session.store, userId)
  },

  'roles.revoke': ({ session, note }, { userId, role }) => {
    const user = getUserRow(session.store, userId)
    const held = rolesOf(session.store, userId)
    if (!held.includes(role)) throw new KaoheError('ROLE_NOT_HELD', { role: ROLE_NAMES[role].zh })
    if (isAdminRole(role)) {
      const holders = activeHolders(session.store, role)
      if (holders.length <= 1 && holders.includes(userId)) {
        throw new KaoheError('LAST_ADMIN', { role: ROLE_NAMES[role].zh })
      }
    }
    session.store.run(
      session.store.qb.deleteFrom('user_roles').where('user_id', '=', userId).where('role', '=', role),
    )
    if (role === 'discipline') revokeT3(session.store, userId)
    note(`user:${userId}`, { username: user.username, role })
    if (userId === session.user.id) session.refreshRoles()
    return userRoles(session.store, userId)
  },
}
