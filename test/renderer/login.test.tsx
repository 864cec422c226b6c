// @vitest-environment jsdom
import './setup'
import { describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fail, installFakeApi, ok, renderApp, session, STATUS_READY, expectShown } from './helpers'

async function signIn(password = 'wrong-password') {
  const user = userEvent.setup()
  renderApp()
  await user.type(await screen.findByTestId('login-username'), 'admin.sys')
  await user.type(screen.getByTestId('login-password'), password)
  await user.click(screen.getByTestId('login-submit'))
  return user
}

describe('login', () => {
  it('shows AUTH_FAILED with the remaining attempts', async () => {
    const api = installFakeApi({
      'setup.status': () => ok(STATUS_READY),
      'auth.session': () => ok(null),
      'auth.login': () => fail('AUTH_FAILED', { remaining: 2 }),
    })
    await signIn()
    expect((await screen.findByTestId('login-error')).textContent).toBe('用户名或密码错误（还可尝试 2 次）')
    expect(api['auth.login']).toHaveBeenCalledWith({ username: 'admin.sys', password: 'wrong-password' })
  })

  it('shows ACCOUNT_LOCKED with the time as a Chinese date', async () => {
    const until = new Date(2025, 2, 7, 9, 5).toISOString()
    installFakeApi({
      'setup.status': () => ok(STATUS_READY),
      'auth.session': () => ok(null),
      'auth.login': () => fail('ACCOUNT_LOCKED', { until }),
    })
    await signIn()
    expect((await screen.findByTestId('login-error')).textContent).toBe(
      '账户因多次密码错误已锁定，请于 2025年3月7日 09:05 后再试',
    )
  })

  it('opens the app shell after a good sign-in', async () => {
    installFakeApi({
      'setup.status': () => ok(STATUS_READY),
      'auth.session': () => ok(null),
      'auth.login': () => ok(session()),
      'home.tasks': () => ok([]),
    })
    await signIn('Kaohe#2025ab')
    expect((await screen.findByTestId('shell-unit')).textContent).toBe('临江县人力资源和社会保障局')
    expect(screen.getByTestId('shell-user').textContent).toBe('张卫东')
    expectShown(await screen.findByText('暂无待办'))
  })

  it('in the demo unit shows the banner and fills a demo login on click', async () => {
    const user = userEvent.setup()
    installFakeApi({
      'setup.status': () =>
        ok({
          initialized: true,
          demo: true,
          demoLogins: [{ username: 'hr.wang', password: 'Demo-2025!', zh: '人事科 王芳', en: 'HR — Wang Fang' }],
          passwordRule: { minLength: 8, minClasses: 3 },
          officeKind: 'unit',
        }),
      'auth.session': () => ok(null),
    })
    renderApp()
    expect((await screen.findByTestId('demo-banner')).textContent).toContain('演示单位')
    await user.click(screen.getByText('人事科 王芳'))
    expect((screen.getByTestId('login-username') as HTMLInputElement).value).toBe('hr.wang')
    expect((screen.getByTestId('login-password') as HTMLInputElement).value).toBe('Demo-2025!')
  })

  it('opens the demo unit from the welcome screen and then offers its logins', async () => {
    const user = userEvent.setup()
    let demo = false
    const api = installFakeApi({
      'setup.status': () =>
        ok(
          demo
            ? { initialized: true, demo: true, demoLogins: [{ username: 'staff.chen', password: 'x', zh: '公务员 陈静', en: 'Staff' }], passwordRule: { minLength: 8, minClasses: 3 }, officeKind: 'unit' as const }
            : { initialized: false, demo: false, demoLogins: [], passwordRule: { minLength: 8, minClasses: 3 }, officeKind: 'unit' as const },
        ),
      'setup.openDemo': () => {
        demo = true
        return ok({ logins: [] })
      },
      'auth.session': () => ok(null),
    })
    renderApp()
    await user.click(await screen.findByTestId('welcome-demo'))
    expectShown(await screen.findByText('公务员 陈静'))
    expect(api['setup.openDemo']).toHaveBeenCalledTimes(1)
  })

  it('shows a transport failure instead of hanging', async () => {
    installFakeApi({ 'setup.status': () => Promise.reject(new Error('connection refused')) })
    renderApp()
    await waitFor(() => expectShown(screen.getByText('无法连接考核台服务：connection refused')))
  })
})

describe('password recovery', () => {
  it('resets a password with the recovery code and returns to the login with a notice', async () => {
    const user = userEvent.setup()
    const api = installFakeApi({
      'setup.status': () => ok(STATUS_READY),
      'auth.session': () => ok(null),
      'auth.recover': () => ok(null),
    })
    renderApp()
    await user.click(await screen.findByTestId('login-recover'))
    await user.type(screen.getByTestId('recover-username'), 'admin.sys')
    await user.type(screen.getByTestId('recover-code'), 'K7QF-3MZP-WX9D-2HVT-8RNC-5JYB')
    await user.type(screen.getByTestId('recover-new'), 'Xinmima#2025')
    await user.type(screen.getByTestId('recover-confirm'), 'Xinmima#2025')
    await user.click(screen.getByTestId('recover-submit'))
    expectShown(await screen.findByText('密码已重设，请用新密码登录。'))
    expectShown(screen.getByTestId('login-form'))
    expect(api['auth.recover']).toHaveBeenCalledWith({
      username: 'admin.sys',
      recoveryCode: 'K7QF-3MZP-WX9D-2HVT-8RNC-5JYB',
      newPassword: 'Xinmima#2025',
    })
  })

  it('shows RECOVERY_CODE_INVALID inline', async () => {
    const user = userEvent.setup()
    installFakeApi({
      'setup.status': () => ok(STATUS_READY),
      'auth.session': () => ok(null),
      'auth.recover': () => fail('RECOVERY_CODE_INVALID'),
    })
    renderApp()
    await user.click(await screen.findByTestId('login-recover'))
    await user.type(screen.getByTestId('recover-username'), 'admin.sys')
    await user.type(screen.getByTestId('recover-code'), 'AAAA-BBBB-CCCC-DDDD-EEEE')
    await user.type(screen.getByTestId('recover-new'), 'Xinmima#2025')
    await user.type(screen.getByTestId('recover-confirm'), 'Xinmima#2025')
    await user.click(screen.getByTestId('recover-submit'))
    expect((await screen.findByTestId('recover-error')).textContent).toBe('恢复码不正确')
  })
})
