// @vitest-environment jsdom
import './setup'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { SessionInfo } from '../../src/shared/api/types'
import { fail, installFakeApi, ok, renderApp, session, STATUS_READY, expectShown } from './helpers'

afterEach(() => {
  vi.useRealTimers()
})

/** Advances fake time inside act, so React applies the updates the timers cause. */
async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms)
  })
}

/** With fake timers: lets promises and React settle until `check` passes (at most ~2 s of fake time). */
async function settle(check: () => unknown) {
  for (let i = 0; i < 40; i++) {
    try {
      check()
      return
    } catch {
      await advance(50)
    }
  }
  check()
}

describe('session screens', () => {
  it('forces a password change, with the rule, before the app opens', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      'setup.status': () => ok(STATUS_READY),
      'auth.session': () => ok(session({ mustChangePassword: true })),
      'auth.changePassword': () => ok(session()),
      'home.tasks': () => ok([]),
    })
    renderApp()
    expectShown(await screen.findByRole('heading', { name: '请修改密码' }))
    expect(screen.getByTestId('password-rule').textContent).toContain('至少 8 位')
    await u.type(screen.getByTestId('change-old'), 'Chushi#2025')
    await u.type(screen.getByTestId('change-new'), 'short')
    await u.click(screen.getByTestId('change-submit'))
    expectShown(screen.getByText('密码不符合要求'))
    expect(api['auth.changePassword']).not.toHaveBeenCalled()

    await u.clear(screen.getByTestId('change-new'))
    await u.type(screen.getByTestId('change-new'), 'Xinmima#2025')
    await u.type(screen.getByTestId('change-confirm'), 'Xinmima#2025')
    await u.click(screen.getByTestId('change-submit'))
    expectShown(await screen.findByTestId('shell-unit'))
    expect(api['auth.changePassword']).toHaveBeenCalledWith({ oldPassword: 'Chushi#2025', newPassword: 'Xinmima#2025' })
  })

  it('unlocks a locked session with the password and shows a wrong one inline', async () => {
    const u = userEvent.setup()
    let attempts = 0
    installFakeApi({
      'setup.status': () => ok(STATUS_READY),
      'auth.session': () => ok(session({ locked: true })),
      'auth.unlock': () => (++attempts === 1 ? fail('WRONG_PASSWORD') : ok(session())),
      'home.tasks': () => ok([]),
    })
    renderApp()
    expectShown(await screen.findByText('会话已锁定'))
    await u.type(screen.getByTestId('unlock-password'), 'nope')
    await u.click(screen.getByTestId('unlock-submit'))
    expect((await screen.findByTestId('unlock-error')).textContent).toBe('密码错误')
    await u.type(screen.getByTestId('unlock-password'), 'Kaohe#2025ab')
    await u.click(screen.getByTestId('unlock-submit'))
    expectShown(await screen.findByTestId('shell-unit'))
  })

  it('the lock button locks, and sign out returns to the login', async () => {
    const u = userEvent.setup()
    let current: SessionInfo | null = session()
    const api = installFakeApi({
      'setup.status': () => ok(STATUS_READY),
      'auth.session': () => ok(current),
      'auth.lock': () => {
        current = session({ locked: true })
        return ok(null)
      },
      'auth.logout': () => {
        current = null
        return ok(null)
      },
      'home.tasks': () => ok([]),
    })
    renderApp()
    await u.click(await screen.findByTestId('shell-lock'))
    expectShown(await screen.findByText('会话已锁定'))
    await u.click(screen.getByTestId('unlock-logout'))
    expectShown(await screen.findByTestId('login-form'))
    expect(api['auth.logout']).toHaveBeenCalled()
  })

  it('locks itself after the idle time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    const api = installFakeApi({
      'setup.status': () => ok(STATUS_READY),
      'auth.session': () => ok(session({ idleLockMinutes: 2 })),
      'auth.lock': () => ok(null),
      'home.tasks': () => ok([]),
    })
    renderApp()
    await settle(() => screen.getByTestId('shell-unit'))
    await advance(58_000)
    expect(api['auth.lock']).not.toHaveBeenCalled()
    await advance(63_000)
    expect(api['auth.lock']).toHaveBeenCalledTimes(1)
    expectShown(screen.getByText('会话已锁定'))
  })

  it('notices a lock made by main within 30 seconds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    let current = session()
    const api = installFakeApi({
      'setup.status': () => ok(STATUS_READY),
      'auth.session': () => ok(current),
      'home.tasks': () => ok([]),
    })
    renderApp()
    await settle(() => screen.getByTestId('shell-unit'))
    current = session({ locked: true })
    await advance(30_000)
    expect(api['auth.session'].mock.calls.length).toBeGreaterThanOrEqual(2)
    expectShown(screen.getByText('会话已锁定'))
  })

  it('goes back to the login when a page call says the session is gone', async () => {
    let current: SessionInfo | null = session()
    window.location.hash = '#/users'
    installFakeApi({
      'setup.status': () => ok(STATUS_READY),
      'auth.session': () => ok(current),
      'users.list': () => {
        current = null
        return fail('NOT_AUTHENTICATED')
      },
    })
    renderApp()
    await waitFor(() => expectShown(screen.getByTestId('login-form')))
  })
})

describe('home', () => {
  it('shows pending tasks as cards that link to their page', async () => {
    const u = userEvent.setup()
    installFakeApi({
      'setup.status': () => ok(STATUS_READY),
      'auth.session': () => ok(session()),
      'home.tasks': () => ok([{ kind: 'users.firstSignInPending', count: 3, route: 'users' }]),
      'users.list': () => ok([]),
    })
    renderApp()
    const card = await screen.findByTestId('task-users.firstSignInPending')
    expect(card.textContent).toContain('尚未完成首次登录、仍用初始密码的账户')
    expect(card.textContent).toContain('3 项')
    await u.click(screen.getByText('前往处理'))
    expectShown(await screen.findByRole('heading', { name: '用户管理' }))
    expect(window.location.hash).toBe('#/users')
  })

  it('only offers the pages the roles allow', async () => {
    window.location.hash = '#/users'
    installFakeApi({
      'setup.status': () => ok(STATUS_READY),
      'auth.session': () => ok(session({ roles: ['auditor'] })),
      'home.tasks': () => ok([]),
      'audit.list': () => ok({ entries: [], nextBeforeSeq: null, total: 0 }),
    })
    renderApp()
    expect((await screen.findByTestId('nav-audit')).textContent).toContain('审计日志')
    expect(screen.queryByTestId('nav-users')).toBeNull()
    expect(screen.queryByTestId('nav-backup')).toBeNull()
    // A route the role may not open falls back to the home page.
    expectShown(await screen.findByText('暂无待办'))
  })
})
