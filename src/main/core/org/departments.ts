import { KaoheError } from '@shared/errors'
import { GONE_STATUSES } from '@shared/org'
import type { Department } from '@shared/api/types'
import type { Store } from '../../db/store'

/** Departments (科室). */
export function listDepartments(store: Store): Department[] {
  return store
    .all(
      store.qb
        .selectFrom('departments as d')
        .leftJoin('people as p', (j) => j.onRef('p.department_id', '=', 'd.id').on('p.status', 'not in', [...GONE_STATUSES]))
        .select(['d.id', 'd.name', 'd.code', 'd.sort_order'])
        .select((eb) => eb.fn.count<number>('p.id').as('headcount'))
        .groupBy('d.id')
        .orderBy('d.sort_order')
        .orderBy('d.code'),
    )
    .map((d) => ({ id: d.id, name: d.name, code: d.code, sortOrder: d.sort_order, headcount: d.headcount }))
}

export function saveDepartment(store: Store, d: { id?: number; name: string; code: string; sortOrder: number }): Department {
  const clash = store.first(
    store.qb
      .selectFrom('departments')
      .select(['id', 'name', 'code'])
      .where((eb) => eb.or([eb('name', '=', d.name), eb('code', '=', d.code)])),
  )
  if (clash && clash.id !== d.id) throw new KaoheError('ORG_DEPARTMENT_TAKEN', { value: clash.name === d.name ? d.name : d.code })
  let id = d.id
  if (id) {
    const { changes } = store.run(
      store.qb.updateTable('departments').set({ name: d.name, code: d.code, sort_order: d.sortOrder }).where('id', '=', id),
    )
    if (!changes) throw new KaoheError('NOT_FOUND', { what: '科室 department', id })
  } else {
    id = store.run(store.qb.insertInto('departments').values({ name: d.name, code: d.code, sort_order: d.sortOrder })).lastInsertRowid
  }
  return listDepartments(store).find((x) => x.id === id)!
}

/** A department by name, created (with the next free numeric code) when a roster names a new one. */
export function departmentByName(store: Store, name: string, create: boolean): number | null {
  const found = store.first(store.qb.selectFrom('departments').select('id').where('name', '=', name))
  if (found || !create) return found?.id ?? null
  const codes = store.all(store.qb.selectFrom('departments').select(['code', 'sort_order']))
  const numeric = codes.map((c) => Number(c.code)).filter((n) => Number.isInteger(n))
  const next = String((numeric.length ? Math.max(...numeric) : 0) + 1).padStart(2, '0')
  const order = Math.max(0, ...codes.map((c) => c.sort_order)) + 1
  return store.run(store.qb.insertInto('departments').values({ name, code: next, sort_order: order })).lastInsertRowid
}
