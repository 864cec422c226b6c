import type { HomeTask } from '@shared/api/types'
import { GONE_STATUSES } from '@shared/org'
import { localDate } from '@shared/dates'
import { awaitingHandover } from '../../core/access/tierKeys'
import { leadership } from '../../core/org/groups'
import { talkTasks } from '../../core/talks'
import { openFollowupCount, ratingsDue, unratedAssignments } from '../../core/quarterly'
import { commitmentsAwaitingReview, pendingRevisions } from '../../core/commitments'
import type { Handlers } from '../router'

/**
 * Each role's pending tasks, from real queries. Later capabilities (goals, ledger, quarterly …)
 * add their own kinds here; a role with nothing pending gets an empty list.
 */
export const homeHandlers: Pick<Handlers, 'home.tasks'> = {
  'home.tasks': ({ session, now }) => {
    const { store, keyFile } = session
    const roles = new Set(session.roles)
    const tasks: HomeTask[] = []
    const push = (kind: string, count: number, route: string) => {
      if (count > 0) tasks.push({ kind, count, route })
    }
    if (roles.has('sysadmin')) {
      const users = store.all(store.qb.selectFrom('users').select(['username', 'must_change_password', 'disabled']))
      push('users.lockedOut', users.filter((u) => keyFile.lockedUntil(u.username, now)).length, 'users')
      push('users.firstSignInPending', users.filter((u) => u.must_change_password && !u.disabled).length, 'users')
    }
    if (roles.has('secadmin')) {
      const withoutRole = store.first(
        store.qb
          .selectFrom('users')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('disabled', '=', 0)
          .where(({ not, exists, selectFrom }) =>
            not(exists(selectFrom('user_roles').select('user_roles.user_id').whereRef('user_roles.user_id', '=', 'users.id'))),
          ),
      )
      push('roles.usersWithoutRole', withoutRole?.n ?? 0, 'roles')
      push('roles.t3HandoverPending', awaitingHandover(store).length, 'roles')
    }
    if (roles.has('auditor')) {
      const since = new Date(now.getTime() - 7 * 86_400_000).toISOString()
      const denied = store.first(
        store.qb
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('outcome', '!=', 'ok')
          .where('at', '>=', since),
      )
      push('audit.refusedLastWeek', denied?.n ?? 0, 'audit')
    }
    if (roles.has('discipline') && !session.t3Key) push('discipline.awaitingT3Key', 1, 'home')
    const year = now.getFullYear()
    if (roles.has('hr')) {
      const published = store.first(store.qb.selectFrom('guidelines').select('id').where('year', '=', year).limit(1))
      const draft = store.first(store.qb.selectFrom('guideline_drafts').select('year').where('year', '=', year))
      push('guideline.notPublished', !published && !draft ? 1 : 0, 'guideline')
      const unlinked = store.first(
        store.qb
          .selectFrom('people')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', 'not in', [...GONE_STATUSES])
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom('users').select('users.id').whereRef('users.person_id', '=', 'people.id')))),
      )
      push('org.peopleWithoutAccount', unlinked?.n ?? 0, 'org')
    }
    if (roles.has('leaderHead')) {
      push('policy.awaitingApproval', store.all(store.qb.selectFrom('policies').select('id').where('status', '=', 'pending')).length, 'policy')
      push('guideline.draftAwaitingPublication', store.all(store.qb.selectFrom('guideline_drafts').select('year')).length, 'guideline')
    }
    // 每月沟通: whoever has direct reports (the relation, not a role, grants talks.write).
    const personId = session.actor.personId
    if (personId !== null) {
      const talks = talkTasks(store, personId, localDate(now))
      push('talks.dueThisMonth', talks.dueThisMonth, 'talks')
      push('talks.overdue', talks.overdue, 'talks')
      // 季度评估: ratings due for direct reports (the relation grants quarterly.rate); peer reviews to do.
      push('quarterly.ratingsDue', ratingsDue(store, personId, localDate(now)), 'quarterly')
      push('quarterly.peerRatingsDue', unratedAssignments(store, personId), 'quarterly')
    }
    // 承诺书: letters waiting for their direct supervisor; revision requests waiting for the leadership group.
    if (personId !== null) push('commitments.awaitingReview', commitmentsAwaitingReview(store, personId), 'commitments')
    if (roles.has('leader') || roles.has('leaderHead')) push('commitments.revisionsPending', pendingRevisions(store, personId), 'commitments')
    if (roles.has('leader') || roles.has('leaderHead')) push('quarterly.followupsOpen', openFollowupCount(store), 'quarterly')
    if (roles.has('secadmin')) {
      const info = leadership(store)
      const missing = [info.head, ...info.members, ...info.discipline].filter((p) => p && p.accountHasRole === false).length
      push('roles.groupMemberWithoutRole', missing, 'roles')
    }
    return tasks
  },
}
