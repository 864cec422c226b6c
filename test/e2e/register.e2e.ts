import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openWorld, tid, signInDemo, signOut, closeToasts } from './harness'

/**
 * 《公务员年度考核登记表》 in Chromium on the demo unit's final 2025: the person writes their 个人总结
 * (draft, then 提交), their supervisor adds the comment and suggested grade, HR sees the list and
 * prints every form to one PDF whose text is real. The screenshots docs/screenshots/register-* are these.
 */

async function openRegister(page: Page) {
  await tid(page, 'nav-register').click()
  await tid(page, 'register-year').selectOption('2025')
}

it('the person writes and submits the summary, the supervisor comments, HR prints every form', async () => {
  const w = await openWorld({ demoIfEmpty: true })
  const { page } = w
  const out = mkdtempSync(join(tmpdir(), 'kaohe-e2e-register-'))
  try {
    await signInDemo(page, 'staff')
    await openRegister(page)
    await tid(page, 'register-form').waitFor()
    await expect.poll(() => tid(page, 'register-grade').textContent()).toMatch(/优秀|称职/)
    const summary = '2025 年，本人认真履行市场监管职责，全年完成日常巡查 160 户次，办结投诉 45 件，无一差错。'
    await tid(page, 'register-text-summary').fill(summary)
    await tid(page, 'register-save-summary').click()
    await expect.poll(() => tid(page, 'register-status-summary').textContent()).toBe('草稿')
    await tid(page, 'register-text-duties').fill('市场巡查与投诉处理')
    await tid(page, 'register-submit-duties').click()
    await tid(page, 'register-submit-summary').click()
    await expect.poll(() => tid(page, 'register-status-summary').textContent()).toBe('已提交')
    await expect.poll(() => tid(page, 'register-view-summary').textContent()).toContain('160 户次')
    await closeToasts(page)
    await w.shot('register-1-mine')
    await signOut(page)

    await signInDemo(page, 'kezhang')
    await openRegister(page)
    await tid(page, 'register-tab-people').click()
    await tid(page, 'register-row-0402').click()
    await tid(page, 'register-text-supervisor').fill('该同志工作认真负责，业务熟练，群众满意度高。')
    await tid(page, 'register-suggested').selectOption('称职')
    await tid(page, 'register-submit-supervisor').click()
    await expect.poll(() => tid(page, 'register-status-supervisor').textContent()).toBe('已提交')
    // The supervisor cannot write the person's own parts.
    expect(await tid(page, 'register-text-summary').count()).toBe(0)
    await closeToasts(page)
    await tid(page, 'register-part-supervisor').scrollIntoViewIfNeeded()
    await w.shot('register-2-supervisor')
    await signOut(page)

    await signInDemo(page, 'hr')
    await openRegister(page)
    await tid(page, 'register-tab-people').click()
    await tid(page, 'register-list').waitFor()
    await expect.poll(() => tid(page, 'register-list-count').textContent()).toMatch(/\d+ 人/)
    await closeToasts(page)
    await w.shot('register-3-hr-list')
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), tid(page, 'register-print-all').click()])
    expect(download.suggestedFilename()).toBe('公务员年度考核登记表-2025-全部.pdf')
    const file = join(out, 'all.pdf')
    await download.saveAs(file)
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    expect(text).toContain('公务员年度考核登记表')
    expect(text).toContain('全年完成日常巡查160户次')
    expect(text).toContain('考核等次建议：称职')

    // English, for one screen.
    await tid(page, 'register-row-0402').click()
    await tid(page, 'register-form').waitFor()
    await page.getByTestId('language-switch').getByText('English').click()
    await expect.poll(() => tid(page, 'register-status-summary').textContent()).toBe('Submitted')
    await w.shot('register-4-form-en')
  } finally {
    rmSync(out, { recursive: true, force: true })
    await w.close()
  }
}, 300_000)
