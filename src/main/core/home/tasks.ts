import type { HomeTask } from '@shared/api/types'
import { GONE_STATUSES } from '@shared/org'
import { localDate } from '@shared/dates'
import type { Role } from '@shared/roles'
import type { Store } from '../../db/store'
import { effectiveRoles, mayUseRelations, type Actor } from '../access/authorize'
import { awaitingHandover } from '../access/tierKeys'
import { leadership } from '../org/groups'
import { monthOf, previousMonth, talkTasks } from '../talks'
import { openFollowupCount, quarterPhase, ratingsDue, unratedAssignments } from '../quarterly'
import type { Quarter } from '@shared/quarterly'
import { addDays } from '../calendar/dates'
import { commitmentsAwaitingReview, pendingRevisions } from '../commitments'
import { followupTasks } from '../outcomes'
import { formsToSign } from '../feedback'
import { appealCounts } from '../appeals'
import { registerTasks } from '../register'

/** How far back the audit administrator's "refused sign-ins and operations" card looks. */
export const REFUSED_WINDOW_DAYS = 7

/** What the home page's task list needs to know about the signed-in account. */
export interface HomeTaskContext {
  store: Store
  actor: Actor
  /** Whether the session holds the T3 (discipline) key. */
  hasT3Key: boolean
  /** The key file's lockout counters, for the system administrator's "locked accounts" card. */
  lockedUntil: (username: string, now: Date) => string | null
  now: Date
}

/**
 * Each role's pending tasks (首页待办), from real queries; a role with nothing pending gets an empty
 * list. Roles count as `authorize` counts them (an administrator's content roles never do), and
 * tasks that come from a reporting line (talks, ratings, peer reviews, letters to review) only for
 * an account that may use relations: never for an administrator, even one still linked to a person.
 */
