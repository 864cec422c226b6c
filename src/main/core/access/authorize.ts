import { PERMISSIONS, type Permission, type PermissionRule, type Relation } from '@shared/access/permissions'
import type { Role } from '@shared/roles'

/** Who is asking: the signed-in account as main's session knows it (never as the renderer says). */
export interface Actor {
  userId: number
  username: string
  roles: readonly Role[]
  /** The person (公务员) the account belongs to, if HR has linked one. */
  personId: number | null
}

/** How the actor stands to a person, computed from the reporting lines (see relations.ts). */
export type RelationsTo = (personId: number) => ReadonlySet<Relation>

function roleAllows(rule: PermissionRule, actor: Actor): boolean {
  if (rule.allow === 'signedIn') return true
  if (rule.allow === 'public') return true
  return actor.roles.some((r) => (rule.allow as readonly Role[]).includes(r))
}

/**
 * The one access check (DESIGN.md §3 step 4). A role in the matrix grants the permission
 * outright. A relation grants it for one person: with `subject` (the person the call concerns)
 * the relation must hold to them; without one (a list), the call may proceed and the list is
 * narrowed to the people the relation covers (`scopeOf` in relations.ts).
 */
export function authorize(
  actor: Actor | null,
  permission: Permission,
  subject?: { personId: number; relationsTo: RelationsTo },
): boolean {
  const rule: PermissionRule = PERMISSIONS[permission]
  if (rule.allow === 'public') return true
  if (!actor) return false
  if (roleAllows(rule, actor)) return true
  if (!rule.relations?.length || actor.personId === null) return false
  if (!subject) return true
  const held = subject.relationsTo(subject.personId)
  return rule.relations.some((r) => held.has(r))
}

/** Whether a role (not a relation) grants the permission: such actors see everyone. */
export function grantedByRole(actor: Actor, permission: Permission): boolean {
  return roleAllows(PERMISSIONS[permission], actor)
}
