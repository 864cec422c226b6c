import { expect, it } from 'vitest'
import { localDate } from '../../src/shared/dates'
import { closeRound } from '../../src/main/core/democratic/round'
import { confirm, decide, propose, publish } from '../../src/main/core/annual/round'
import { trainingNeeds } from '../../src/main/core/archive'
import { openWorld, tid, signInDemo, signOut, closeToasts } from './harness'

/**
 * 成长档案 in Chromium on the demo unit: its 2024 and 2025 are final; 2026 is taken to final here
 * through the annual round's own functions (the annual e2e walks that round on screen), so the
 * archive shows three graded years and 2023's recorded grade. HR picks a person, sees the timeline,
 * the T and dimension charts and the tables, exports the PDF, and edits the suggestion table; the
 * person sees only their own. The screenshots in docs/screenshots/archive-* are these.
 */


it('HR reads a growth archive across 2023–2026, exports it, edits a suggestion; the person sees their own', async () => {
  let now = new Date('2027-01-18T09:00:00')
  const w = await openWorld({ demoIfEmpty: true, clock: () => now })
  const { page, app } = w
  try {
    await signInDemo(page, 'hr')
    // 2026 to final: close the ballots, propose, decide the tie, confirm, publish; the clock passes the publicity.
    const store = app.state.session!.store
    const user = app.state.session!.user.id
    const today = localDate(now)
    closeRound(store, 2026, { actorId: user, now })
    const proposed = propose(store, 2026, user, now, today)
    const tie = proposed.boundaryTie ?? []
    if (tie.length) {
      const id = (staffNo: string) => proposed.people.find((p) => p.staffNo === staffNo)!.personId
      decide(store, 2026, tie.map((t, i) => ({ personId: id(t.staffNo), grade: i === 0 ? '优秀' : '称职', reason: '并列，领导小组评议' })), user, now, today)
    }
    confirm(store, 2026, user, now, today)
    const published = publish(store, 2026, today, user, now, today)
    const later = new Date(`${published.publicity!.until}T09:00:00`)
    later.setDate(later.getDate() + 2)
    // The person shown: the first with a training need in a final year (the demo plants weak people).
    const needy = [2026, 2025, 2024].flatMap((y) => trainingNeeds(store, y, undefined, localDate(later)))[0]
    expect(needy).toBeDefined()
    const staffNo = store.first(store.qb.selectFrom('people').select('staff_no').where('id', '=', needy!.personId))!.staff_no
    await signOut(page)
    now = later

    await signInDemo(page, 'hr')
    await tid(page, 'nav-archive').click()
    await tid(page, 'archive-person').click()
    await tid(page, 'archive-person').fill(staffNo)
    await page.getByRole('option', { name: new RegExp(staffNo) }).click()
    await tid(page, 'archive-view').waitFor()
    await expect.poll(() => tid(page, 'archive-years').locator('tbody tr').count()).toBeGreaterThanOrEqual(3)
    expect(await tid(page, 'archive-years').textContent()).toContain('2026')
    await expect.poll(() => tid(page, 'archive-needs').locator('tbody tr').count()).toBeGreaterThan(0)
    expect(await tid(page, 'archive-needs').textContent()).toContain(needy!.suggestion.slice(0, 6))
    // The charts draw real lines: T and the channels, the five dimensions.
    await expect.poll(() => tid(page, 'archive-t-chart').locator('path.recharts-line-curve').count()).toBe(4)
    await expect.poll(() => tid(page, 'archive-dim-chart').locator('path.recharts-line-curve').count()).toBe(5)
    const d = await tid(page, 'archive-t-chart').locator('path.recharts-line-curve').first().getAttribute('d')
    expect(d).toMatch(/^M[\d.]+,[\d.]+L/)
    await w.shot('archive-1-person')
    await page.mouse.wheel(0, 700)
    await w.shot('archive-2-tables')

    // 导出 PDF: a download named by staff number.
    const [download] = await Promise.all([page.waitForEvent('download'), tid(page, 'archive-print').click()])
    expect(download.suggestedFilename()).toContain(staffNo)

    // The suggestion table: HR edits 创新攻坚's suggestion.
    await page.mouse.wheel(0, -2000)
    await tid(page, 'archive-tab-suggestions').click()
    await tid(page, 'suggestion-innovation-text').fill('到省级试点单位跟班学习三个月')
    await tid(page, 'suggestion-innovation-save').click()
    await expect.poll(() => tid(page, 'suggestion-innovation').textContent()).toContain(String(now.getFullYear()))
    await closeToasts(page)
    await w.shot('archive-3-suggestions')
    await signOut(page)

    // The person: only their own archive, picked for them.
    await signInDemo(page, 'staff')
    await tid(page, 'nav-archive').click()
    await tid(page, 'archive-view').waitFor()
    expect(await tid(page, 'archive-name').textContent()).toBeTruthy()
    await tid(page, 'archive-person').click()
    expect(await page.getByRole('option').count()).toBe(1)
    await page.keyboard.press('Escape')
    await w.shot('archive-4-own')
    await signOut(page)
  } finally {
    await w.close()
  }
}, 300_000)

it('shows the archive in English', async () => {
  const w = await openWorld({ demoIfEmpty: true, lang: 'en', clock: () => new Date('2026-12-02T09:00:00') })
  const { page } = w
  try {
    await signInDemo(page, 'staff')
    await tid(page, 'nav-archive').click()
    await tid(page, 'archive-view').waitFor()
    await expect.poll(() => tid(page, 'archive-dim-chart').locator('path.recharts-line-curve').count()).toBe(5)
    expect(await page.textContent('body')).toContain('Growth archive')
    await w.shot('archive-5-en')
  } finally {
    await w.close()
  }
}, 300_000)
