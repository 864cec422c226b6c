import { useCallback, useEffect, useState } from 'react'
import type { Role } from '@shared/roles'

/** Pages of the app shell and the roles that may open them (main checks again on every call). */
export const PAGES = [
  { key: 'home', roles: 'all' },
  { key: 'users', roles: ['sysadmin'] },
  { key: 'roles', roles: ['secadmin'] },
  { key: 'audit', roles: ['auditor'] },
  { key: 'backup', roles: ['sysadmin'] },
] as const satisfies readonly { key: string; roles: 'all' | readonly Role[] }[]

export type PageKey = (typeof PAGES)[number]['key']

export function allowedPages(roles: readonly Role[]): PageKey[] {
  return PAGES.filter((p) => p.roles === 'all' || p.roles.some((r) => roles.includes(r))).map((p) => p.key)
}

/** '#/users', '/users', 'users?x=1' → 'users'. */
export function normalizeRoute(route: string): string {
  return route.replace(/^#/, '').replace(/^\/+/, '').split(/[?#]/)[0]?.split('/')[0] ?? ''
}

/** Hash routing (#/users): enough for a handful of pages, and the back button works. */
export function useHashRoute(): [string, (route: string) => void] {
  const read = () => normalizeRoute(window.location.hash) || 'home'
  const [route, setRoute] = useState(read)
  useEffect(() => {
    const onChange = () => setRoute(read())
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  const navigate = useCallback((to: string) => {
    const key = normalizeRoute(to) || 'home'
    if (window.location.hash !== `#/${key}`) window.location.hash = `#/${key}`
    setRoute(key)
  }, [])
  return [route, navigate]
}
