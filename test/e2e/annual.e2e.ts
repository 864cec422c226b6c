import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { AnnualRoundView } from '../../src/shared/annual'
import { openWorld, tid, signInDemo, signOut, closeToasts } from './harness'

/**
 * Issue 9's annual round in Chromium, on the demo unit's 2026 (ballots cast, sheets submitted,
 * reviews done, one boundary tie): HR proposes the grades; a leadership-group member resolves the
 * tie with reasons and makes one reasoned change; the head confirms; HR publishes and the end date
 * shows; the person sees their grade, and once publicity has ended their scores and 计算明细. The
 * screenshots in docs/screenshots/annual-* are these.
 */

async function openRound(page: Page) {
  await tid(page, 'nav-annual').click()
  await tid(page, 'annual-year').selectOption('2026')
  await tid(page, 'annual-dashboard').waitFor()
}

/** One decision in the 调整 modal: a grade and its reason. */
async function decide(page: Page, staffNo: string, grade: string, reason: string) {
  await tid(page, `annual-decide-${staffNo}`).click()
  await tid(page, 'annual-decide-grade').waitFor()
  await tid(page, 'annual-decide-grade').selectOption(grade)
  await tid(page, 'annual-decide-reason').fill(reason)
  await tid(page, 'annual-decide-save').click()
  await tid(page, 'annual-decide-grade').waitFor({ state: 'detached' })
  await expect.poll(() => tid(page, `annual-grade-${staffNo}`).textContent()).toContain(grade)
}

