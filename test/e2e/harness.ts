import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { createKaohe, type KaoheApp, type KaoheAppOptions } from '../../src/main/api/app'
import { startBridge, type Bridge } from '../../src/main/api/bridge'

/**
 * One end-to-end world: a temp data folder, the app over it, the bridge serving out/renderer, and
 * a headless Debian Chromium. Screenshots of the main screens go to docs/screenshots/.
 */
export const CHROMIUM = process.env.KAOHE_CHROMIUM ?? '/usr/bin/chromium'
export const SCREENSHOTS = resolve('docs/screenshots')

export interface World {
  app: KaoheApp
  bridge: Bridge
  browser: Browser
  page: Page
  dataDir: string
  shot(name: string): Promise<void>
  close(): Promise<void>
}

export async function openWorld(opts: Partial<KaoheAppOptions> & { lang?: 'zh' | 'en' } = {}): Promise<World> {
  const rendererDir = resolve('out/renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('out/renderer missing: run npm run build first')
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium fonts-noto-cjk`)
  const dataDir = mkdtempSync(join(tmpdir(), 'kaohe-e2e-'))
  const app = createKaohe({ dataDir, ...opts } as KaoheAppOptions)
  const bridge = await startBridge(app, { rendererDir })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  })
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`)
  })
  if (opts.lang) await page.addInitScript(`localStorage.setItem('kaohe.lang', '${opts.lang}')`)
  await page.goto(bridge.url)
  mkdirSync(SCREENSHOTS, { recursive: true })
  return {
    app,
    bridge,
    browser,
    page,
    dataDir,
    async shot(name) {
      await page.waitForTimeout(250) // let transitions settle
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false })
    },
    async close() {
      await browser.close()
      await bridge.close()
      app.close()
      rmSync(dataDir, { recursive: true, force: true })
      if (problems.length) throw new Error(`the page reported errors:\n${problems.join('\n')}`)
    },
  }
}

/** The page's element with this data-testid. */
export const tid = (page: Page, id: string) => page.getByTestId(id)

/** Signs in as one of the demo unit's accounts from the login screen's list (the password is filled in). */
export async function signInDemo(page: Page, username: string) {
  await tid(page, `demo-login-${username}`).click()
  await tid(page, 'login-submit').click()
  await tid(page, 'shell-user').waitFor()
}

export async function signOut(page: Page) {
  await tid(page, 'shell-logout').click()
  await tid(page, 'login-form').waitFor()
}

/** Screenshots leave out the toasts of the last actions (they would cover the table). */
export async function closeToasts(page: Page) {
  await page.addStyleTag({ content: '.mantine-Notifications-root { display: none !important; }' })
}
