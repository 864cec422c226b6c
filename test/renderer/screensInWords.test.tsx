// @vitest-environment jsdom
import './setup'
import { describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { AuditEntry, HomeTimeline } from '../../src/shared/api/types'
import { describeError } from '../../src/renderer/src/api'
import { formatPolicyVersion, formatQuarter } from '../../src/renderer/src/format'
import { createI18n } from '../../src/renderer/src/i18n'
import { METHOD_NAMES } from '../../src/shared/api/methodNames'
import { dayRangeInstants } from '../../src/renderer/src/pages/auditWords'
import { nextStepText } from '../../src/renderer/src/pages/HomePage'
import { installFakeApi, ok, renderApp, session, STATUS_READY, user } from './helpers'

// Issue 8, "What a user expects from the screens": no internal codes or English in the Chinese UI.

function signedInAs(roles: string[], route: string) {
  window.location.hash = `#/${route}`
  return {
    'setup.status': () => ok(STATUS_READY),
    'auth.session': () => ok(session({ roles: roles as never })),
    'home.tasks': () => ok([]),
  }
}

describe('messages in people’s words', () => {
  const i18n = createI18n('zh')
  const describeZh = (code: string, params: Record<string, string | number>) =>
    describeError({ code, params } as never, 'zh', (r) => i18n.t(`roles.${r}`), (m) => (i18n.exists(`methods.${m}`) ? i18n.t(`methods.${m}`) : undefined))

  it('every method has a Chinese and an English name (what a refusal and the audit log show)', () => {
    const en = createI18n('en')
    expect(METHOD_NAMES.filter((m) => !i18n.exists(`methods.${m}`) || typeof i18n.t(`methods.${m}`, { returnObjects: true }) !== 'string')).toEqual([])
    expect(METHOD_NAMES.filter((m) => !en.exists(`methods.${m}`, { lng: 'en', fallbackLng: false }))).toEqual([])
  })

  it('a refusal names the operation, not the method', () => {
    const text = describeZh('FORBIDDEN', { method: 'commitments.get' })
    expect(text).toBe(`无权执行此操作（${i18n.t('methods.commitments.get')}）`)
    expect(text).not.toMatch(/[a-z]/)
  })

  it('a day inside a Chinese message is a Chinese date', () => {
    expect(describeZh('QUARTER_NOT_STARTED', { year: 2026, quarter: 4, today: '2026-03-01' })).toContain('2026年3月1日')
  })

  it('quarters and the shipped policy version read as words', () => {
    expect(formatQuarter(2026, 1, 'zh')).toBe('2026年第一季度')
    expect(formatQuarter(2026, 1, 'en')).toBe('2026 Q1')
    expect(formatPolicyVersion('default-2026', 'zh')).toBe('默认（2026年版）')
    expect(formatPolicyVersion('本单位2026修订', 'zh')).toBe('本单位2026修订')
  })
})

describe('audit viewer in people’s words', () => {
  const entries: AuditEntry[] = [
    { seq: 3, at: new Date(2026, 10, 3, 14, 5, 9).toISOString(), actor: 'hr.wang', action: 'guideline.saveDraft', target: 'guideline:2027:draft', outcome: 'ok', detail: {}, hash: 'ab'.repeat(32) },
    { seq: 2, at: new Date(2026, 10, 3, 9, 0, 41).toISOString(), actor: 'hr.wang', action: 'auth.loginFailed', target: 'user:5', outcome: 'failed', detail: {}, hash: 'cd'.repeat(32) },
  ]

  it('shows readable objects and seconds, and searches by the names it shows', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      ...signedInAs(['auditor'], 'audit'),
      'audit.list': () => ok({ entries, nextBeforeSeq: null, total: 2 }),
    })
    renderApp()
    const row = await screen.findByTestId('audit-row-3', {}, { timeout: 8000 })
    expect(row.textContent).toContain('2026年11月3日 14:05:09')
    expect(screen.getByTestId('audit-target-3').textContent).toBe('2027年度考核细则（草稿）')
    expect(screen.getByTestId('audit-target-2').textContent).toBe('账户（编号 5）')
    expect(screen.getByTestId('audit-row-2').textContent).toContain('登录失败（密码错误）')

    await u.type(screen.getByTestId('audit-filter-action'), '登录')
    await u.click(screen.getByTestId('audit-search'))
    await waitFor(() => expect(api['audit.list']).toHaveBeenCalledTimes(2))
    const input = api['audit.list'].mock.calls[1]![0] as { actions: string[]; action?: string }
    expect(input.action).toBeUndefined()
    expect(input.actions).toEqual(expect.arrayContaining(['auth.login', 'auth.logout', 'auth.loginFailed']))
    expect(input.actions).not.toContain('users.add')
  })

  it('a day range is searched from the first day’s local midnight to the end of the last day', () => {
    expect(dayRangeInstants('2026-11-03', '2026-11-04')).toEqual({
      from: new Date(2026, 10, 3).toISOString(),
      to: new Date(2026, 10, 5).toISOString(),
    })
    expect(dayRangeInstants(null, null)).toEqual({})
  })
})