it('HR proposes; the group resolves the tie and changes one grade with reasons; the head confirms; HR publishes; the person sees the result', async () => {
  let now = new Date()
  const w = await openWorld({ demoIfEmpty: true, clock: () => now })
  const { page, app } = w
  try {
    // HR: nothing blocks grading on the demo's 2026; proposing shows the ranking with the tie.
    await signInDemo(page, 'hr')
    await openRound(page)
    // The demo leaves its 民主测评 open (ballots cast): the one blocker, with a link to close it.
    await expect.poll(() => tid(page, 'annual-blockers').textContent()).toContain('民主测评尚未结束')
    expect(await tid(page, 'annual-blockers').locator('li').count()).toBe(1)
    expect(await tid(page, 'annual-propose').isDisabled()).toBe(true)
    await w.shot('annual-0-blocked')
    await tid(page, 'annual-blocker-link-DEMOCRATIC_ROUND_OPEN').click()
    await tid(page, 'democratic-close').click()
    await expect.poll(() => tid(page, 'democratic-status').textContent()).toBe('已结束')
    await openRound(page)
    await tid(page, 'annual-no-blockers').waitFor()
    expect(await tid(page, 'annual-stepper').getAttribute('data-stage')).toBe('open')
    await w.shot('annual-1-dashboard')
    await tid(page, 'annual-propose').click()
    await tid(page, 'annual-table').waitFor()
    await expect.poll(() => tid(page, 'annual-tie-banner').textContent()).toContain('名额线上并列，须由领导小组决定')
    await tid(page, 'annual-quota-line').waitFor()
    const round = (await app.call('annual.round', { year: 2026 })) as { ok: true; value: AnnualRoundView }
    expect(round.ok).toBe(true)
    const tied = round.value.people.filter((p) => p.proposed === 'TIE')
    expect(tied.length).toBeGreaterThanOrEqual(2)
    // One graded, eligible person proposed 称职 and not in the tie: the group's one reasoned change.
    // (not one of the demo's signed-in accounts: no member changes their own grade here)
    const accounts = ['0001', '0002', '0003', '0201', '0401', '0402']
    const changed = round.value.people.find((p) => p.status === 'graded' && !p.forced && p.proposed === '称职' && !accounts.includes(p.staffNo))!
    expect(changed).toBeTruthy()
    expect(await tid(page, 'annual-excellent-count').textContent()).toBe(`优秀 ${round.value.excellentCount} / ${round.value.K}`)
    await closeToasts(page)
    await tid(page, 'annual-proposal').evaluate((el) => {
      el.scrollIntoView({ block: 'start' })
      el.ownerDocument.defaultView?.scrollBy(0, -84) // below the shell's header
    })
    await w.shot('annual-2-proposal')
    // 计算明细 of one tied person, in a drawer.
    await tid(page, `annual-explain-${tied[0]!.staffNo}`).click()
    await expect.poll(() => tid(page, 'annual-explain-lines').textContent()).toContain(tied[0]!.name)
    await w.shot('annual-2b-explain')
    await page.keyboard.press('Escape')
    await tid(page, 'annual-explain-lines').waitFor({ state: 'detached' })
    // A veto shows its reason on hover (the demo's V1: 不称职 last year).
    const vetoed = round.value.people.find((p) => p.vetoes.length > 0)!
    expect(vetoed).toBeTruthy()
    const veto = tid(page, `annual-veto-${vetoed.staffNo}-${vetoed.vetoes[0]}`)
    await veto.evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await veto.hover()
    await page.getByRole('tooltip').waitFor()
    await w.shot('annual-2c-veto')
    await signOut(page)

    // A leadership-group member: the tie is decided (one 优秀, the others 称职), then one change.
    await signInDemo(page, 'leader')
    await openRound(page)
    await decide(page, tied[0]!.staffNo, '优秀', '并列人员中全年承担重大任务最多，领导小组决定评为优秀')
    for (const p of tied.slice(1)) await decide(page, p.staffNo, '称职', '名额线上并列，领导小组决定为称职')
    await tid(page, `annual-decide-${changed.staffNo}`).click()
    await tid(page, 'annual-decide-grade').selectOption('基本称职')
    await tid(page, 'annual-decide-reason').fill('全年两次迟报重大事项，领导小组决定调整为基本称职')
    await closeToasts(page)
    await w.shot('annual-3-decide')
    await tid(page, 'annual-decide-save').click()
    await tid(page, 'annual-decide-grade').waitFor({ state: 'detached' })
    await expect.poll(() => tid(page, `annual-grade-${changed.staffNo}`).textContent()).toContain('基本称职')
    await expect.poll(() => tid(page, 'annual-tie-banner').textContent()).toContain('已由领导小组决定')
    expect(await tid(page, 'annual-confirm').count()).toBe(0)
    await signOut(page)

    // The head confirms.
    await signInDemo(page, 'head')
    await openRound(page)
    await expect.poll(() => tid(page, 'annual-confirm').isDisabled()).toBe(false)
    await tid(page, 'annual-proposal').evaluate((el) => {
      el.scrollIntoView({ block: 'start' })
      el.ownerDocument.defaultView?.scrollBy(0, -84) // below the shell's header
    })
    await closeToasts(page)
    await w.shot('annual-4-confirm')
    await tid(page, 'annual-confirm').click()
    await tid(page, 'confirm-ok').click()
    await expect.poll(() => tid(page, 'annual-stepper').getAttribute('data-stage')).toBe('confirmed')
    await signOut(page)

    // HR publishes from today; the computed end date shows.
    await signInDemo(page, 'hr')
    await openRound(page)
    await tid(page, 'annual-publish').click()
    await tid(page, 'confirm-ok').click()
    await expect.poll(() => tid(page, 'annual-publicity-until').textContent()).toMatch(/公示期：\d{4}年\d{1,2}月\d{1,2}日 至 \d{4}年\d{1,2}月\d{1,2}日/)
    const published = (await app.call('annual.round', { year: 2026 })) as { ok: true; value: AnnualRoundView }
    const until = published.value.publicity!.until
    await closeToasts(page)
    await w.shot('annual-5-published')
    await signOut(page)

    // The officer (0402): everyone's grades in publicity, the end date, and their own grade.
    await signInDemo(page, 'staff')
    await tid(page, 'nav-annual-results').click()
    await tid(page, 'annual-published-year').selectOption('2026')
    await expect.poll(() => page.getByTestId(/^annual-published-\d+$/).count()).toBeGreaterThan(10)
    await tid(page, 'annual-object').waitFor()
    await closeToasts(page)
    await w.shot('annual-6-results')
    const own = published.value.people.find((p) => p.staffNo === '0402')!
    const gradeWord = { 优秀: '优秀', 称职: '称职', 基本称职: '基本称职', 不称职: '不称职', 不定等次: '不定等次', 待定: '待定', TIE: '并列待定' }[own.grade]
    await tid(page, 'nav-annual-mine').click()
    await tid(page, 'annual-mine-year').selectOption('2026')
    await expect.poll(() => tid(page, 'annual-mine-grade').textContent()).toBe(gradeWord)
    await tid(page, 'annual-mine-later').waitFor()
    await closeToasts(page)
    await w.shot('annual-7-mine-publicity')
    await signOut(page)

    // After the publicity's last day the grades are final: the officer sees T, channels, the profile.
    now = new Date(`${until}T12:00:00`)
    now.setDate(now.getDate() + 1)
    await signInDemo(page, 'staff')
    await tid(page, 'nav-annual-mine').click()
    await tid(page, 'annual-mine-year').selectOption('2026')
    await tid(page, 'annual-mine-scores').waitFor()
    await expect.poll(() => tid(page, 'annual-mine-t').textContent()).toMatch(/^\d+\.\d{2}$/)
    await page.locator('[data-testid="annual-mine-radar"] svg').first().waitFor()
    expect(await tid(page, 'annual-mine-explain').textContent()).toBeTruthy()
    await closeToasts(page)
    await w.shot('annual-8-mine-final')
  } finally {
    await w.close()
  }
})
