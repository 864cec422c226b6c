import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openWorld } from './harness'

/**
 * Issue 2's walk, in Debian's Chromium on the real renderer build through the bridge:
 * set-up wizard → sign in → create a user → grant a role → the audit viewer shows both →
 * five wrong passwords lock the account. Saves the main screens to docs/screenshots/.
 */
const PW = {
  sysadmin: 'Sys-Admin-2026!',
  secadmin: 'Sec-Admin-2026!',
  auditor: 'Aud-Admin-2026!',
}
const tid = (page: Page, id: string) => page.getByTestId(id)

async function signIn(page: Page, username: string, password: string) {
  await tid(page, 'login-username').fill(username)
  await tid(page, 'login-password').fill(password)
  await tid(page, 'login-submit').click()
}

async function firstSignIn(page: Page, username: string, initial: string, next: string) {
  await signIn(page, username, initial)
  await tid(page, 'change-old').fill(initial)
  await tid(page, 'change-new').fill(next)
  await tid(page, 'change-confirm').fill(next)
  await tid(page, 'change-submit').click()
  await expect.poll(() => tid(page, 'shell-user').isVisible()).toBe(true)
}

async function signOut(page: Page) {
  await tid(page, 'shell-logout').click()
  await tid(page, 'login-form').waitFor()
}

