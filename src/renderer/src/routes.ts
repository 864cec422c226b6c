import { useCallback, useEffect, useState } from 'react'
import { PERMISSIONS, type Permission, type PermissionRule } from '@shared/access/permissions'
import { CONTENT_ROLES, type Role } from '@shared/roles'
import type { OfficeKind } from '@shared/bundles'

/**
 * The roles that may hold a permission of the access matrix ('all' for any signed-in user). A
 * permission a relation grants (self, supervisor) may be held by anyone with a person of their own,
 * so every content role: main narrows each list to the people the relation covers.
 */
function rolesOf(permission: Permission): 'all' | readonly Role[] {
  const rule: PermissionRule = PERMISSIONS[permission]
  if (rule.allow === 'public' || rule.allow === 'signedIn') return 'all'
  return rule.relations?.length ? CONTENT_ROLES : rule.allow
}

/** Whether these roles hold the permission (the renderer's hint; main checks again on every call). */
export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed = rolesOf(permission)
  return allowed === 'all' || allowed.some((r) => roles.includes(r))
}

/** Pages of the app shell and the roles that may open them (main checks again on every call). */
export const PAGES = [
  { key: 'home', roles: 'all' },
  { key: 'guideline', roles: rolesOf('guideline.read') },
  { key: 'commitments', roles: rolesOf('commitments.read') },
  { key: 'ledger', roles: rolesOf('ledger.read') },
  { key: 'quarterly', roles: rolesOf('quarterly.read') },
  { key: 'leadership', roles: rolesOf('leadership.progress') },
  { key: 'integrity', roles: rolesOf('integrity.outcomes') },
  { key: 'report-lead', roles: CONTENT_ROLES },
  { key: 'talks', roles: rolesOf('talks.read') },
  { key: 'org', roles: rolesOf('org.read') },
  { key: 'roster', roles: rolesOf('org.manage') },
  { key: 'records-import', roles: rolesOf('ledger.import') },
  { key: 'democratic', roles: rolesOf('democratic.manage') },
  { key: 'policy', roles: rolesOf('policy.read') },
  { key: 'calendar', roles: rolesOf('calendar.read') },
  { key: 'users', roles: ['sysadmin'] },
  { key: 'roles', roles: ['secadmin'] },
  { key: 'audit', roles: ['auditor'] },
  { key: 'backup', roles: ['sysadmin'] },
  { key: 'annual', roles: rolesOf('annual.review') },
  { key: 'annual-results', roles: CONTENT_ROLES },
  { key: 'annual-mine', roles: CONTENT_ROLES },
  { key: 'feedback', roles: rolesOf('feedback.read') },
  { key: 'analysis', roles: rolesOf('analysis.read') },
  { key: 'archive', roles: rolesOf('archive.read') },
  // 结果应用: every content role may own a follow-up; the bonus and lists tabs need outcomes.read.
  { key: 'outcomes', roles: CONTENT_ROLES },
  // 《公务员年度考核登记表》 (issue 10, 1b): each person's own form; lists narrowed by relation.
  { key: 'register', roles: rolesOf('register.read') },
  { key: 'training', roles: rolesOf('training.read') },
  // 申诉 (issue 10): the person's own appeals; HR and the leadership group see all.
  { key: 'appeals', roles: rolesOf('appeals.read') },
  // Sealed packages (issue 11): keys and offices at both kinds of office; 汇总结果 only at the superior.
  { key: 'keys', roles: rolesOf('keycards.read') },
  { key: 'packages', roles: rolesOf('bundles.exchange') },
  { key: 'consolidated', roles: rolesOf('bundles.consolidated') },
] as const satisfies readonly { key: string; roles: 'all' | readonly Role[] }[]

export type PageKey = (typeof PAGES)[number]['key']

export function allowedPages(roles: readonly Role[]): PageKey[] {
  return PAGES.filter((p) => p.roles === 'all' || p.roles.some((r) => roles.includes(r))).map((p) => p.key)
}

/**
 * A superior office (上级机关) keeps no ledger, quarterly or annual work of its own: it sees only its
 * package screens and the administrators' screens. A unit has no 汇总结果.
 */
const SUPERIOR_PAGES: readonly PageKey[] = ['home', 'keys', 'packages', 'consolidated', 'users', 'roles', 'audit', 'backup']

export function allowedPagesAt(roles: readonly Role[], officeKind: OfficeKind): PageKey[] {
  const pages = allowedPages(roles)
  return officeKind === 'superior' ? pages.filter((p) => SUPERIOR_PAGES.includes(p)) : pages.filter((p) => p !== 'consolidated')
}

/** '#/users', '/users', 'users?x=1' → 'users'. */
export function normalizeRoute(route: string): string {
  return routeSegments(route)[0] ?? ''
}

/** '#/guideline/print/2026/1' → ['guideline', 'print', '2026', '1']. */
export function routeSegments(route: string): string[] {
  const path = route.replace(/^#/, '').replace(/^\/+/, '').split(/[?#]/)[0] ?? ''
  return path.split('/').filter((s) => s !== '')
}

/** The query of the current hash route ('#/talks?month=2026-11' → month=2026-11), read once by a page as it opens. */
export function routeQuery(): URLSearchParams {
  const hash = typeof window === 'undefined' ? '' : window.location.hash
  const at = hash.indexOf('?')
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1))
}

/**
 * Hash routing (#/users, #/guideline/print/2026/1): enough for a handful of pages, and the back
 * button works. Returns the page key, a navigate function and the segments after the key.
 */
export function useHashRoute(): [string, (route: string) => void, string[]] {
  const read = () => routeSegments(window.location.hash).join('/') || 'home'
  const [path, setPath] = useState(read)
  useEffect(() => {
    const onChange = () => setPath(read())
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  const navigate = useCallback((to: string) => {
    const next = routeSegments(to).join('/') || 'home'
    // A query (talks?month=2026-11) travels with the hash: the page opens at the place it names.
    const query = /\?[^#]*/.exec(to)?.[0] ?? ''
    if (window.location.hash !== `#/${next}${query}`) window.location.hash = `#/${next}${query}`
    setPath(next)
  }, [])
  const [key = 'home', ...rest] = path.split('/')
  return [key, navigate, rest]
}
