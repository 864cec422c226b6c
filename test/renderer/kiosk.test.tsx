// @vitest-environment jsdom
import './setup'
import { describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { KioskOfficials } from '../../src/shared/kiosk'
import { KioskStartCard } from '../../src/renderer/src/screens/KioskScreen'
import { fail, installFakeApi, ok, renderApp, session, STATUS_READY, expectShown } from './helpers'

const OFFICIALS: KioskOfficials = {
  departmentId: null,
  departments: [
    { id: 1, name: '综合科' },
    { id: 2, name: '执法大队' },
  ],
  officials: [
    { personId: 11, name: '张明', post: '科长', departmentId: 1 },
    { personId: 12, name: '李娜', post: '科员', departmentId: 1 },
    { personId: 21, name: '赵刚', post: '队长', departmentId: 2 },
  ],
}
const HR = { roles: ['hr' as const], username: 'hr', displayName: '王芳' }

describe('kiosk survey screen', () => {
  it('walks department → official → level → thanks, then back to the start after 3 s', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      'setup.status': () => ok(STATUS_READY),
      'auth.session': () => ok(session({ ...HR, kiosk: true })),
      'kiosk.officials': () => ok(OFFICIALS),
      'kiosk.rate': () => ok(null),
    })
    renderApp()
    await u.click(await screen.findByTestId('kiosk-dept-1'))
    expectShown(screen.getByText('张明'))
    expectShown(screen.getByText('科长'))
    expect(screen.queryByText('赵刚')).toBeNull()
    await u.click(screen.getByTestId('kiosk-official-12'))
    expectShown(screen.getByText('请对 李娜 的服务进行评价'))
    for (const l of ['非常满意', '满意', '基本满意', '不满意', '非常不满意']) expectShown(screen.getByText(l))
    await u.click(screen.getByTestId('kiosk-level-fairlySatisfied'))
    expect(api['kiosk.rate']).toHaveBeenCalledWith({ personId: 12, level: 'fairlySatisfied' })
    expectShown(await screen.findByText('谢谢您的评价'))
    // No navigation, no app chrome.
    expect(screen.queryByRole('navigation')).toBeNull()
    await waitFor(() => expectShown(screen.getByTestId('kiosk-dept-2')), { timeout: 4500 })
    expect(screen.queryByText('谢谢您的评价')).toBeNull()
  }, 10_000)

  it('leaves only with the password: a wrong one is shown, the right one returns to the app', async () => {
    const u = userEvent.setup()
    let inKiosk = true
    const api = installFakeApi({
      'setup.status': () => ok(STATUS_READY),
      'auth.session': () => ok(session({ ...HR, kiosk: inKiosk })),
      'kiosk.officials': () => ok(OFFICIALS),
      'kiosk.exit': (input: { password: string }) => {
        if (input.password !== 'right-pass') return fail('AUTH_FAILED', { remaining: 4 })
        inKiosk = false
        return ok(session({ ...HR, kiosk: false }))
      },
      'home.tasks': () => ok([]),
    })
    renderApp()
    await u.click(await screen.findByTestId('kiosk-exit'))
    await u.type(await screen.findByTestId('kiosk-exit-password'), 'wrong')
    await u.click(screen.getByTestId('kiosk-exit-submit'))
    expect((await screen.findByTestId('kiosk-exit-error')).textContent).toMatch(/4/)
    expectShown(screen.getByTestId('kiosk-screen'))
    await u.type(screen.getByTestId('kiosk-exit-password'), 'right-pass')
    await u.click(screen.getByTestId('kiosk-exit-submit'))
    await waitFor(() => expect(screen.queryByTestId('kiosk-screen')).toBeNull())
    expect(api['kiosk.exit']).toHaveBeenLastCalledWith({ password: 'right-pass' })
  })

  it('starts from the card HR sees, for one department or all', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      'org.departments.list': () => ok([{ id: 2, name: '执法大队', code: 'ZF', sortOrder: 1, headcount: 12 }]),
      'kiosk.start': () => ok({ departmentId: null, startedAt: '2026-04-10T02:00:00Z' }),
    })
    renderApp(<KioskStartCard />)
    await u.click(await screen.findByTestId('kiosk-start'))
    await waitFor(() => expect(api['kiosk.start']).toHaveBeenCalledWith({}))
  })
})
