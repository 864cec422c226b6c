import { KaoheError } from '@shared/errors'
import type { Session } from '../../core/auth/session'
import { unlockFailure } from '../../core/auth/unlockFailure'
import { checkKioskDepartment, kioskOfficials, kioskTally, recordKioskRating, surveySummary } from '../../core/survey/kiosk'
import type { HandlersFor } from '../router'

/**
 * 现场评价 (kiosk survey, issue 4): HR turns the front-desk workstation into a locked screen where a
 * service recipient picks the official they dealt with and rates them. The router refuses every
 * other method while the session is in kiosk mode (KIOSK_MODE); only the password of the account
 * that started it ends it. A response keeps the day only, never the time or who rated, and the
 * audit entry of a rating holds neither the rating nor the official. The rules live in
 * core/survey/kiosk.ts; the kiosk's state is the session's.
 */

function kioskOf(session: Session): NonNullable<Session['kiosk']> {
  if (!session.kiosk) throw new KaoheError('KIOSK_NOT_ACTIVE')
  // The ballot kiosk (民主测评) is a kiosk too, but not this one: its voters cannot rate officials.
  if (session.kiosk.ballotYear !== undefined) throw new KaoheError('KIOSK_MODE')
  return session.kiosk
}

export const kioskHandlers: HandlersFor<'kiosk'> = {
  'kiosk.start': ({ session, now, note }, { departmentId }) => {
    if (departmentId !== undefined) checkKioskDepartment(session.store, departmentId)
    const startedAt = now.toISOString()
    session.kiosk = { userId: session.user.id, startedAt, departmentId: departmentId ?? null }
    note(departmentId !== undefined ? `department:${departmentId}` : null)
    return { departmentId: departmentId ?? null, startedAt }
  },

  'kiosk.officials': ({ session }) => kioskOfficials(session.store, kioskOf(session)),

  'kiosk.rate': ({ session, now }, rating) => {
    recordKioskRating(session.store, kioskOf(session), rating, now)
    // No note: the audit entry says a rating was given, not whom or how (nor whether it was a burst).
    return null
  },

  'kiosk.exit': ({ session, now, note }, { password }) => {
    // Ends either kiosk, the survey's or the ballot's, with the password of the account that started it.
    const kiosk = session.kiosk
    if (!kiosk) throw new KaoheError('KIOSK_NOT_ACTIVE')
    const username =
      kiosk.userId === session.user.id
        ? session.user.username
        : (session.store.first(session.store.qb.selectFrom('users').select('username').where('id', '=', kiosk.userId))?.username ?? '')
    const result = session.keyFile.unlockUser(username, password, now)
    if (!result.ok) {
      session.keyFile.save()
      throw unlockFailure(result.failure)
    }
    session.kiosk = null
    // Counts only: how many ratings the session took, how many were bursts and how many were refused.
    const { ratings, bursts, refused } = kioskTally(kiosk)
    note(`user:${kiosk.userId}`, { startedAt: kiosk.startedAt, ratings, bursts, refused })
    return session.info()
  },

  'survey.summary': ({ session }, { year }) => surveySummary(session.store, year),
}
