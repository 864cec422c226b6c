import { PERMISSIONS, type Permission } from '@shared/access/permissions'
import type { Role } from '@shared/roles'

/** Who is asking: the signed-in account as main's session knows it (never as the renderer says). */
export interface Actor {
  userId: number
  username: string
  roles: readonly Role[]
}

/**
 * The one access check (DESIGN.md §3 step 4). Every method's permission is looked up in the
 * matrix; later capabilities add relationship rules (reporting line, self, recusal) here, in one
 * place, with the resource they concern.
 */
export function authorize(actor: Actor | null, permission: Permission): boolean {
  const rule = PERMISSIONS[permission]
  if (rule.allow === 'public') return true
  if (!actor) return false
  if (rule.allow === 'signedIn') return true
  return actor.roles.some((r) => (rule.allow as readonly Role[]).includes(r))
}