it('set-up, accounts, roles, audit and lockout in the browser', async () => {
  const w = await openWorld()
  const { page } = w
  try {
    // First run: the welcome screen offers set-up or the demo unit.
    await tid(page, 'welcome-setup').waitFor()
    await w.shot('01-welcome')
    await tid(page, 'welcome-setup').click()
    await tid(page, 'wizard-unit-name').fill('青山县市场监督管理局')
    await tid(page, 'wizard-unit-code').fill('QS-SCJG')
    await w.shot('02-setup-wizard')
    await tid(page, 'wizard-next').click()
    for (const role of ['sysadmin', 'secadmin', 'auditor'] as const) {
      await tid(page, `wizard-${role}-username`).fill(role)
      await tid(page, `wizard-${role}-displayName`).fill({ sysadmin: '李明', secadmin: '赵静', auditor: '孙伟' }[role])
      await tid(page, `wizard-${role}-password`).fill('weak')
      await expect.poll(() => tid(page, `wizard-${role}-rule`).textContent()).toMatch(/至少 8 位/)
      await tid(page, `wizard-${role}-password`).fill(PW[role])
      await tid(page, `wizard-${role}-confirm`).fill(PW[role])
      if (role === 'sysadmin') await w.shot('03-setup-admin-account')
      await tid(page, 'wizard-next').click()
    }
    await tid(page, 'wizard-summary').waitFor()
    await tid(page, 'wizard-submit').click()

    // The recovery code is shown once; continuing needs the confirmation.
    const code = (await tid(page, 'recovery-code').textContent())?.trim() ?? ''
    expect(code).toMatch(/^([0-9A-Z]{5}-){4}[0-9A-Z]{5}$/)
    await w.shot('04-recovery-code')
    await expect.poll(() => tid(page, 'recovery-continue').isDisabled()).toBe(true)
    await tid(page, 'recovery-saved').check()
    await tid(page, 'recovery-continue').click()

    // The system administrator signs in, must change the first password, then adds a user.
    await tid(page, 'login-form').waitFor()
    await w.shot('05-login')
    await signIn(page, 'sysadmin', PW.sysadmin)
    await tid(page, 'change-password-form').waitFor()
    await w.shot('06-forced-password-change')
    await tid(page, 'change-old').fill(PW.sysadmin)
    await tid(page, 'change-new').fill('Sysadmin-New-1!')
    await tid(page, 'change-confirm').fill('Sysadmin-New-1!')
    await tid(page, 'change-submit').click()
    await tid(page, 'shell-user').waitFor()
    await w.shot('07-home-sysadmin')
    await tid(page, 'nav-users').click()
    await tid(page, 'users-add').click()
    await tid(page, 'user-add-username').fill('wangfang')
    await tid(page, 'user-add-displayName').fill('王芳')
    await tid(page, 'user-add-password').fill('Wangfang-First-1')
    await tid(page, 'user-add-confirm').fill('Wangfang-First-1')
    await tid(page, 'user-add-submit').click()
    await tid(page, 'user-row-wangfang').waitFor()
    await expect.poll(() => tid(page, 'user-row-wangfang').textContent()).toContain('王芳')
    await w.shot('08-users')
    await signOut(page)

    // The security administrator grants the new user the HR role; an admin role is refused.
    await firstSignIn(page, 'secadmin', PW.secadmin, 'Secadmin-New-1!')
    await tid(page, 'nav-roles').click()
    await tid(page, 'role-grant-wangfang').click()
    await tid(page, 'role-grant-select').selectOption('hr')
    await tid(page, 'role-grant-submit').click()
    await expect.poll(() => tid(page, 'role-row-wangfang').textContent()).toContain('人事科')
    await tid(page, 'role-grant-wangfang').click()
    await tid(page, 'role-grant-select').selectOption('auditor')
    await tid(page, 'role-grant-submit').click()
    await expect.poll(() => tid(page, 'role-error').textContent()).toContain('三员分立')
    await w.shot('09-roles-conflict')
    await page.keyboard.press('Escape')
    await signOut(page)

    // The audit administrator sees both changes, and the chain verifies.
    await firstSignIn(page, 'auditor', PW.auditor, 'Auditor-New-1!')
    await tid(page, 'nav-audit').click()
    await tid(page, 'audit-table').waitFor()
    const table = () => tid(page, 'audit-table').textContent()
    // In people's words: the operations' Chinese names, never their method codes.
    await expect.poll(table).toContain('新增用户')
    await expect.poll(table).toContain('授予角色')
    expect(await table()).not.toContain('users.add')
    await tid(page, 'audit-verify').click()
    await expect.poll(() => tid(page, 'audit-verify-result').textContent()).toMatch(/完整|intact/)
    await w.shot('10-audit-log')
    await signOut(page)

    // Five wrong passwords lock the account.
    const messages: string[] = []
    for (let i = 0; i < 5; i++) {
      await signIn(page, 'wangfang', `Wrong-Password-${i}`)
      await expect.poll(async () => (await tid(page, 'login-error').textContent()) !== (messages[messages.length - 1] ?? '')).toBe(true)
      messages.push((await tid(page, 'login-error').textContent()) ?? '')
    }
    expect(messages[0]).toContain('还可尝试 4 次')
    expect(messages[3]).toContain('还可尝试 1 次')
    expect(messages[4]).toContain('已锁定')
    await w.shot('11-account-locked')
    // Even the right password is refused now.
    await signIn(page, 'wangfang', 'Wangfang-First-1')
    await expect.poll(() => tid(page, 'login-error').textContent()).toContain('已锁定')
  } finally {
    await w.close()
  }
})

it('the demo unit: home pages per role, English switch, lock screen', async () => {
  const w = await openWorld({ demoIfEmpty: true })
  const { page } = w
  try {
    await tid(page, 'demo-banner').waitFor()
    await w.shot('20-login-demo')
    await tid(page, 'demo-login-head').click()
    await tid(page, 'login-submit').click()
    await tid(page, 'shell-user').waitFor()
    await expect.poll(() => tid(page, 'shell-unit').textContent()).toContain('示范县市场监督管理局')
    await w.shot('21-home-leader-head')
    await signOut(page)
    await tid(page, 'demo-login-admin').click()
    await tid(page, 'login-submit').click()
    await tid(page, 'nav-backup').click()
    await w.shot('22-backup')
    await tid(page, 'shell-lock').click()
    await tid(page, 'unlock-form').waitFor()
    await w.shot('23-lock-screen')
    await tid(page, 'unlock-password').fill('Kaohe@2026')
    await tid(page, 'unlock-submit').click()
    await tid(page, 'shell-user').waitFor()
    await tid(page, 'language-switch').getByText('English').click()
    await expect.poll(() => page.locator('body').textContent()).toContain('Backup')
    await w.shot('24-backup-english')
  } finally {
    await w.close()
  }
})
