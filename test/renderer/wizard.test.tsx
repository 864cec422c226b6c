// @vitest-environment jsdom
import './setup'
import { describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { installFakeApi, ok, renderApp, STATUS_EMPTY, STATUS_READY, expectShown } from './helpers'

const STRONG = 'Kaohe#2025ab'

async function startWizard() {
  const user = userEvent.setup()
  renderApp()
  await user.click(await screen.findByTestId('welcome-setup'))
  await user.type(screen.getByTestId('wizard-unit-name'), '临江县人力资源和社会保障局')
  await user.type(screen.getByTestId('wizard-unit-code'), 'LJ-HRSS-01')
  await user.click(screen.getByTestId('wizard-next'))
  return user
}

async function fillAdmin(user: ReturnType<typeof userEvent.setup>, role: string, name: string, password = STRONG) {
  await user.type(screen.getByTestId(`wizard-${role}-username`), name)
  await user.type(screen.getByTestId(`wizard-${role}-displayName`), `管理员${name}`)
  await user.type(screen.getByTestId(`wizard-${role}-password`), password)
  await user.type(screen.getByTestId(`wizard-${role}-confirm`), password)
  await user.click(screen.getByTestId('wizard-next'))
}

describe('set-up wizard', () => {
  it('offers the set-up and the demo unit when nothing is initialized', async () => {
    installFakeApi({ 'setup.status': () => ok(STATUS_EMPTY) })
    renderApp()
    expectShown(await screen.findByText('建立本单位'))
    expect(screen.getByTestId('welcome-demo').textContent).toContain('打开演示单位')
  })

  it('blocks a weak administrator password and shows the rule', async () => {
    const api = installFakeApi({ 'setup.status': () => ok(STATUS_EMPTY) })
    const user = await startWizard()
    await fillAdmin(user, 'sysadmin', 'admin.sys', 'abc12345')

    // Still on the system administrator step, with the rule and what is missing.
    expectShown(screen.getByTestId('wizard-sysadmin-username'))
    expectShown(screen.getByText('密码不符合要求'))
    const rule = screen.getByTestId('wizard-sysadmin-rule')
    expect(rule.textContent).toContain('密码至少 8 位，且包含大写字母、小写字母、数字、符号中的至少 3 类')
    expect(rule.textContent).toContain('至少 3 类字符（当前 2 类）')
    expect(api['setup.initialize']).not.toHaveBeenCalled()
  })

  it('refuses the same user name for two administrators', async () => {
    installFakeApi({ 'setup.status': () => ok(STATUS_EMPTY) })
    const user = await startWizard()
    await fillAdmin(user, 'sysadmin', 'admin')
    await fillAdmin(user, 'secadmin', 'admin')
    expectShown(screen.getByText('三个管理员的用户名不能相同'))
  })

  it('submits, shows the recovery code once, and needs the checkbox before continuing', async () => {
    let initialized = false
    const api = installFakeApi({
      'setup.status': () => ok(initialized ? STATUS_READY : STATUS_EMPTY),
      'setup.initialize': () => {
        initialized = true
        return ok({ recoveryCode: 'K7QF-3MZP-WX9D-2HVT-8RNC-5JYB' })
      },
      'auth.session': () => ok(null),
    })
    const user = await startWizard()
    await fillAdmin(user, 'sysadmin', 'admin.sys')
    await fillAdmin(user, 'secadmin', 'admin.sec')
    await fillAdmin(user, 'auditor', 'admin.audit')
    expect(screen.getByTestId('wizard-summary').textContent).toContain('LJ-HRSS-01')
    await user.click(screen.getByTestId('wizard-submit'))

    expect((await screen.findByTestId('recovery-code')).textContent).toBe('K7QF-3MZP-WX9D-2HVT-8RNC-5JYB')
    expect(api['setup.initialize']).toHaveBeenCalledWith({
      unitName: '临江县人力资源和社会保障局',
      unitCode: 'LJ-HRSS-01',
      sysadmin: { username: 'admin.sys', displayName: '管理员admin.sys', password: STRONG },
      secadmin: { username: 'admin.sec', displayName: '管理员admin.sec', password: STRONG },
      auditor: { username: 'admin.audit', displayName: '管理员admin.audit', password: STRONG },
    })
    // The printable sheet carries unit, code and instructions.
    const sheet = screen.getByTestId('recovery-print-sheet')
    expect(sheet.textContent).toContain('临江县人力资源和社会保障局')
    expect(sheet.textContent).toContain('K7QF-3MZP-WX9D-2HVT-8RNC-5JYB')

    const proceed = screen.getByTestId('recovery-continue') as HTMLButtonElement
    expect(proceed.disabled).toBe(true)
    await user.click(screen.getByLabelText('我已妥善保存恢复码'))
    expect(proceed.disabled).toBe(false)
    await user.click(proceed)
    expectShown(await screen.findByTestId('login-form'))
  })

  it('shows the server error when set-up fails', async () => {
    installFakeApi({
      'setup.status': () => ok(STATUS_EMPTY),
      'setup.initialize': () => ({
        ok: false,
        error: { code: 'WEAK_PASSWORD', params: { minLength: 10, minClasses: 3 } },
      }),
    })
    const user = await startWizard()
    await fillAdmin(user, 'sysadmin', 'admin.sys')
    await fillAdmin(user, 'secadmin', 'admin.sec')
    await fillAdmin(user, 'auditor', 'admin.audit')
    await user.click(screen.getByTestId('wizard-submit'))
    await waitFor(() =>
      expect(screen.getByTestId('wizard-error').textContent).toContain('密码至少 10 位'),
    )
  })
})
