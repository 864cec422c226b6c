import { PERMISSIONS, type Permission, type PermissionRule, type Relation } from '@shared/access/permissions'
import { isAdminRole, type Role } from '@shared/roles'

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

/**
 * The person a call concerns, for a permission a relation grants: that person (the relation must
 * hold to them), or 'scoped' — the caller narrows what it returns to the people the relation covers
 * (`scopeOf`) or checks the person it looks up itself (`requireFor`). Without one, only a role grants.
 */
export type Subject = { personId: number; relationsTo: RelationsTo } | 'scoped'

/** Whether the actor holds any administrator role (三员分立, DESIGN.md §4). */
export function isAdministrator(actor: Actor): boolean {
  return actor.roles.some((r) => isAdminRole(r))
}

/**
 * The roles that count for the actor. An administrator's content roles never count: the role
 * rules keep the two apart, and this holds even if a damaged or hand-edited database pairs them.
 */
export function effectiveRoles(actor: Actor): readonly Role[] {
  return isAdministrator(actor) ? actor.roles.filter((r) => isAdminRole(r)) : actor.roles
}

/**
 * Whether reporting lines (self, supervisor, chain) may grant the actor anything: only a
 * non-administrator linked to a person. An administrator who is still linked (a link made before
 * the role, or a database edited outside the app) reaches no one's records through it.
 */
export function mayUseRelations(actor: Actor): actor is Actor & { personId: number } {
  return actor.personId !== null && !isAdministrator(actor)
}

function roleAllows(rule: PermissionRule, actor: Actor): boolean {
  if (rule.allow === 'public') return true
  if (rule.allow === 'signedIn') return true
  const allowed = rule.allow as readonly Role[]
  return effectiveRoles(actor).some((r) => allowed.includes(r))
}

/**
 * The one access check (DESIGN.md §3 step 4). A role in the matrix grants the permission
 * outright. A relation grants it for one person: with `subject` (the person the call concerns)
 * the relation must hold to them; with 'scoped' (a list, or a handler that checks the person it
 * finds) the call may proceed and is narrowed to the people the relation covers (`scopeOf` in
 * relations.ts). Without a subject a relation grants nothing: a method that forgot to say whom it
 * concerns is refused, never widened. Administrators get only what their administrator role
 * grants: no content role and no relation counts for them.
 */
export function authorize(actor: Actor | null, permission: Permission, subject?: Subject): boolean {
  const rule: PermissionRule = PERMISSIONS[permission]
  if (rule.allow === 'public') return true
  if (!actor) return false
  if (roleAllows(rule, actor)) return true
  if (!rule.relations?.length || !mayUseRelations(actor)) return false
  if (subject === undefined) return false
  if (subject === 'scoped') return true
  const held = subject.relationsTo(subject.personId)
  return rule.relations.some((r) => held.has(r))
}

/** Whether a role (not a relation) grants the permission: such actors see everyone. */
export function grantedByRole(actor: Actor, permission: Permission): boolean {
  return roleAllows(PERMISSIONS[permission], actor)
}
