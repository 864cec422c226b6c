import { expect, it } from 'vitest'
import type { BonusTable, OutcomeLists } from '../../src/shared/outcomes'
import { yuan } from '../../src/shared/outcomes'
import { openWorld, tid, signInDemo, signOut } from './harness'

/**
 * 结果应用 in Chromium on the demo unit's final 2025 round (issue 10 item 3): HR creates the
 * follow-ups, enters the bonus base and budget, sees the table against the budget and exports Excel,
 * looks at the follow-ups, the commendation list and talent pool and the flags; the unit head
 * completes an 诫勉谈话 with a note; staff see no bonus table; the policy page shows the new
 * sections. Screenshots: docs/screenshots/outcomes-*.png.
 */

const grouped = (fen: number) => `¥${yuan(fen).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`

it('HR runs the bonus table and follow-ups, the head completes one, staff see no bonus', async () => {
  const now = new Date('2026-12-02T09:00:00')
  const w = await openWorld({ demoIfEmpty: true, clock: () => now })
  const { page, app } = w
  try {
    await signInDemo(page, 'hr')
    await page.addStyleTag({ content: '.mantine-Notifications-root { display: none !important; }' })
    await tid(page, 'nav-outcomes').click()
    await tid(page, 'outcomes-year').selectOption('2025')
    await tid(page, 'outcomes-generate').click()
    await tid(page, 'bonus-base').fill('12000')
    await tid(page, 'bonus-budget').fill('600000')
    await tid(page, 'bonus-save').click()
    await expect.poll(async () => ((await app.call('outcomes.bonus', { year: 2025 })) as { ok: true; value: BonusTable }).value.baseFen).toBe(1_200_000)
    const t = ((await app.call('outcomes.bonus', { year: 2025 })) as { ok: true; value: BonusTable }).value
    expect(t.budgetFen).toBe(60_000_000)
    await expect.poll(() => tid(page, 'bonus-total').textContent()).toContain(grouped(t.totalFen))
    expect(await tid(page, 'bonus-table').locator('tbody tr').count()).toBe(t.rows.length)
    await w.shot('outcomes-1-bonus')
    const download = page.waitForEvent('download')
    await tid(page, 'bonus-export').click()
    expect((await download).suggestedFilename()).toBe('2025年度考核奖金表.xlsx')

    await tid(page, 'outcomes-tab-followups').click()
    await tid(page, 'followups-table').waitFor()
    await w.shot('outcomes-2-followups')
    await tid(page, 'outcomes-tab-lists').click()
    await tid(page, 'talent-pool').waitFor()
    await w.shot('outcomes-3-lists')
    await tid(page, 'outcomes-tab-flags').click()
    await tid(page, 'flags-table').waitFor()
    const lists = ((await app.call('outcomes.lists', { year: 2025 })) as { ok: true; value: OutcomeLists }).value
    const merit = lists.flagged.find((f) => f.flags.merit)!
    const dismissal = lists.flagged.find((f) => f.flags.dismissal)!
    await tid(page, `flag-merit-${merit.staffNo}`).waitFor()
    await tid(page, `flag-dismissal-${dismissal.staffNo}`).waitFor()
    await w.shot('outcomes-4-flags')

    // The policy page shows the results and appeals sections.
    await tid(page, 'nav-policy').click()
    await tid(page, 'policy-results').scrollIntoViewIfNeeded()
    expect(await tid(page, 'policy-results').textContent()).toContain('120%')
    expect(await tid(page, 'policy-appeals').textContent()).toContain('申请复核期限')
    await w.shot('outcomes-5-policy')

    // The unit head completes an 诫勉谈话 with a note.
    await signOut(page)
    await signInDemo(page, 'head')
    await page.addStyleTag({ content: '.mantine-Notifications-root { display: none !important; }' })
    await tid(page, 'nav-outcomes').click()
    await tid(page, 'outcomes-year').selectOption('2025')
    await tid(page, 'outcomes-tab-followups').click()
    await tid(page, 'followups-kind').click()
    await page.getByRole('option', { name: '诫勉谈话' }).click()
    const button = page.locator('[data-testid^="followup-complete-"]').first()
    await button.waitFor()
    const id = Number((await button.getAttribute('data-testid'))!.replace('followup-complete-', ''))
    await button.click()
    await tid(page, 'followup-note').fill('已进行诫勉谈话，本人表示接受，制定了整改措施')
    await w.shot('outcomes-6-complete')
    await tid(page, 'followup-submit').click()
    await expect.poll(() => tid(page, `followup-${id}`).textContent()).toContain('已完成')
    expect(await tid(page, `followup-complete-${id}`).count()).toBe(0)

    // English, one screen.
    await tid(page, 'language-switch').getByText('English').click()
    await expect.poll(() => page.getByText('Admonition talk').count()).toBeGreaterThan(0)
    await w.shot('outcomes-7-english')
    await tid(page, 'language-switch').getByText('中文').click()

    // Staff: no bonus tab, and the call is refused.
    await signOut(page)
    await signInDemo(page, 'staff')
    await tid(page, 'nav-outcomes').click()
    await tid(page, 'outcomes-tab-followups').waitFor()
    expect(await tid(page, 'outcomes-tab-bonus').count()).toBe(0)
    expect(await app.call('outcomes.bonus', { year: 2025 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  } finally {
    await w.close()
  }
})
