import { useEffect, useMemo, useState } from 'react'
import type { PersonSummary, SessionInfo } from '@shared/api/types'
import { GONE_STATUSES } from '@shared/org'
import { useApi } from '../../api'
import { can } from '../../routes'

export interface UnitPeople {
  /** Everyone the list returned (empty without org.read). */
  all: PersonSummary[]
  /** The signed-in account's person (matched by user name), if any. */
  me: PersonSummary | null
  /** My direct reports now in post: the people I may write ledger entries and talks for. */
  reports: PersonSummary[]
  /** The people whose ledgers I may read, for the person filter. */
  readable: PersonSummary[]
  loaded: boolean
}

const WIDE_READERS = ['hr', 'leader', 'leaderHead'] as const

/**
 * The people around the signed-in account. Writing a ledger entry or a talk is granted by the
 * reporting line, not a role, and the session carries no person id: the account's person is found
 * in the people list by its linked user name, and direct reports by their supervisor.
 */
export function useUnitPeople(session: SessionInfo): UnitPeople {
  const { run } = useApi()
  const [all, setAll] = useState<PersonSummary[]>([])
  const [loaded, setLoaded] = useState(false)
  const mayList = can(session.roles, 'org.read')

  useEffect(() => {
    if (!mayList) {
      setLoaded(true)
      return
    }
    let live = true
    void run('org.people.list', { includeGone: true }).then((r) => {
      if (!live) return
      if (r.ok) setAll(r.value)
      setLoaded(true)
    })
    return () => {
      live = false
    }
  }, [mayList, run])

  return useMemo(() => {
    const me = all.find((p) => p.username === session.username) ?? null
    const inPost = (p: PersonSummary) => !(GONE_STATUSES as readonly string[]).includes(p.status)
    const reports = me ? all.filter((p) => p.supervisorId === me.id && inPost(p)) : []
    let readable: PersonSummary[]
    if (WIDE_READERS.some((r) => session.roles.includes(r))) {
      readable = all
    } else if (me) {
      // Myself and everyone down my reporting line.
      const ids = new Set([me.id])
      for (let grew = true; grew; ) {
        grew = false
        for (const p of all) {
          if (p.supervisorId !== null && ids.has(p.supervisorId) && !ids.has(p.id)) {
            ids.add(p.id)
            grew = true
          }
        }
      }
      readable = all.filter((p) => ids.has(p.id))
    } else {
      readable = []
    }
    return { all, me, reports, readable, loaded }
  }, [all, loaded, session.username, session.roles])
}
