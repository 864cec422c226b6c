import { KaoheError } from '@shared/errors'
import { ROLE_NAMES, isAdminRole } from '@shared/roles'
import { activeHolders, getUserRow, listUserRoles, rolesOf, userRoles } from '../../core/auth/accounts'
import { checkAdminUnlinked, checkRoleCombination } from '../../core/access/roleRules'
import { personRow } from '../../core/org/people'
import { revokeT3 } from '../../core/access/tierKeys'
import { revokeSigningKey } from '../../core/backup/signingKey'
import { revokeOfficeKeys } from '../../core/bundles/officeKeys'
import { grantRole } from '../../core/unit/setup'
import type { HandlersFor } from '../router'

export const roleHandlers: HandlersFor<'roles'> = {
  'roles.list': ({ session }) => listUserRoles(session.store),

  'roles.grant': ({ session, now, note }, { userId, role }) => {
    const user = getUserRow(session.store, userId)
    const held = rolesOf(session.store, userId)
    if (held.includes(role)) throw new KaoheError('ROLE_ALREADY_HELD', { role: ROLE_NAMES[role].zh })
    checkRoleCombination(held, role)
    checkAdminUnlinked(user.username, user.person_id === null ? null : personRow(session.store, user.person_id).name, role)
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
    if (role === 'sysadmin') revokeSigningKey(session.store, userId)
    if (role === 'hr') revokeOfficeKeys(session.store, userId)
    note(`user:${userId}`, { username: user.username, role })
    if (userId === session.user.id) session.refreshRoles()
    return userRoles(session.store, userId)
  },
}
