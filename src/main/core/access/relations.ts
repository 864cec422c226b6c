import { PERMISSIONS, type Permission, type PermissionRule, type Relation } from '@shared/access/permissions'
import type { ReadableDB } from '../../db/store'
import { grantedByRole, mayUseRelations, type Actor, type RelationsTo } from './authorize'

/**
 * Relations along the reporting lines (汇报关系), for the access check and for narrowing lists:
 * the same rules decide whether one call is allowed and which rows a list returns.
 */
export function relationsTo(store: ReadableDB, actorPersonId: number | null): RelationsTo {
  return (personId) => {
    const held = new Set<Relation>()
    if (actorPersonId === null) return held
    if (personId === actorPersonId) held.add('self')
    let cursor = supervisorOf(store, personId)
    if (cursor === actorPersonId) held.add('supervisor')
    // Reporting lines are checked acyclic on every change; the bound only guards a damaged file.
    for (let depth = 0; cursor !== null && depth < 64; depth++) {
      if (cursor === actorPersonId) {
        held.add('supervisorChain')
        break
      }
      cursor = supervisorOf(store, cursor)
    }
    return held
  }
}

function supervisorOf(store: ReadableDB, personId: number): number | null {
  return store.first(store.qb.selectFrom('people').select('supervisor_id').where('id', '=', personId))?.supervisor_id ?? null
}

/**
 * The people whose records a list may show the actor under this permission: everyone when a role
 * grants it, otherwise those the actor stands in one of the permission's relations to.
 */
export function scopeOf(store: ReadableDB, actor: Actor, permission: Permission): 'all' | number[] {
  if (grantedByRole(actor, permission)) return 'all'
  const rule: PermissionRule = PERMISSIONS[permission]
  const relations = rule.relations ?? []
  if (!mayUseRelations(actor) || !relations.length) return []
  const people = new Set<number>()
  if (relations.includes('self')) people.add(actor.personId)
  if (relations.includes('supervisor') || relations.includes('supervisorChain')) {
    const all = store.all(store.qb.selectFrom('people').select(['id', 'supervisor_id']))
    const reports = new Map<number, number[]>()
    for (const p of all) if (p.supervisor_id !== null) reports.set(p.supervisor_id, [...(reports.get(p.supervisor_id) ?? []), p.id])
    const direct = reports.get(actor.personId) ?? []
    if (relations.includes('supervisor')) direct.forEach((id) => people.add(id))
    if (relations.includes('supervisorChain')) {
      const seen = new Set<number>([actor.personId])
      const queue = [...direct]
      while (queue.length) {
        const id = queue.shift()!
        if (seen.has(id)) continue
        seen.add(id)
        people.add(id)
        queue.push(...(reports.get(id) ?? []))
      }
    }
  }
  return [...people]
}
