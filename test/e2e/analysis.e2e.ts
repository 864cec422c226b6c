import { expect, it } from 'vitest'
import type { AnalysisView } from '../../src/shared/analysis'
import { openWorld, tid, signInDemo, signOut } from './harness'

/**
 * 团队分析 in Chromium on the demo unit (issue 10 item 5): HR proposes the 2026 grades (the demo's
 * leadership sheets are submitted), opens 团队分析 and sees the department chart, the dimension
 * radar, the grade distribution, 短板岗位 and 薄弱环节, the rater-bias table with its offset bars and
 * scatter, and exports Excel; 2025 (final, from the demo's history) shows the 轮流坐庄 alert. A staff
 * member has no such page. Screenshots: docs/screenshots/analysis-*.png.
 */


it('HR and the leadership group see the team analysis with real charts; staff do not', async () => {
  let now = new Date()
  const w = await openWorld({ demoIfEmpty: true, clock: () => now })
  const { page, app } = w
  try {
    // The round is held in January of the following year.
    now = new Date('2027-01-18T09:00:00')
    await signInDemo(page, 'hr')
    expect((await app.call('democratic.close', { year: 2026 })).ok).toBe(true)
    expect((await app.call('annual.propose', { year: 2026 })).ok).toBe(true)
    const r = (await app.call('analysis.team', { year: 2026 })) as { ok: true; value: AnalysisView }
    expect(r.ok).toBe(true)

    await tid(page, 'nav-analysis').click()
    await tid(page, 'analysis-year').selectOption('2026')
    await tid(page, 'analysis-bias-table').waitFor()
    expect(await tid(page, 'analysis-departments-row').count()).toBe(r.value.departments.length)
    expect(await tid(page, 'analysis-bias-row').count()).toBe(r.value.bias.length)
    // The charts are drawn (recharts' SVG bars and the radar's polygon), not empty boxes.
    await expect.poll(() => tid(page, 'analysis-dept-chart').locator('.recharts-bar-rectangle').count()).toBe(r.value.departments.length)
    await expect.poll(() => tid(page, 'analysis-radar').locator('.recharts-polygon').count()).toBeGreaterThan(0)
    await expect.poll(() => tid(page, 'analysis-offset-chart').locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0)
    expect(await tid(page, 'analysis-short').textContent()).toContain(r.value.posts.find((p) => p.short)?.name ?? '没有')
    await w.shot('analysis-1-overview')

    await tid(page, 'analysis-grades').scrollIntoViewIfNeeded()
    await w.shot('analysis-2-grades-departments')
    await tid(page, 'analysis-tab-posts').click()
    await tid(page, 'analysis-posts').waitFor()
    await tid(page, 'analysis-posts').scrollIntoViewIfNeeded()
    await w.shot('analysis-3-posts')
    await tid(page, 'analysis-bias').scrollIntoViewIfNeeded()
    await w.shot('analysis-4-bias')

    // 导出 Excel: a workbook named for the year.
    const download = page.waitForEvent('download')
    await tid(page, 'analysis-export').click()
    expect((await download).suggestedFilename()).toBe('团队分析-2026.xlsx')
    // The screenshots leave out the export's toast.
    await page.addStyleTag({ content: '.mantine-Notifications-root { display: none !important; }' })

    // 2025 is final (the demo's history): the rotation window 2023–2025 flags a department.
    await tid(page, 'analysis-year').selectOption('2025')
    await tid(page, 'analysis-rotation').first().waitFor()
    const r25 = (await app.call('analysis.team', { year: 2025 })) as { ok: true; value: AnalysisView }
    expect(r25.value.rotation.length).toBeGreaterThan(0)
    expect(await tid(page, 'analysis-rotation').first().textContent()).toContain(r25.value.rotation[0]!.department)
    await tid(page, 'analysis-summary').evaluate((el) => el.scrollIntoView({ block: 'end' }))
    await w.shot('analysis-5-rotation-2025')

    // The same page in English.
    await tid(page, 'language-switch').getByText('English').click()
    await tid(page, 'analysis-year').selectOption('2026')
    await tid(page, 'analysis-bias-table').waitFor()
    await expect.poll(() => page.getByText('Rater bias').count()).toBeGreaterThan(0)
    await w.shot('analysis-6-english')
    await tid(page, 'language-switch').getByText('中文').click()

    // A staff member has no 团队分析, and the call is refused.
    await signOut(page)
    await signInDemo(page, 'staff')
    expect(await tid(page, 'nav-analysis').count()).toBe(0)
    expect(await app.call('analysis.team', { year: 2026 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  } finally {
    await w.close()
  }
})
