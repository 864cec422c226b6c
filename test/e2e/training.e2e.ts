import { expect, it } from 'vitest'
import type { KaoheApp } from '../../src/main/api/app'
import { demoTraining } from '../../src/main/core/demo/demoTraining'
import { openWorld, tid, signInDemo, signOut, closeToasts } from './harness'

/**
 * 培训辅导 in Chromium on the demo unit (plan §六(四), issue 10 item 6): HR sees the year's sessions,
 * schedules a workshop and records its attendance from pasted staff numbers, reads the report of
 * raters without the assessor training (kezhang, 0401) and enrols a person from a 2025 training
 * need; kezhang then sees the reminder on the quarterly peer-review screen. The screenshots in
 * docs/screenshots/training-* are these.
 */
const NOW = new Date('2026-12-02T09:00:00')

/** The demo's training story, unless the demo builder already wrote it. */
function ensureDemoTraining(app: KaoheApp) {
  const store = app.state.session!.store
  const n = store.first(store.qb.selectFrom('training_sessions').select((eb) => eb.fn.countAll<number>().as('n')))!.n
  if (Number(n) === 0) store.tx(() => demoTraining(store, { now: NOW }))
}

it('HR runs sessions, attendance, the report and enrolments; a rater without the training sees the reminder', async () => {
  const w = await openWorld({ demoIfEmpty: true, clock: () => NOW })
  const { page, app } = w
  try {
    await signInDemo(page, 'hr')
    ensureDemoTraining(app)
    await tid(page, 'nav-training').click()
    await tid(page, 'training-year').selectOption('2026')
    await tid(page, 'training-sessions').waitFor()
    expect(await tid(page, 'training-sessions').textContent()).toContain('考核标准解读与沟通技巧')
    await w.shot('training-1-sessions')

    // A new workshop, then its attendance from a pasted list.
    await tid(page, 'training-add').click()
    await tid(page, 'training-kind').click()
    await page.getByRole('option', { name: '案例教学' }).click()
    await tid(page, 'training-title').fill('案例教学：年度考核申诉案例研讨')
    await tid(page, 'training-date').fill('2026-11-26')
    await tid(page, 'training-hours').fill('2')
    await tid(page, 'training-trainer').fill('人事科 陈老师')
    await tid(page, 'training-location').fill('二楼培训室')
    await tid(page, 'training-save').click()
    await tid(page, 'training-add-form').waitFor({ state: 'detached' })
    const row = page.locator('[data-testid^="training-session-"]', { hasText: '年度考核申诉案例研讨' })
    await row.waitFor()
    await row.locator('[data-testid^="training-attend-"]').click()
    await tid(page, 'training-attendance-staffnos').fill('0402\n0403, 0404')
    await w.shot('training-2-attendance')
    await tid(page, 'training-attendance-save').click()
    await tid(page, 'training-attendance-form').waitFor({ state: 'detached' })
    await expect.poll(() => row.locator('td').nth(5).textContent()).toBe('3')

    // The raters without the assessor training: kezhang (0401).
    await tid(page, 'training-tab-report').click()
    await tid(page, 'training-missing').waitFor()
    expect(await tid(page, 'training-missing').locator('tbody tr').count()).toBe(1)
    expect(await tid(page, 'training-missing-0401').textContent()).toContain('直接上级')
    await closeToasts(page)
    await w.shot('training-3-report')

    // 2025 needs → an enrolment linked to the new session.
    await tid(page, 'training-tab-needs').click()
    await tid(page, 'training-needs').waitFor()
    const enrolButton = tid(page, 'training-needs').locator('[data-testid^="training-enrol-"]').first()
    const before = await tid(page, 'training-enrolments').locator('tbody tr').count()
    await enrolButton.click()
    await tid(page, 'training-enrol-session').click()
    await page.getByRole('option', { name: /年度考核申诉案例研讨/ }).click()
    await tid(page, 'training-enrol-save').click()
    await tid(page, 'training-enrol-form').waitFor({ state: 'detached' })
    await expect.poll(() => tid(page, 'training-enrolments').locator('tbody tr').count()).toBe(before + 1)
    expect(await tid(page, 'training-enrolments').textContent()).toContain('年度考核申诉案例研讨')
    await w.shot('training-4-needs')
    await signOut(page)

    // kezhang opens the peer-review screen of the quarter: the reminder is on it.
    await signInDemo(page, 'kezhang')
    await tid(page, 'nav-quarterly').click()
    await tid(page, 'quarterly-tab-peer').click()
    await tid(page, 'assessor-training-reminder').waitFor()
    expect(await tid(page, 'assessor-training-reminder').textContent()).toContain('您未参加。请联系人事科安排补训')
    await closeToasts(page)
    await w.shot('training-5-reminder')
  } finally {
    await w.close()
  }
}, 300_000)

it('shows the training page in English', async () => {
  const w = await openWorld({ demoIfEmpty: true, lang: 'en', clock: () => NOW })
  const { page, app } = w
  try {
    await signInDemo(page, 'hr')
    ensureDemoTraining(app)
    await tid(page, 'nav-training').click()
    await tid(page, 'training-year').selectOption('2026')
    await tid(page, 'training-tab-report').click()
    await tid(page, 'training-missing').waitFor()
    expect(await page.textContent('body')).toContain('Raters without assessor training')
    await w.shot('training-6-en')
  } finally {
    await w.close()
  }
}, 300_000)