export function homeTasks(ctx: HomeTaskContext): HomeTask[] {
  const { store, actor, now } = ctx
  const roles = new Set<Role>(effectiveRoles(actor))
  const today = localDate(now)
  const year = now.getFullYear()
  const tasks: HomeTask[] = []
  // `route` may carry a query (talks?month=2026-11): the card opens the place it counts.
  const push = (kind: string, count: number, route: string, dueOn?: string) => {
    if (count > 0) tasks.push(dueOn ? { kind, count, route, dueOn } : { kind, count, route })
  }

  if (roles.has('sysadmin')) {
    const users = store.all(store.qb.selectFrom('users').select(['username', 'must_change_password', 'disabled']))
    push('users.lockedOut', users.filter((u) => ctx.lockedUntil(u.username, now)).length, 'users')
    push('users.firstSignInPending', users.filter((u) => u.must_change_password && !u.disabled).length, 'users')
  }
  if (roles.has('secadmin')) {
    push('roles.usersWithoutRole', usersWithoutRole(store), 'roles')
    push('roles.t3HandoverPending', awaitingHandover(store).length, 'roles')
  }
  if (roles.has('auditor')) push('audit.refusedLastWeek', refusedSince(store, new Date(now.getTime() - REFUSED_WINDOW_DAYS * 86_400_000)), 'audit')
  if (roles.has('discipline') && !ctx.hasT3Key) push('discipline.awaitingT3Key', 1, 'home')
  if (roles.has('hr')) {
    push('guideline.notPublished', guidelineMissing(store, year) ? 1 : 0, 'guideline')
    push('org.peopleWithoutAccount', peopleWithoutAccount(store), 'org?filter=noAccount')
  }
  if (roles.has('leaderHead')) {
    push('policy.awaitingApproval', store.all(store.qb.selectFrom('policies').select('id').where('status', '=', 'pending')).length, 'policy')
    push('guideline.draftAwaitingPublication', store.all(store.qb.selectFrom('guideline_drafts').select('year')).length, 'guideline')
  }
  // Relation-based tasks: whoever has direct reports or peer assignments (the relation, not a role,
  // grants talks.write and quarterly.rate), and only a non-administrator.
  const personId = mayUseRelations(actor) ? actor.personId : null
  if (personId !== null) {
    const talks = talkTasks(store, personId, today)
    push('talks.dueThisMonth', talks.dueThisMonth, 'talks')
    // Overdue talks are last month's: open that month, where they are listed.
    push('talks.overdue', talks.overdue, `talks?month=${previousMonth(monthOf(today))}`)
    push('quarterly.ratingsDue', ratingsDue(store, personId, today), 'quarterly?tab=status')
    push('quarterly.peerRatingsDue', unratedAssignments(store, personId), 'quarterly?tab=peer')
    // The person's own: the 小结 of the quarter about to end or just ended, and letter tasks falling due.
    const summary = summaryDue(store, personId, today)
    if (summary) push('quarterly.summaryDue', 1, `quarterly?tab=summary&year=${summary.year}&quarter=${summary.quarter}`, summary.dueOn)
    const due = commitmentTasksDue(store, personId, year, today)
    push('commitments.tasksDue', due.count, 'commitments', due.firstDeadline ?? undefined)
    // 承诺书: letters waiting for their direct supervisor.
    push('commitments.awaitingReview', commitmentsAwaitingReview(store, personId), 'commitments')
  }
  if (roles.has('leader') || roles.has('leaderHead')) {
    // Revision requests waiting for the leadership group; open follow-ups of failing quarters.
    push('commitments.revisionsPending', pendingRevisions(store, personId), 'commitments')
    push('quarterly.followupsOpen', openFollowupCount(store), 'quarterly?tab=followups')
  }
  if (roles.has('secadmin')) push('roles.groupMemberWithoutRole', groupMembersWithoutRole(store), 'roles')
  // 年度总评 of last year, held in January–March (RULES.md §1): where the round stands for each role.
  const round = annualRoundTasks(store, year - 1, today)
  if (round) {
    if (roles.has('hr')) push('annual.toPropose', round.stage === 'open' ? 1 : 0, 'annual')
    if (roles.has('hr')) push('annual.toPublish', round.stage === 'confirmed' ? 1 : 0, 'annual')
    if (roles.has('leader') || roles.has('leaderHead')) push('annual.tieToDecide', round.stage === 'proposed' ? round.ties : 0, 'annual')
    if (roles.has('leaderHead')) push('annual.toConfirm', round.stage === 'proposed' && round.ties === 0 ? 1 : 0, 'annual')
    if (round.stage === 'publicity' && round.until) push('annual.inPublicity', 1, 'annual-results', round.until)
  }
  // 结果应用: open follow-ups the person owns (HR: also HR's), with the first due date.
  if (personId !== null || roles.has('hr')) {
    const owned = followupTasks(store, { personId, isHr: roles.has('hr') })
    push('outcomes.followupsOpen', owned.count, 'outcomes?tab=followups', owned.firstDue ?? undefined)
  }
  // 《公务员年度考核登记表》 (issue 10, 1b): the person's own summary, and reports waiting for the supervisor's comment.
  if (personId !== null && mayUseRelations(actor)) {
    const reg = registerTasks(store, personId, today)
    if (reg) {
      push('register.summaryToWrite', reg.ownSummary, 'register')
      push('register.toComment', reg.toComment, 'register')
    }
  }
  // 绩效反馈表 waiting for this account's signature (issue 10): as interviewer, or as the person.
  if (personId !== null) {
    const toSign = formsToSign(store, personId)
    push('feedback.toSignAsInterviewer', toSign.asInterviewer, 'feedback')
    push('feedback.toSign', toSign.asPerson, 'feedback')
  }
  // 申诉 awaiting the leadership group's answer, and those past their answer date (HR and the group).
  if (roles.has('hr') || roles.has('leader') || roles.has('leaderHead')) {
    const appeals = appealCounts(store, today)
    push('appeals.pending', appeals.pending, 'appeals', appeals.firstDue ?? undefined)
    push('appeals.overdue', appeals.overdue, 'appeals')
  }
  return tasks
}

/**
 * Last year's annual round from the first day of January to the end of March (the plan's 年度总评 and
 * 反馈 months) or while its results are in publicity: its stage and the ties left to decide. Read
 * from the stored round only — the home page never runs the computation.
 */
