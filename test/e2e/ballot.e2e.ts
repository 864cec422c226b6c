import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { KaoheApp } from '../../src/main/api/app'
import { openWorld } from './harness'

/**
 * Issue 9's democratic evaluation in Chromium: HR opens the 2026 round and issues codes on the
 * page, starts the ballot kiosk; voters vote with their codes on one screen; a used code is refused;
 * HR leaves the kiosk with the password, closes the round and sees the aggregate.
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

async function setUp(app: KaoheApp) {
  const admin = (username: string) => ({ username, displayName: username, password: `${username}-First-1` })
  await call(app, 'setup.initialize', { unitName: '青山县市场监督管理局', unitCode: 'QS', sysadmin: admin('sys'), secadmin: admin('sec'), auditor: admin('aud') })
  await firstSignIn(app, 'sys', 'sys-First-1')
  const hr = (await call(app, 'users.add', { username: 'hr1', displayName: '人事', password: 'hr1-First-1' })) as { id: number }
  await firstSignIn(app, 'sec', 'sec-First-1')
  await call(app, 'roles.grant', { userId: hr.id, role: 'hr' })
  await firstSignIn(app, 'hr1', 'hr1-First-1')
  const roster = [
    '工号,姓名,科室,岗位,岗位类别',
    '0101,李强,综合执法大队,大队长,行政执法',
    '0102,王芳,综合执法大队,执法队员,行政执法',
    '0103,赵磊,综合执法大队,执法队员,行政执法',
    '0201,孙浩,办公室,主任,综合管理',
    '0202,周敏,办公室,科员,综合管理',
  ].join('\n')
  await call(app, 'org.roster.import', { fileName: 'roster.csv', contentBase64: Buffer.from(roster).toString('base64') })
  const people = (await call(app, 'org.people.list', {})) as { id: number; staffNo: string }[]
  await call(app, 'auth.logout')
  return (no: string) => people.find((p) => p.staffNo === no)!.id
}

async function vote(page: Page, code: string, cells: [number, string, string][]) {
  await tid(page, 'ballot-code').fill(code)
  await tid(page, 'ballot-begin').click()
  await tid(page, 'ballot-sheet').waitFor()
  for (const [personId, dimension, level] of cells) await tid(page, `ballot-cell-${personId}-${dimension}`).locator('label', { hasText: new RegExp(`^${level}$`) }).click()
}

it('a voter votes with a code at the kiosk, the code cannot be used twice, HR sees the aggregate', async () => {
  const w = await openWorld({ clock: () => new Date('2026-11-20T02:00:00Z') })
  const { page } = w
  try {
    const person = await setUp(w.app)
    await page.reload()
    await tid(page, 'login-username').fill('hr1')
    await tid(page, 'login-password').fill(PW('hr1'))
    await tid(page, 'login-submit').click()
    await tid(page, 'shell-user').waitFor()

    // HR opens the round and issues 3 colleague codes and 1 representative code.
    await tid(page, 'nav-democratic').click()
    await tid(page, 'democratic-open').click()
    await expect.poll(() => tid(page, 'democratic-status').textContent()).toBe('进行中')
    await tid(page, 'democratic-colleagues').fill('3')
    await tid(page, 'democratic-representatives').fill('1')
    await tid(page, 'democratic-issue').click()
    await tid(page, 'democratic-issued').waitFor()
    const codes = await tid(page, 'democratic-issued-codes').locator('code').allTextContents()
    expect(codes).toHaveLength(4)
    await w.shot('democratic-1-codes')
    await page.keyboard.press('Escape')
    await expect.poll(() => tid(page, 'democratic-codes-colleague').textContent()).toContain('0 / 3 已投')
    await w.shot('democratic-2-round')

    // The ballot kiosk: one screen, every person, 5 dimensions × 4 levels, a progress count.
    await tid(page, 'democratic-kiosk-start').click()
    await tid(page, 'ballot-code').waitFor()
    await w.shot('democratic-3-kiosk-code')
    const li = person('0101')
    const wang = person('0102')
    await vote(page, codes[0]!, [[li, 'de', '优秀'], [li, 'ji', '称职'], [wang, 'qin', '基本称职']])
    await expect.poll(() => tid(page, 'ballot-progress').textContent()).toBe('已评 2 / 5 人')
    await w.shot('democratic-4-kiosk-ballot')
    await tid(page, 'ballot-submit').click()
    await tid(page, 'ballot-thanks').waitFor()
    await tid(page, 'ballot-code').waitFor({ timeout: 10_000 })
    for (const code of codes.slice(1)) {
      await vote(page, code, [[li, 'de', '称职']])
      await tid(page, 'ballot-submit').click()
      await tid(page, 'ballot-thanks').waitFor()
      await tid(page, 'ballot-code').waitFor({ timeout: 10_000 })
    }
    // A used code is refused, and no ballot opens.
    await tid(page, 'ballot-code').fill(codes[0]!)
    await tid(page, 'ballot-begin').click()
    await expect.poll(() => tid(page, 'ballot-error').textContent()).toContain('此票码已经投过票')
    expect(await tid(page, 'ballot-sheet').count()).toBe(0)

    // HR leaves the kiosk with the password, closes the round and reads the aggregate.
    await tid(page, 'kiosk-exit').click()
    await tid(page, 'kiosk-exit-password').fill(PW('hr1'))
    await tid(page, 'kiosk-exit-submit').click()
    await tid(page, 'shell-user').waitFor()
    await tid(page, 'nav-democratic').click()
    await expect.poll(() => tid(page, 'democratic-codes-colleague').textContent()).toContain('3 / 3 已投')
    await tid(page, 'democratic-close').click()
    await expect.poll(() => tid(page, 'democratic-status').textContent()).toBe('已结束')
    const row = tid(page, 'democratic-aggregate-0101')
    await row.waitFor()
    expect(await row.textContent()).toContain('优1 称3 基0 不0')
    // 王芳 was rated on one ballot only: fewer than minBallots, not shown.
    expect(await tid(page, 'democratic-aggregate-0102').count()).toBe(0)
    await w.shot('democratic-5-aggregate')
  } finally {
    await w.close()
  }
})
