import { describe, expect, it } from 'vitest'
import { ScoringInputError, taskCompletion, type CommitmentTask } from '../../../src/main/core/metrics'
import { TASKS } from './helpers'

const task = (id: string, deadline: string, completedOn: string | null, extra: Partial<CommitmentTask> = {}): CommitmentTask => ({
  id,
  deadline,
  completedOn,
  withdrawn: false,
  ...extra,
})

describe('task completion 核心任务 (RULES.md §4: 100 × (on time + 0.5 × late) / due)', () => {
  it('uses the default 50% credit for late completion', () => {
    expect(TASKS).toEqual({ name: 'task_completion', lateCompletionCreditPercent: 50 })
  })

  it('4 due: 2 on time, 1 late, 1 unfinished → 100 × (2 + 0.5) / 4 = 62.5', () => {
    const r = taskCompletion(
      [
        task('a', '2026-03-31', '2026-03-31'), // on the deadline day is on time
        task('b', '2026-06-30', '2026-05-01'),
        task('c', '2026-09-30', '2026-10-08'),
        task('d', '2026-12-31', null),
      ],
      TASKS,
      2026,
    )
    expect(r.score).toBe(62.5)
    expect(r.exact).toBe('125/2')
    expect(r.evidence).toEqual({ due: 4, onTime: ['a', 'b'], late: ['c'], unfinished: ['d'], withdrawn: [], dueInOtherYear: [] })
  })

  it('3 due, 2 on time → 200/3, unrounded', () => {
    const r = taskCompletion([task('a', '2026-01-10', '2026-01-09'), task('b', '2026-02-10', '2026-02-10'), task('c', '2026-03-10', null)], TASKS, 2026)
    expect(r.exact).toBe('200/3')
    expect(r.score).toBe(200 / 3)
  })

  it('a revised deadline replaces the original, both for "due this year" and for "on time"', () => {
    const r = taskCompletion(
      [
        // Late against the original, on time against the revision.
        task('moved', '2026-03-31', '2026-05-20', { revisedDeadline: '2026-06-30' }),
        // Revised into next year: not due this year.
        task('postponed', '2026-11-30', null, { revisedDeadline: '2027-03-31' }),
        // Revised into this year from next.
        task('pulled', '2027-02-28', '2026-12-20', { revisedDeadline: '2026-12-15' }),
      ],
      TASKS,
      2026,
    )
    expect(r.evidence).toMatchObject({ due: 2, onTime: ['moved'], late: ['pulled'], dueInOtherYear: ['postponed'] })
    expect(r.score).toBe(75)
  })

  it('a withdrawn task is not due, whatever its deadline', () => {
    const r = taskCompletion([task('w', '2026-06-30', null, { withdrawn: true }), task('x', '2026-06-30', '2026-06-01')], TASKS, 2026)
    expect(r.evidence).toMatchObject({ due: 1, withdrawn: ['w'] })
    expect(r.score).toBe(100)
  })

  it('nothing due → N/A, flagged', () => {
    const r = taskCompletion([task('next', '2027-01-15', null), task('w', '2026-05-01', null, { withdrawn: true })], TASKS, 2026)
    expect(r.score).toBeNull()
    expect(r.flags).toEqual(['NO_TASKS_DUE'])
    expect(taskCompletion([], TASKS, 2026).score).toBeNull()
  })

  it('all unfinished → 0, not N/A', () => {
    expect(taskCompletion([task('a', '2026-05-01', null)], TASKS, 2026).score).toBe(0)
  })

  it('takes the late credit from the rule', () => {
    const r = taskCompletion([task('a', '2026-05-01', '2026-05-02'), task('b', '2026-05-01', '2026-05-01'), task('c', '2026-05-01', '2026-06-01')], { name: 'task_completion', lateCompletionCreditPercent: 33.33 }, 2026)
    // 100 × (1 + 2 × 0.3333) / 3 = 166.66 / 3
    expect(r.exact).toBe('8333/150')
  })

  it('refuses duplicate ids and bad dates', () => {
    expect(() => taskCompletion([task('a', '2026-05-01', null), task('a', '2026-06-01', null)], TASKS, 2026)).toThrow(ScoringInputError)
    expect(() => taskCompletion([task('a', '2026-13-01', null)], TASKS, 2026)).toThrow(/invalid date/)
    expect(() => taskCompletion([task('a', '2026-05-01', '5/1/2026')], TASKS, 2026)).toThrow(/completedOn/)
  })
})
