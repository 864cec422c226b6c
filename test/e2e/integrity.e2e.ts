import { expect, it } from 'vitest'
import { openWorld, tid, signInDemo, signOut } from './harness'

/**
 * Brief C in Chromium on the demo unit: a staff member reports a concern; the discipline office
 * completes a risk-post person's special integrity review and sees the lead; a leadership group
 * member fills in an evaluation sheet beside its evidence. Screenshots: docs/screenshots/7x-*.
 */


it('the discipline office completes a review; a lead reaches only the office; a member reads a locked sheet beside its evidence', async () => {
  const w = await openWorld({ demoIfEmpty: true })
  const { page } = w
  try {
    // The discipline head signs in first: the unit's T3 key is made at that sign-in.
    await signInDemo(page, 'jijian')
    // The office's recovery code is shown once, at that sign-in.
    await tid(page, 'notice-t3-code').waitFor()
    await tid(page, 'notice-ok').click()
    await tid(page, 'nav-integrity').click()
    await expect.poll(() => page.getByTestId(/^review-row-/).count()).toBeGreaterThan(5)
    await w.shot('70-integrity-reviews')
    const firstRisk = page.getByTestId(/^review-record-/).first()
    await firstRisk.click()
    await tid(page, 'review-status').click()
    await page.getByRole('option', { name: '已完成' }).click()
    await tid(page, 'review-finding').click()
    await page.getByRole('option', { name: '无问题' }).click()
    await tid(page, 'review-details').fill('调阅执法记录与案卷，未发现问题')
    await w.shot('71-integrity-record-review')
    await tid(page, 'review-save').click()
    await expect.poll(() => page.getByText('调阅执法记录与案卷，未发现问题').count()).toBe(1)
    await expect.poll(() => page.getByText('无问题').count()).toBeGreaterThan(0)
    await tid(page, 'integrity-tab-sanctions').click()
    await tid(page, 'sanctions-table').waitFor()
    await tid(page, 'sanction-person').click()
    await page.getByRole('option', { name: /0405/ }).click()
    await tid(page, 'sanction-name').click()
    await page.getByRole('option', { name: /^诫勉/ }).click()
    await tid(page, 'sanction-add').click()
    await expect.poll(() => tid(page, 'sanctions-table').locator('tbody tr').count()).toBe(1)
    await w.shot('72-integrity-sanctions')
    await signOut(page)

    // A staff member reports a concern, anonymously.
    await signInDemo(page, 'staff')
    await tid(page, 'nav-report-lead').click()
    await tid(page, 'lead-text').fill('反映某窗口人员办事时吃拿卡要')
    await tid(page, 'lead-submit').click()
    await tid(page, 'lead-done').waitFor()
    await w.shot('73-report-lead')
    await expect.poll(() => page.getByTestId('nav-integrity').count()).toBe(0)
    await signOut(page)

    // Only the office reads it.
    await signInDemo(page, 'jijian')
    await tid(page, 'nav-integrity').click()
    await tid(page, 'integrity-tab-leads').click()
    await expect.poll(() => page.getByText('反映某窗口人员办事时吃拿卡要').count()).toBe(1)
    await w.shot('74-integrity-leads')
    await signOut(page)

    // HR sees the outcome only.
    await signInDemo(page, 'hr')
    await tid(page, 'nav-integrity').click()
    await tid(page, 'reviews-table').waitFor()
    await expect.poll(() => page.getByText('无问题').count()).toBeGreaterThan(0)
    expect(await page.getByText('调阅执法记录与案卷，未发现问题').count()).toBe(0)
    await tid(page, 'nav-leadership').click()
    await tid(page, 'sheets-tab-progress').click()
    await tid(page, 'sheets-open').click()
    await tid(page, 'sheets-recusals').waitFor()
    await w.shot('75-sheets-progress')
    await signOut(page)

    // The head reads a sheet beside its evidence: the demo's 2026 sheets were imported from the
    // meeting, so they are submitted and locked.
    await signInDemo(page, 'head')
    await tid(page, 'nav-leadership').click()
    await expect.poll(() => tid(page, 'sheets-progress').textContent()).toMatch(/已提交 \d+ \/ \d+/)
    await tid(page, 'sheets-person-0402').click()
    await tid(page, 'sheet-evidence').waitFor()
    await tid(page, 'sheet-locked').waitFor()
    expect(await tid(page, 'sheet-score-political_stance').isDisabled()).toBe(true)
    expect(await tid(page, 'sheet-submit').count()).toBe(0)
    await w.shot('76-sheet-evidence')
  } finally {
    await w.close()
  }
}, 240_000)