describe('locked accounts (system administrator)', () => {
  it('shows a locked account as locked, with 解锁', async () => {
    const u = userEvent.setup()
    const until = new Date(Date.now() + 10 * 60_000).toISOString()
    let locked = true
    const api = installFakeApi({
      ...signedInAs(['sysadmin'], 'users'),
      'users.list': () => ok([user({ id: 2, username: 'hr.wang', displayName: '王芳', lockedUntil: locked ? until : null })]),
      'users.unlock': () => {
        locked = false
        return ok(user({ id: 2, username: 'hr.wang', displayName: '王芳', lockedUntil: null }))
      },
      'users.resetRequests': () => ok([]),
    })
    renderApp()
    expect((await screen.findByTestId('user-locked-hr.wang', {}, { timeout: 8000 })).textContent).toBe('已锁定')
    await u.click(screen.getByTestId('user-unlock-hr.wang'))
    expect(api['users.unlock']).toHaveBeenCalledWith({ userId: 2 })
    await waitFor(() => expect(screen.queryByTestId('user-locked-hr.wang')).toBeNull())
    expect(screen.queryByTestId('user-unlock-hr.wang')).toBeNull()
  })
})

describe('home: cards open the place they count; the year’s timeline', () => {
  const timeline: HomeTimeline = {
    year: 2026,
    today: '2026-12-01',
    steps: [
      { step: 'goals', from: '2026-01-01', to: '2026-01-31', state: 'done' },
      { step: 'ledger', from: '2026-01-01', to: '2026-12-31', state: 'now' },
      { step: 'quarterly', from: '2026-03-31', to: '2027-01-20', state: 'now' },
      { step: 'annual', from: '2027-01-01', to: '2027-02-28', state: 'next' },
      { step: 'feedback', from: '2027-02-01', to: '2027-03-31', state: 'next' },
    ],
    quarters: [
      { quarter: 1, phase: 'closed', to: '2026-03-31', summaryDueOn: '2026-04-08', ratingEndsOn: '2026-04-22' },
      { quarter: 2, phase: 'closed', to: '2026-06-30', summaryDueOn: '2026-07-07', ratingEndsOn: '2026-07-21' },
      { quarter: 3, phase: 'closed', to: '2026-09-30', summaryDueOn: '2026-10-14', ratingEndsOn: '2026-10-28' },
      { quarter: 4, phase: 'open', to: '2026-12-31', summaryDueOn: '2027-01-08', ratingEndsOn: '2027-01-22' },
    ],
  }

  it('a staff member sees their 小结 with its deadline, the cycle, and no placeholder banner', async () => {
    const u = userEvent.setup()
    window.location.hash = '#/home'
    installFakeApi({
      'setup.status': () => ok(STATUS_READY),
      'auth.session': () => ok(session({ roles: ['staff'], displayName: '孙丽' })),
      'home.tasks': () => ok([{ kind: 'quarterly.summaryDue', count: 1, route: 'quarterly?tab=summary&year=2026&quarter=4', dueOn: '2027-01-08' }]),
      'home.timeline': () => ok(timeline),
    })
    renderApp()
    expect((await screen.findByTestId('home-next', {}, { timeout: 8000 })).textContent).toBe('下一步：2026年第四季度工作小结，2027年1月8日前提交。')
    expect(screen.getByTestId('task-due-quarterly.summaryDue').textContent).toBe('截止 2027年1月8日')
    expect(screen.getByTestId('home-step-ledger').textContent).toContain('进行中')
    expect(screen.getByTestId('home-step-annual').textContent).toContain('2027年1月1日 至 2027年2月28日')
    expect(document.body.textContent).not.toContain('考核相关的功能将按您的角色在此显示')
    await u.click(screen.getByText('前往处理'))
    expect(window.location.hash).toBe('#/quarterly?tab=summary&year=2026&quarter=4')
  })

  it('HR is told when the rating window ends', () => {
    const i18n = createI18n('zh')
    const text = nextStepText({ ...timeline, quarters: timeline.quarters.map((q) => (q.quarter === 4 ? { ...q, phase: 'rating' as const } : q)) } as never, ['hr'], i18n.t, 'zh')
    expect(text).toBe('下一步：2026年第四季度评价于2027年1月22日结束，之后季度关闭；确需更正的由人事科登记。')
  })
})
