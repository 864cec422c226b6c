import { KaoheError } from '@shared/errors'
import { localDate } from '@shared/dates'
import type { KioskOfficial } from '@shared/kiosk'
import type { Session } from '../../core/auth/session'
import { policyInForce } from '../../core/policy/inForce'
import { admitRating, countRating, kioskTally, surveySummary } from '../../core/survey/kiosk'
import type { Handlers } from '../router'

/**
 * 现场评价 (kiosk survey, issue 4): HR turns the front-desk workstation into a locked screen where a
 * service recipient picks the official they dealt with and rates them. The router refuses every
 * other method while the session is in kiosk mode (KIOSK_MODE); only the password of the account
 * that started it ends it. A response keeps the day only, never the time or who rated, and the
 * audit entry of a rating holds neither the rating nor the official.
 */

/** Officials a recipient can have dealt with: in post (not on long leave, not gone). */
const IN_POST = ['active', 'probation']

function kioskOf(session: Session): NonNullable<Session['kiosk']> {
  if (!session.kiosk) throw new KaoheError('KIOSK_NOT_ACTIVE')
  return session.kiosk
}

function officials(session: Session, departmentId: number | null): KioskOfficial[] {
  const { store } = session
  let q = store.qb
    .selectFrom('people')
    .select(['id', 'name', 'post', 'department_id'])
    .where('status', 'in', IN_POST)
    .orderBy('department_id')
    .orderBy('name')
  if (departmentId !== null) q = q.where('department_id', '=', departmentId)
  return store.all(q).map((p) => ({ personId: p.id, name: p.name, post: p.post, departmentId: p.department_id }))
}

export const kioskHandlers: Pick<Handlers, 'kiosk.start' | 'kiosk.officials' | 'kiosk.rate' | 'kiosk.exit' | 'survey.summary'> = {
  'kiosk.start': ({ session, now, note }, { departmentId }) => {
    const { store } = session
    if (departmentId !== undefined && !store.first(store.qb.selectFrom('departments').select('id').where('id', '=', departmentId))) {
      throw new KaoheError('NOT_FOUND', { what: '科室 department', id: departmentId })
    }
    const startedAt = now.toISOString()
    session.kiosk = { userId: session.user.id, startedAt, departmentId: departmentId ?? null }
    note(departmentId !== undefined ? `department:${departmentId}` : null)
    return { departmentId: departmentId ?? null, startedAt }
  },

  'kiosk.officials': ({ session }) => {
    const { departmentId } = kioskOf(session)
    const list = officials(session, departmentId)
    const used = new Set(list.map((o) => o.departmentId))
    const departments = session.store
      .all(session.store.qb.selectFrom('departments').select(['id', 'name']).orderBy('sort_order').orderBy('name'))
      .filter((d) => used.has(d.id))
    return { departmentId, departments, officials: list }
  },

  'kiosk.rate': ({ session, now }, { personId, level, channel }) => {
    const kiosk = kioskOf(session)
    const person = session.store.first(
      session.store.qb.selectFrom('people').select(['name', 'status', 'department_id']).where('id', '=', personId),
    )
    if (!person || !IN_POST.includes(person.status) || (kiosk.departmentId !== null && person.department_id !== kiosk.departmentId)) {
      throw new KaoheError('NOT_FOUND', { what: '人员 person', id: personId })
    }
    // The day only: a time would let anyone at the hall tell whose rating it was.
    const day = localDate(now)
    const tally = kioskTally(kiosk)
    const { burst } = admitRating(tally, { personId, name: person.name }, now, policyInForce(session.store, Number(day.slice(0, 4))).policy.kiosk)
    session.store.run(
      session.store.qb
        .insertInto('survey_responses')
        .values({ person_id: personId, day, level, channel, response_key: null, source: 'kiosk', source_file: null, recorded_at: day, burst: burst ? 1 : 0 }),
    )
    countRating(tally, personId, now, burst)
    // No note: the audit entry says a rating was given, not whom or how (nor whether it was a burst).
    return null
  },

  'kiosk.exit': ({ session, now, note }, { password }) => {
    const kiosk = kioskOf(session)
    const username =
      kiosk.userId === session.user.id
        ? session.user.username
        : (session.store.first(session.store.qb.selectFrom('users').select('username').where('id', '=', kiosk.userId))?.username ?? '')
    const result = session.keyFile.unlockUser(username, password, now)
    if (!result.ok) {
      session.keyFile.save()
      if (result.failure.code === 'ACCOUNT_LOCKED') throw new KaoheError('ACCOUNT_LOCKED', { until: result.failure.until ?? '' })
      throw new KaoheError('AUTH_FAILED', { remaining: result.failure.remaining ?? 0 })
    }
    session.kiosk = null
    // Counts only: how many ratings the session took, how many were bursts and how many were refused.
    const { ratings, bursts, refused } = kioskTally(kiosk)
    note(`user:${kiosk.userId}`, { startedAt: kiosk.startedAt, ratings, bursts, refused })
    return session.info()
  },

  'survey.summary': ({ session }, { year }) => surveySummary(session.store, year),
}
