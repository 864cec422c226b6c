import { KaoheError } from '@shared/errors'
import { ROLE_NAMES, isAdminRole, type Role } from '@shared/roles'

/**
 * 三员分立 (DESIGN.md §4): an administrator role is never held together with any other role.
 * Throws ROLE_CONFLICT naming both roles when adding `role` to `held` would break that.
 */
export function checkRoleCombination(held: readonly Role[], role: Role): void {
  for (const other of held) {
    if (other === role) continue
    if (isAdminRole(role) || isAdminRole(other)) {
      throw new KaoheError('ROLE_CONFLICT', {
        role: ROLE_NAMES[role].zh,
        other: ROLE_NAMES[other].zh,
      })
    }
  }
}

/**
 * 三员分立, the other half: an administrator role never goes to an account linked to a person
 * (that person's reporting lines would follow the account). `linkedTo` is the linked person's
 * name, or null for an account without one. The reverse order — linking a person to an
 * administrator account — is refused in org.people.linkAccount (ORG_ADMIN_ACCOUNT).
 */
export function checkAdminUnlinked(username: string, linkedTo: string | null, role: Role): void {
  if (isAdminRole(role) && linkedTo !== null) {
    throw new KaoheError('ROLE_LINKED_ACCOUNT', { username, name: linkedTo, role: ROLE_NAMES[role].zh })
  }
}
