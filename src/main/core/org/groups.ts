import { KaoheError } from '@shared/errors'
import type { Role } from '@shared/roles'
import type { LeadershipInfo, PersonRef } from '@shared/api/types'
import type { IsoDate } from '@shared/org'
import type { GroupRole } from '../../db/schema'
import type { Store } from '../../db/store'
import { isGone, personRow } from './people'

/**
 * The leadership group (绩效管理领导小组: a head and members) and the discipline office (纪检室) as
 * people, with dates. Account roles are a separate matter, granted by the security administrator
 * (三员分立); this view flags members whose account lacks the matching role.
 */
const ACCOUNT_ROLE: Record<GroupRole, Role> = { head: 'leaderHead', member: 'leader', discipline: 'discipline' }

export function leadership(store: Store): LeadershipInfo {
  const rows = store.all(
    store.qb
      .selectFrom('org_groups as g')
      .innerJoin('people as p', 'p.id', 'g.person_id')
      .leftJoin('users as u', 'u.person_id', 'p.id')
      .select(['g.role', 'p.id', 'p.staff_no', 'p.name', 'u.id as user_id'])
      .where('g.valid_to', 'is', null)
      .orderBy('p.staff_no'),
  )
  const roles = new Map<number, string[]>()
  for (const r of store.all(store.qb.selectFrom('user_roles').select(['user_id', 'role']))) {
    roles.set(r.user_id, [...(roles.get(r.user_id) ?? []), r.role])
  }
  const ref = (r: (typeof rows)[number]): PersonRef => ({
    id: r.id,
    staffNo: r.staff_no,
    name: r.name,
    accountHasRole: r.user_id === null ? null : (roles.get(r.user_id) ?? []).includes(ACCOUNT_ROLE[r.role]),
  })
  const head = rows.find((r) => r.role === 'head')
  return {
    head: head ? ref(head) : null,
    members: rows.filter((r) => r.role === 'member').map(ref),
    discipline: rows.filter((r) => r.role === 'discipline').map(ref),
  }
}

export function setLeadership(
  store: Store,
  next: { headId: number | null; memberIds: number[]; disciplineIds: number[]; effectiveOn: IsoDate },
): LeadershipInfo {
  const wanted: { personId: number; role: GroupRole }[] = [
    ...(next.headId ? [{ personId: next.headId, role: 'head' as const }] : []),
    ...[...new Set(next.memberIds)].filter((id) => id !== next.headId).map((personId) => ({ personId, role: 'member' as const })),
    ...[...new Set(next.disciplineIds)].map((personId) => ({ personId, role: 'discipline' as const })),
  ]
  for (const w of wanted) {
    const p = personRow(store, w.personId)
    if (isGone(p.status)) throw new KaoheError('ORG_SUPERVISOR_GONE', { supervisor: p.name, status: p.status, name: '领导小组 leadership group' })
  }
  const current = store.all(store.qb.selectFrom('org_groups').select(['id', 'person_id', 'role', 'valid_from']).where('valid_to', 'is', null))
  for (const c of current) {
    if (wanted.some((w) => w.personId === c.person_id && w.role === c.role)) continue
    // Ended the day it started (a same-day correction) leaves no trace but the audit entry.
    if (c.valid_from >= next.effectiveOn) store.run(store.qb.deleteFrom('org_groups').where('id', '=', c.id))
    else store.run(store.qb.updateTable('org_groups').set({ valid_to: next.effectiveOn }).where('id', '=', c.id))
  }
  for (const w of wanted) {
    if (current.some((c) => c.person_id === w.personId && c.role === w.role)) continue
    store.run(store.qb.insertInto('org_groups').values({ person_id: w.personId, role: w.role, valid_from: next.effectiveOn, valid_to: null }))
  }
  return leadership(store)
}
