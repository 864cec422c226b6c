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
