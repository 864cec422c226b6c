import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { KaoheApp } from '../../src/main/api/app'
import { openWorld } from './harness'

/**
 * Issue 8's quarterly walk in Chromium, on a clock the test moves: on 2026-04-10 (Q1 2026 in its
 * rating phase) HR assigns peers automatically and the supervisor is warned before rating an
 * officer who has no 小结; on 2026-05-11 the quarter has closed: the supervisor is offered no
 * rating, the API refuses one, and HR records an amendment that the sheet then shows.
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

/** 青山县局: 局长 (head1), HR (hr1), 大队长 李强 (sup1) and four officers, 王芳 (staff1) first. */
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
  const roster = [
    '工号,姓名,科室,岗位,岗位类别,直接主管工号,入职日期',
    '0001,张局,局领导,局长,综合管理,,2010-01-01',
    '0101,李强,综合执法大队,大队长,行政执法,0001,2012-01-01',
    '0102,王芳,综合执法大队,执法队员,行政执法,0101,2018-01-01',
    '0103,赵磊,综合执法大队,执法队员,行政执法,0101,2019-01-01',
    '0104,孙浩,综合执法大队,执法队员,行政执法,0101,2019-03-01',
    '0105,周敏,综合执法大队,执法队员,行政执法,0101,2020-07-01',
  ].join('\n')
  await call(app, 'org.roster.import', { fileName: 'roster.csv', contentBase64: Buffer.from(roster).toString('base64') })
  const people = (await call(app, 'org.people.list', {})) as { id: number; staffNo: string }[]
  const person = (no: string) => people.find((p) => p.staffNo === no)!.id
  for (const [u, no] of [['head1', '0001'], ['sup1', '0101'], ['staff1', '0102']]) await call(app, 'org.people.linkAccount', { personId: person(no!), userId: ids[u!] })
  await call(app, 'auth.logout')
  return { wangfang: person('0102'), zhaolei: person('0103') }
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

/** The quarterly page on 2026 Q1. */
async function openQ1(page: Page) {
  await tid(page, 'nav-quarterly').click()
  await tid(page, 'quarterly-year').selectOption('2026')
  await tid(page, 'quarterly-quarter').locator('label').nth(0).click()
  await tid(page, 'quarterly-phase').waitFor()
}

it('HR assigns peers automatically; a supervisor is warned before rating without a 小结; a closed quarter refuses a change and records an amendment', async () => {
  let now = new Date('2026-04-10T02:00:00Z')
  const w = await openWorld({ clock: () => now })
  const { page } = w
  try {
    const { wangfang, zhaolei } = await setUpTeam(w.app)
    await page.reload()
    await tid(page, 'login-form').waitFor()

    // HR: the quarter is in its rating phase, with its dates; peers are assigned with one button.
    await signIn(page, 'hr1')
    await openQ1(page)
    await expect.poll(() => tid(page, 'quarterly-phase-badge').textContent()).toBe('主管评价')
    expect(await tid(page, 'quarterly-phase-dates').textContent()).toContain('主管评价 2026年4月9日 至 2026年4月22日')
    await tid(page, 'quarterly-tab-assign').click()
    await tid(page, 'quarterly-auto-assign-run').click()
    // 李强 supervises all four officers: he neither rates them nor is rated by them, so he is listed as short.
    await expect.poll(() => tid(page, 'quarterly-auto-assign-short').textContent()).toContain('李强（0）')
    await w.shot('61-quarterly-auto-assign')
    await tid(page, 'quarterly-tab-status').click()
    await expect.poll(() => tid(page, `quarterly-row-${wangfang}`).textContent()).toContain('0/3')
    expect(await tid(page, `quarterly-row-${zhaolei}`).textContent()).toContain('0/3')
    await signOut(page)

    // The supervisor: 王芳 has no 小结, so the form warns and asks for a confirmation first.
    await signIn(page, 'sup1')
    await openQ1(page)
    await tid(page, `quarterly-rate-${wangfang}`).click()
    await expect.poll(() => tid(page, 'quarterly-no-summary-warning').textContent()).toContain('王芳 尚未提交本季度工作小结')
    await tid(page, 'quarterly-performance').fill('72')
    await tid(page, 'quarterly-potential').fill('70')
    expect(await tid(page, 'quarterly-rate-submit').isDisabled()).toBe(true)
    await w.shot('62-quarterly-rate-without-summary')
    await tid(page, 'quarterly-confirm-without-summary').check()
    await tid(page, 'quarterly-rate-submit').click()
    await expect.poll(() => tid(page, `quarterly-row-${wangfang}`).textContent()).toContain('无小结评价')
    expect(await tid(page, `quarterly-score-${wangfang}`).textContent()).toBe('72.00')
    await signOut(page)

    // A month on, the quarter has closed: no rating is offered, and the API refuses one.
    now = new Date('2026-05-11T02:00:00Z')
    await signIn(page, 'sup1')
    await openQ1(page)
    await expect.poll(() => tid(page, 'quarterly-phase-badge').textContent()).toBe('已结束')
    await tid(page, `quarterly-row-${wangfang}`).waitFor()
    expect(await tid(page, `quarterly-rate-${wangfang}`).count()).toBe(0)
    await signOut(page)
    await call(w.app, 'auth.login', { username: 'sup1', password: PW('sup1') })
    const refused = await w.app.call('quarterly.rate', { personId: wangfang, year: 2026, quarter: 1, performance: 90, potential: 70, withoutSummary: true })
    expect(refused).toMatchObject({ ok: false, error: { code: 'QUARTER_CLOSED' } })
    await call(w.app, 'auth.logout')

    // HR records the correction; the sheet shows it with the reason, the row is marked amended.
    await signIn(page, 'hr1')
    await openQ1(page)
    await tid(page, `quarterly-amend-${wangfang}`).click()
    await tid(page, 'quarterly-performance').fill('78')
    await tid(page, 'quarterly-amend-reason').fill('经复核，3月执法检查记录漏计两件')
    await tid(page, 'quarterly-rate-submit').click()
    await expect.poll(() => tid(page, `quarterly-row-${wangfang}`).textContent()).toContain('已更正')
    expect(await tid(page, `quarterly-score-${wangfang}`).textContent()).toBe('78.00')
    await tid(page, `quarterly-amend-${wangfang}`).click()
    await expect.poll(() => tid(page, 'quarterly-amendments').textContent()).toContain('业绩 72 → 78')
    expect(await tid(page, 'quarterly-amendments').textContent()).toContain('漏计两件')
    await w.shot('63-quarterly-amendment')
  } finally {
    await w.close()
  }
})
