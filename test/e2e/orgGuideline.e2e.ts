import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { openWorld, SCREENSHOTS, tid, signInDemo, signOut } from './harness'

/**
 * Issue 3's walk in Chromium on the demo unit: HR imports a roster with one bad row and sees the
 * row-level error, fixes the file and imports; drafts the 2027 guideline, sets 绩 below 40 for 综合管理,
 * sees the P2 error, fixes it and saves; the head publishes and sees the publicity end date; the
 * published guideline prints as an A4 PDF.
 */



const HEADER = '工号,姓名,科室,岗位,岗位类别,职级,直接主管工号,风险岗位,在职状态,入职日期'
const rows = (category: string) => [
  HEADER,
  '0701,钱进,政策法规科,科长,综合管理,一级主任科员,0001,否,在职,2015-03-01',
  `0702,冯雪,政策法规科,法制审核,${category},二级科员,0701,否,在职,2021-09-01`,
  '0703,陈晨,政策法规科,法制审核,综合管理,一级科员,0701,否,试用期,2026-08-01',
].join('\r\n')

it('roster with a bad row, fixed and imported; guideline P2 error fixed, published, printed', async () => {
  const w = await openWorld({ demoIfEmpty: true })
  const { page } = w
  const files = mkdtempSync(join(tmpdir(), 'kaohe-e2e-files-'))
  try {
    await signInDemo(page, 'hr')

    // A roster with one bad cell: the preview names row, column and reason; import stays off.
    const bad = join(files, '花名册.csv')
    writeFileSync(bad, `\uFEFF${rows('后勤类')}`)
    await tid(page, 'nav-roster').click()
    await page.setInputFiles('[data-testid="roster-file"]', bad)
    await tid(page, 'roster-preview-button').click()
    await tid(page, 'roster-blocked').waitFor()
    const errorRow = tid(page, 'roster-error-row-3-0')
    await expect.poll(() => errorRow.textContent()).toContain('岗位类别')
    expect(await errorRow.textContent()).toContain('后勤类')
    expect(await tid(page, 'roster-import-button').isDisabled()).toBe(true)
    await w.shot('30-roster-error')

    // Fixed and saved again, the file imports.
    const fixed = join(files, '花名册（修正）.csv')
    writeFileSync(fixed, `\uFEFF${rows('综合管理')}`)
    await page.setInputFiles('[data-testid="roster-file"]', fixed)
    await tid(page, 'roster-preview-button').click()
    await expect.poll(() => tid(page, 'roster-import-button').isDisabled()).toBe(false)
    await tid(page, 'roster-import-button').click()
    await tid(page, 'confirm-ok').click()
    await tid(page, 'roster-result').waitFor()
    expect(await tid(page, 'roster-result').textContent()).toMatch(/3/)
    await w.shot('31-roster-imported')
    await tid(page, 'nav-org').click()
    await tid(page, 'person-row-0702').waitFor()
    await w.shot('32-org-people')

    // The 2027 guideline: a first draft from the defaults, 绩 set below 40 → P2, then fixed.
    await tid(page, 'nav-guideline').click()
    await tid(page, 'guideline-year').selectOption('2027')
    await tid(page, 'guideline-start-revision').click()
    await tid(page, 'guideline-draft').waitFor()
    const ji = page.locator('input[data-path="categories.general.dimensions.ji.weight"]')
    await ji.fill('35')
    await tid(page, 'guideline-violation-P2').first().waitFor()
    expect(await tid(page, 'guideline-violations').textContent()).toMatch(/40/)
    await w.shot('33-guideline-p2-error')
    // Back to 40 the error goes, and the draft equals the saved one (nothing left to save).
    await ji.fill('40')
    await expect.poll(() => tid(page, 'guideline-violation-P2').count()).toBe(0)
    await expect.poll(() => tid(page, 'guideline-dirty').count()).toBe(0)
    await signOut(page)

    // The head publishes; the publicity period and its end date show.
    await signInDemo(page, 'head')
    await tid(page, 'nav-guideline').click()
    await tid(page, 'guideline-year').selectOption('2027')
    await tid(page, 'guideline-publish').click()
    await tid(page, 'confirm-ok').click()
    await tid(page, 'guideline-publicity').waitFor()
    const publicity = (await tid(page, 'guideline-publicity').textContent()) ?? ''
    expect(publicity).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/)
    await w.shot('34-guideline-published')

    // Print: the A4 document through Chromium's print.
    await tid(page, 'guideline-print').click()
    await tid(page, 'guideline-document').waitFor()
    await w.shot('35-guideline-print-view')
    const pdf = join(files, 'guideline.pdf')
    await page.emulateMedia({ media: 'print' })
    await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true })
    const bytes = readFileSync(pdf)
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    expect((bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(0)
    if (existsSync('/usr/bin/pdftoppm')) {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(SCREENSHOTS, '36-guideline-a4-page1')])
    }
  } finally {
    rmSync(files, { recursive: true, force: true })
    await w.close()
  }
})

it('the calendar year view and the policy page', async () => {
  const w = await openWorld({ demoIfEmpty: true })
  const { page } = w
  try {
    await signInDemo(page, 'hr')
    await tid(page, 'nav-calendar').click()
    await tid(page, 'calendar-grid').waitFor()
    // 2026-10-01 is 国庆节: a holiday in the year view.
    expect(await tid(page, 'cal-day-2026-10-01').getAttribute('title')).toContain('国庆')
    await w.shot('37-calendar-2026')
    await tid(page, 'nav-policy').click()
    await tid(page, 'policy-constraints').waitFor()
    await w.shot('38-policy')
    await tid(page, 'nav-org').click()
    await tid(page, 'org-tab-leadership').click()
    await w.shot('39-leadership')
  } finally {
    await w.close()
  }
})