function annualRoundTasks(store: Store, year: number, today: string): { stage: 'open' | 'proposed' | 'confirmed' | 'publicity'; ties: number; until: string | null } | null {
  const row = store.first(store.qb.selectFrom('annual_rounds').select(['stage', 'publicity_until']).where('year', '=', year))
  if (row?.stage === 'publicity') return row.publicity_until !== null && today <= row.publicity_until ? { stage: 'publicity', ties: 0, until: row.publicity_until } : null
  if (today > `${year + 1}-03-31`) return null
  if (!row) {
    // A year the unit assessed in Kaohe: its guideline was published or its democratic round opened.
    const assessed =
      store.first(store.qb.selectFrom('guidelines').select('id').where('year', '=', year).limit(1)) ??
      store.first(store.qb.selectFrom('democratic_rounds').select('year').where('year', '=', year))
    return assessed ? { stage: 'open', ties: 0, until: null } : null
  }
  const ties = store.all(store.qb.selectFrom('annual_grades').select('person_id').where('year', '=', year).where('grade', '=', 'TIE')).length
  return { stage: row.stage, ties, until: null }
}

/** Enabled accounts with no role at all. */
function usersWithoutRole(store: Store): number {
  const row = store.first(
    store.qb
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('disabled', '=', 0)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('user_roles').select('user_roles.user_id').whereRef('user_roles.user_id', '=', 'users.id')))),
  )
  return row?.n ?? 0
}

/** Refused or failed operations in the audit chain since `since`. */
function refusedSince(store: Store, since: Date): number {
  const row = store.first(
    store.qb
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('outcome', '!=', 'ok')
      .where('at', '>=', since.toISOString()),
  )
  return row?.n ?? 0
}

/** Neither a published guideline nor a draft for the year. */
function guidelineMissing(store: Store, year: number): boolean {
  const published = store.first(store.qb.selectFrom('guidelines').select('id').where('year', '=', year).limit(1))
  const draft = store.first(store.qb.selectFrom('guideline_drafts').select('year').where('year', '=', year))
  return !published && !draft
}

/** People still in the unit whom no account is linked to. */
function peopleWithoutAccount(store: Store): number {
  const row = store.first(
    store.qb
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'not in', [...GONE_STATUSES])
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('users').select('users.id').whereRef('users.person_id', '=', 'people.id')))),
  )
  return row?.n ?? 0
}

/** Leadership-group members whose account lacks the group's role. */
function groupMembersWithoutRole(store: Store): number {
  const info = leadership(store)
  return [info.head, ...info.members, ...info.discipline].filter((p) => p && p.accountHasRole === false).length
}

/** How long before a deadline a letter task or the quarter's end shows on the home page. */
const DUE_SOON_DAYS = 31

/**
 * The quarter whose 小结 the person still owes: the one just ended while its 小结 is due or being
 * rated, else the current one in its last month. Null when submitted or not yet near.
 */
function summaryDue(store: Store, personId: number, today: string): { year: number; quarter: Quarter; dueOn: string } | null {
  const year = Number(today.slice(0, 4))
  const current = (Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1) as Quarter
  const previous = current === 1 ? { year: year - 1, quarter: 4 as Quarter } : { year, quarter: (current - 1) as Quarter }
  for (const q of [previous, { year, quarter: current }]) {
    const phase = quarterPhase(store, q.year, q.quarter, today)
    const owing = phase.phase === 'summaryDue' || phase.phase === 'rating' || (phase.phase === 'open' && addDays(today, DUE_SOON_DAYS) > phase.to)
    if (!owing) continue
    const submitted = store.first(
      store.qb.selectFrom('quarterly_summaries').select('id').where('person_id', '=', personId).where('year', '=', q.year).where('quarter', '=', q.quarter),
    )
    if (!submitted) return { ...q, dueOn: phase.summaryDueOn }
  }
  return null
}

/** Open tasks of the person's letter in force for the year whose deadline is past or near. */
function commitmentTasksDue(store: Store, personId: number, year: number, today: string): { count: number; firstDeadline: string | null } {
  const rows = store.all(
    store.qb
      .selectFrom('commitment_tasks')
      .innerJoin('commitment_letters', 'commitment_letters.id', 'commitment_tasks.letter_id')
      .select('commitment_tasks.deadline')
      .where('commitment_letters.person_id', '=', personId)
      .where('commitment_letters.year', '=', year)
      .where('commitment_letters.state', 'in', ['approved', 'publicity', 'inForce'])
      .where('commitment_tasks.completed_on', 'is', null)
      .where('commitment_tasks.withdrawn', '=', 0)
      .where('commitment_tasks.deadline', '<=', addDays(today, DUE_SOON_DAYS))
      .orderBy('commitment_tasks.deadline'),
  )
  return { count: rows.length, firstDeadline: rows[0]?.deadline ?? null }
}
