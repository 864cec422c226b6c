import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openWorld, tid, signInDemo, signOut, closeToasts } from './harness'

/**
 * 绩效反馈表 in Chromium on the demo unit, whose 2025 results are final: HR creates the forms; the
 * 科长 writes the interview, signs with password and a signature drawn on the canvas; the person
 * signs at the same desk with their own user name and password; the form prints to a PDF whose
 * text and code pdftotext reads back; the code verifies on the 核验 screen. Screenshots:
 * docs/screenshots/feedback-*.
 */
const PASSWORD = 'Kaohe@2026'

async function openForms(page: Page) {
  await tid(page, 'nav-feedback').click()
  await tid(page, 'feedback-year').selectOption('2025')
}

it('HR creates the forms; interviewer and person sign; the form prints and verifies', async () => {
  const w = await openWorld({ demoIfEmpty: true, clock: () => new Date('2026-12-02T09:00:00') })
  const { page } = w
  const dir = mkdtempSync(join(tmpdir(), 'kaohe-e2e-feedback-'))
  try {
    await signInDemo(page, 'hr')
    await openForms(page)
    await tid(page, 'feedback-generate').click()
    await tid(page, 'feedback-list').waitFor()
    await expect.poll(() => tid(page, 'feedback-status-0402-v1').textContent()).toBe('待面谈签字')
    await closeToasts(page)
    await w.shot('feedback-1-list')
    await signOut(page)

    // The 科长 (interviewer of 0402) writes the interview and signs.
    await signInDemo(page, 'kezhang')
    await openForms(page)
    await tid(page, 'feedback-open-0402-v1').click()
    await tid(page, 'feedback-editor').waitFor()
    await tid(page, 'feedback-edit-strengths').fill('窗口服务耐心细致，全年无投诉。')
    await tid(page, 'feedback-edit-weaknesses').fill('对新出台的法规学习不够及时。')
    await tid(page, 'feedback-edit-improvements').fill('每季度参加一次法规培训，年内完成两次业务分享。')
    await tid(page, 'feedback-edit-date').click()
    await page.locator('button[data-today]').first().click()
    await tid(page, 'feedback-save').click()
    await expect.poll(() => tid(page, 'feedback-text-strengths').textContent()).toContain('窗口服务')
    await closeToasts(page)
    await w.shot('feedback-2-editor')

    await tid(page, 'feedback-sign-interviewer').click()
    await tid(page, 'feedback-sign-password').fill('wrong-password')
    await tid(page, 'feedback-sign-confirm').click()
    await expect.poll(() => page.locator('.mantine-Notification-root').last().textContent()).toContain('还可尝试')
    await tid(page, 'feedback-sign-password').fill(PASSWORD)
    const pad = await tid(page, 'feedback-signature-pad').boundingBox()
    await page.mouse.move(pad!.x + 30, pad!.y + 90)
    await page.mouse.down()
    for (let i = 1; i <= 24; i++) await page.mouse.move(pad!.x + 30 + i * 14, pad!.y + 70 + Math.sin(i / 2) * 30)
    await page.mouse.up()
    await w.shot('feedback-3-sign-dialog')
    await tid(page, 'feedback-sign-confirm').click()
    await expect.poll(() => tid(page, 'feedback-form-status').textContent()).toBe('待本人签字')
    await tid(page, 'feedback-interviewer-signature').locator('img').waitFor()

    // The person signs at the interviewer's desk with their own user name and password.
    await tid(page, 'feedback-sign-person').click()
    expect(await tid(page, 'feedback-sign-username').inputValue()).toBe('')
    await tid(page, 'feedback-sign-username').fill('staff')
    await tid(page, 'feedback-sign-password').fill(PASSWORD)
    await tid(page, 'feedback-sign-confirm').click()
    await expect.poll(() => tid(page, 'feedback-form-status').textContent()).toBe('已签署')
    await tid(page, 'feedback-seal').waitFor()
    const code = (await tid(page, 'feedback-code').textContent())!.trim()
    const name = (await tid(page, 'feedback-person').textContent())!.replace(/（.*$/, '')
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    await closeToasts(page)
    await w.shot('feedback-4-sealed')

    // 打印: the PDF carries the title, the person's name and the code as real text.
    const [download] = await Promise.all([page.waitForEvent('download'), tid(page, 'feedback-print').click()])
    expect(download.suggestedFilename()).toContain('0402')
    const file = join(dir, 'form.pdf')
    await download.saveAs(file)
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    expect(text).toContain('绩效反馈表')
    expect(text).toContain(name)
    expect(text).toContain(code)
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join('docs/screenshots', 'feedback-6-pdf')])

    // 核验: the code typed from the paper.
    await tid(page, 'feedback-back').click()
    await tid(page, 'feedback-tab-verify').click()
    await tid(page, 'feedback-verify-code').fill(code.toLowerCase())
    await tid(page, 'feedback-verify-submit').click()
    await tid(page, 'feedback-verify-current').waitFor()
    await expect.poll(() => tid(page, 'feedback-verify-current').textContent()).toContain(name)
    await tid(page, 'feedback-sheet').waitFor()
    await w.shot('feedback-5-verify')
  } finally {
    rmSync(dir, { recursive: true, force: true })
    await w.close()
  }
}, 300_000)

it('shows the verification screen in English', async () => {
  const w = await openWorld({ demoIfEmpty: true, lang: 'en', clock: () => new Date('2026-12-02T09:00:00') })
  const { page } = w
  try {
    await signInDemo(page, 'hr')
    await openForms(page)
    await tid(page, 'feedback-generate').click()
    await tid(page, 'feedback-list').waitFor()
    await tid(page, 'feedback-tab-verify').click()
    await tid(page, 'feedback-verify-code').fill('ABCD-EFGH-JKMN')
    await tid(page, 'feedback-verify-submit').click()
    await tid(page, 'feedback-verify-unknown').waitFor()
    expect(await page.textContent('body')).toContain('Unknown code')
    await closeToasts(page)
    await w.shot('feedback-7-en')
  } finally {
    await w.close()
  }
}, 300_000)
