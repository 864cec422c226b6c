import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { MethodName } from '../../src/shared/api/contract'
import { openWorld } from './harness'

/**
 * Issue 8, "What a user expects from the screens", in Chromium on the real build: the staff home
 * with its own to-do and the year's timeline, the audit viewer searched by a label, a locked account
 * with 解锁, and verifying the folder just backed up to.
 */
const tid = (page: Page, id: string) => page.getByTestId(id)
const SHOTS = process.env.KAOHE_G2_SHOTS ?? join(tmpdir(), 'kaohe-g2-shots')

async function signIn(page: Page, username: string, password: string) {
  await tid(page, 'login-username').fill(username)
  await tid(page, 'login-password').fill(password)
  await tid(page, 'login-submit').click()
  await tid(page, 'shell-user').waitFor()
}

async function signOut(page: Page) {
  await tid(page, 'shell-logout').click()
  await tid(page, 'login-form').waitFor()
}

it('home, audit, users and backup read in people’s words', async () => {
  const w = await openWorld({ clock: () => new Date('2026-12-01T09:00:00+08:00') })
  const { page, app } = w
  const call = async (method: MethodName, input: unknown = {}) => {
    const r = await app.call(method, input)
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`)
    return r.value as never
  }
  const pw = (u: string) => `${u}-Pass-2026!`
  const shot = (name: string) => page.waitForTimeout(300).then(() => page.screenshot({ path: join(SHOTS, `${name}.png`) }))
  mkdirSync(SHOTS, { recursive: true })
  try {
    await call('setup.initialize', {
      unitName: '青山县市场监督管理局',
      unitCode: 'QS-SCJG',
      sysadmin: { username: 'sysadmin', displayName: '李明', password: 'Sys-Admin-2026!' },
      secadmin: { username: 'secadmin', displayName: '赵静', password: 'Sec-Admin-2026!' },
      auditor: { username: 'auditor', displayName: '孙伟', password: 'Aud-Admin-2026!' },
    })
    for (const [u, first] of [['sysadmin', 'Sys-Admin-2026!'], ['secadmin', 'Sec-Admin-2026!'], ['auditor', 'Aud-Admin-2026!']]) {
      await call('auth.login', { username: u, password: first })
      await call('auth.changePassword', { oldPassword: first, newPassword: pw(u!) })
    }
    await call('auth.login', { username: 'sysadmin', password: pw('sysadmin') })
    const ids: Record<string, number> = {}
    for (const [u, name] of [['hr1', '王芳'], ['staff1', '孙丽'], ['lead1', '李强']]) {
      ids[u!] = ((await call('users.add', { username: u, displayName: name, password: `${u}-First-1` })) as { id: number }).id
    }
    await call('auth.login', { username: 'secadmin', password: pw('secadmin') })
    await call('roles.grant', { userId: ids.hr1, role: 'hr' })
    await call('roles.grant', { userId: ids.staff1, role: 'staff' })
    await call('roles.grant', { userId: ids.lead1, role: 'staff' })
    for (const u of ['hr1', 'staff1', 'lead1']) {
      await call('auth.login', { username: u, password: `${u}-First-1` })
      await call('auth.changePassword', { oldPassword: `${u}-First-1`, newPassword: pw(u) })
    }
    await call('auth.login', { username: 'hr1', password: pw('hr1') })
    const roster = '工号,姓名,科室,岗位,岗位类别,直接主管工号\n0101,李强,办公室,主任,综合管理,\n0102,孙丽,办公室,文秘,综合管理,0101\n0103,周杰,办公室,科员,综合管理,0101\n'
    await call('org.roster.import', { fileName: '花名册.csv', contentBase64: Buffer.from(roster).toString('base64') })
    const people = (await call('org.people.list', {})) as { id: number; name: string }[]
    const person = (n: string) => people.find((p) => p.name === n)!.id
    await call('org.people.linkAccount', { personId: person('孙丽'), userId: ids.staff1 })
    await call('org.people.linkAccount', { personId: person('李强'), userId: ids.lead1 })
    await call('auth.logout')
    // hr1 mistypes the password until the account locks.
    for (let i = 0; i < 10; i++) {
      const r = await app.call('auth.login', { username: 'hr1', password: 'wrong-password-1' })
      if (!r.ok && r.error.code === 'ACCOUNT_LOCKED') break
    }

    await page.reload()
    await tid(page, 'login-form').waitFor()
    // Staff home: the Q4 小结 with its deadline, and the year's timeline instead of a placeholder.
    await signIn(page, 'staff1', pw('staff1'))
    await tid(page, 'home-timeline').waitFor()
    expect(await tid(page, 'home-next').textContent()).toContain('2026年第四季度工作小结')
    expect(await tid(page, 'task-due-quarterly.summaryDue').textContent()).toMatch(/^截止 2027年1月\d+日$/)
    expect(await page.textContent('body')).not.toContain('考核相关的功能将按您的角色在此显示')
    await shot('home-staff')
    await tid(page, 'task-quarterly.summaryDue').getByRole('button').click()
    await expect.poll(() => page.evaluate('window.location.hash')).toBe('#/quarterly?tab=summary&year=2026&quarter=4')
    await expect.poll(() => tid(page, 'quarterly-tab-summary').getAttribute('aria-selected')).toBe('true')
    await shot('quarterly-summary-from-home')
    await signOut(page)

    // The system administrator sees hr1 locked, unlocks, then backs up and verifies the same folder.
    await signIn(page, 'sysadmin', pw('sysadmin'))
    await page.evaluate("window.location.hash = '#/users'")
    await tid(page, 'user-locked-hr1').waitFor()
    await shot('users-locked')
    await tid(page, 'user-unlock-hr1').click()
    await expect.poll(() => tid(page, 'user-locked-hr1').count()).toBe(0)
    await shot('users-unlocked')
    await page.evaluate("window.location.hash = '#/backup'")
    const parent = mkdtempSync(join(tmpdir(), 'kaohe-g2-backup-'))
    await tid(page, 'backup-create-folder').fill(parent)
    await tid(page, 'backup-create').click()
    await tid(page, 'backup-info').waitFor()
    const made = await tid(page, 'backup-verify-folder').inputValue()
    expect(made.startsWith(join(parent, 'kaohe-backup-'))).toBe(true)
    await tid(page, 'backup-verify-folder').fill(parent) // the folder chosen when backing up
    await tid(page, 'backup-verify').click()
    await expect.poll(() => page.textContent('body')).toContain('备份完整可用')
    expect(await tid(page, 'backup-verify-error').count()).toBe(0)
    await shot('backup-verified-parent')
    await signOut(page)

    // The auditor searches the log by the words it shows.
    await signIn(page, 'auditor', pw('auditor'))
    await page.evaluate("window.location.hash = '#/audit'")
    await tid(page, 'audit-table').waitFor()
    await tid(page, 'audit-filter-action').fill('登录')
    await tid(page, 'audit-search').click()
    await expect.poll(() => tid(page, 'audit-total').textContent()).not.toBe('共 0 条记录')
    // The filtered page replaces the unfiltered one when its answer arrives: wait for it, not for the
    // first non-empty total (which the unfiltered page already shows).
    await expect.poll(async () => (await tid(page, 'audit-table').textContent()) ?? '', { timeout: 15_000 }).not.toContain('新增用户')
    const text = (await tid(page, 'audit-table').textContent()) ?? ''
    expect(text).toContain('登录')
    expect(text).not.toContain('新增用户')
    expect(text).toMatch(/\d{2}:\d{2}:\d{2}/)
    await shot('audit-search-login')
  } finally {
    await w.close()
  }
}, 180_000)
