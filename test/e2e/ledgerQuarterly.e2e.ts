import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { KaoheApp } from '../../src/main/api/app'
import { openWorld } from './harness'

/**
 * Issue 4's walk in Chromium: a supervisor adds a ledger entry and a monthly talk, and the person
 * sees both; two consecutive 不达标 quarters (Q4 2025, Q1 2026) open the interview the leadership
 * group sees. The unit is set up through the API first (a small team with known people), then
 * every step the issue names is done in the browser.
 */
const tid = (page: Page, id: string) => page.getByTestId(id)
const PW = (u: string) => `${u}-Strong-2026!`

async function call(app: KaoheApp, method: string, input: unknown = {}) {
  const r = await app.call(method, input)
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`)
  return r.value as never
}

async function firstSignIn(app: KaoheApp, username: string, initial: string) {
  await call(app, 'auth.login', { username, password: initial })
  await call(app, 'auth.changePassword', { oldPassword: initial, newPassword: PW(username) })
}

/** 青山县局 with 局长 (head1), 科长 李强 (sup1) and his two officers 王芳 (staff1) and 赵磊. */
async function setUpTeam(app: KaoheApp) {
  const admin = (username: string) => ({ username, displayName: username, password: `${username}-First-1` })
  await call(app, 'setup.initialize', { unitName: '青山县市场监督管理局', unitCode: 'QS', sysadmin: admin('sys'), secadmin: admin('sec'), auditor: admin('aud') })
  await firstSignIn(app, 'sys', 'sys-First-1')
  const ids: Record<string, number> = {}
  for (const [u, name] of [['head1', '张局'], ['hr1', '人事'], ['sup1', '李强'], ['staff1', '王芳']]) {
    ids[u!] = ((await call(app, 'users.add', { username: u, displayName: name, password: `${u}-First-1` })) as { id: number }).id
  }
  await firstSignIn(app, 'sec', 'sec-First-1')
  const grants: [string, string][] = [['head1', 'leaderHead'], ['head1', 'leader'], ['hr1', 'hr'], ['sup1', 'supervisor'], ['sup1', 'staff'], ['staff1', 'staff']]
  for (const [u, role] of grants) await call(app, 'roles.grant', { userId: ids[u], role })
  for (const u of ['head1', 'hr1', 'sup1', 'staff1']) await firstSignIn(app, u, `${u}-First-1`)
  await call(app, 'auth.login', { username: 'hr1', password: PW('hr1') })
  const roster = ['工号,姓名,科室,岗位,岗位类别,直接主管工号,入职日期', '0001,张局,局领导,局长,综合管理,,2010-01-01', '0101,李强,综合执法大队,大队长,行政执法,0001,2012-01-01', '0102,王芳,综合执法大队,执法队员,行政执法,0101,2018-01-01', '0103,赵磊,综合执法大队,执法队员,行政执法,0101,2019-01-01'].join('\n')
  await call(app, 'org.roster.import', { fileName: 'roster.csv', contentBase64: Buffer.from(roster).toString('base64') })
  const people = (await call(app, 'org.people.list', {})) as { id: number; staffNo: string }[]
  const person = (no: string) => people.find((p) => p.staffNo === no)!.id
  for (const [u, no] of [['head1', '0001'], ['sup1', '0101'], ['staff1', '0102']]) await call(app, 'org.people.linkAccount', { personId: person(no!), userId: ids[u!] })
  await call(app, 'org.leadership.set', { headId: person('0001'), memberIds: [], disciplineIds: [], effectiveOn: '2025-01-01' })
  // Both quarters have closed by now (core/quarterly/phases.ts): HR reopens them for the late ratings.
  for (const [year, quarter] of [[2025, 4], [2026, 1]]) await call(app, 'quarterly.reopen', { year, quarter, reason: '补评' })
  await call(app, 'auth.logout')
  return { wangfang: person('0102') }
}

async function signIn(page: Page, username: string) {
  await tid(page, 'login-username').fill(username)
  await tid(page, 'login-password').fill(PW(username))
  await tid(page, 'login-submit').click()
  await tid(page, 'shell-user').waitFor()
}

async function signOut(page: Page) {
  await tid(page, 'shell-logout').click()
  await tid(page, 'login-form').waitFor()
}

async function rateFailing(page: Page, year: string, quarter: string, personId: number, reason: string) {
  await tid(page, 'quarterly-year').selectOption(year)
  // The quarter buttons read 第一季度 … 第四季度 in Chinese: pick by position.
  await tid(page, 'quarterly-quarter').locator('label').nth(Number(quarter) - 1).click()
  await tid(page, `quarterly-rate-${personId}`).click()
  await tid(page, 'quarterly-performance').fill('55')
  await tid(page, 'quarterly-potential').fill('60')
  await tid(page, 'quarterly-fail').check()
  await tid(page, 'quarterly-fail-reason').fill(reason)
  // No 小结 was submitted: the form asks to confirm rating without it.
  await tid(page, 'quarterly-confirm-without-summary').check()
  await tid(page, 'quarterly-rate-submit').click()
  await expect.poll(() => tid(page, `quarterly-row-${personId}`).textContent()).toContain('不达标')
}

it('ledger and monthly talk by the supervisor, seen by the person; two failing quarters open the interview', async () => {
  const w = await openWorld()
  const { page } = w
  try {
    const { wangfang } = await setUpTeam(w.app)
    await page.reload()
    await tid(page, 'login-form').waitFor()

    // The supervisor records a ledger entry for his officer …
    await signIn(page, 'sup1')
    await tid(page, 'nav-ledger').click()
    await tid(page, 'ledger-add').click()
    await tid(page, 'ledger-add-person').click()
    await page.getByRole('option', { name: /王芳/ }).click()
    await tid(page, 'ledger-add-text').fill('完成“双随机、一公开”抽查12户，发现问题3处并督促整改')
    await tid(page, 'ledger-add-submit').click()
    await expect.poll(() => tid(page, 'ledger-list').textContent()).toContain('双随机、一公开')
    await w.shot('40-ledger-supervisor')

    // … and this month's talk.
    await tid(page, 'nav-talks').click()
    await tid(page, `talks-record-${wangfang}`).click()
    await tid(page, 'talks-notes').fill('肯定本月执法检查成效，提醒规范填写执法文书。')
    await tid(page, 'talks-submit').click()
    await expect.poll(() => tid(page, `talks-status-${wangfang}`).textContent()).toMatch(/已沟通|done/i)
    await w.shot('41-talks')

    // Two consecutive quarters 不达标, Q4 2025 then Q1 2026.
    await tid(page, 'nav-quarterly').click()
    await rateFailing(page, '2025', '4', wangfang, '执法文书错误较多，案件办理超期')
    await rateFailing(page, '2026', '1', wangfang, '整改不到位，仍有案件超期')
    await w.shot('42-quarterly-status')
    await signOut(page)

    // The person sees the entry and the talk.
    await signIn(page, 'staff1')
    await tid(page, 'nav-ledger').click()
    await expect.poll(() => tid(page, 'ledger-list').textContent()).toContain('双随机、一公开')
    await w.shot('43-ledger-own')
    await tid(page, 'nav-talks').click()
    await expect.poll(() => tid(page, 'talks-list').textContent()).toContain('执法文书')
    await signOut(page)

    // The leadership group head sees the interview and the support plan.
    await signIn(page, 'head1')
    await tid(page, 'nav-quarterly').click()
    await tid(page, 'quarterly-tab-followups').click()
    await expect.poll(() => tid(page, 'quarterly-followups').textContent()).toMatch(/约谈/)
    expect(await tid(page, 'quarterly-followups').textContent()).toMatch(/帮扶计划/)
    expect(await tid(page, 'quarterly-followups').textContent()).toContain('王芳')
    await w.shot('44-quarterly-followups')
  } finally {
    await w.close()
  }
})
