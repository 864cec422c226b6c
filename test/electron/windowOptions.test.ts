import { describe, expect, it } from 'vitest'
import { windowOptions } from '../../src/main/electron/windowOptions'

describe('windowOptions', () => {
  const options = windowOptions({ preloadPath: '/app/out/preload/index.cjs', devTools: false })
  const prefs = options.webPreferences ?? {}

  it('turns on every security switch of the Electron checklist', () => {
    expect(prefs.sandbox).toBe(true)
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.experimentalFeatures).toBe(false)
    expect(prefs.spellcheck).toBe(false)
    expect(prefs.navigateOnDragDrop).toBe(false)
    expect(prefs.enableBlinkFeatures).toBeUndefined()
    expect(prefs.disableBlinkFeatures).toContain('Auxclick')
  })

  it('uses the built sandboxed preload and nothing else', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs')
    expect(prefs.additionalArguments).toBeUndefined()
  })

  it('has the title, a minimum size and waits for ready-to-show', () => {
    expect(options.title).toBe('考核台')
    expect(options.minWidth).toBeGreaterThanOrEqual(1100)
    expect(options.minHeight).toBeGreaterThanOrEqual(700)
    expect(options.show).toBe(false)
  })

  it('gives developer tools only when asked (development runs)', () => {
    expect(prefs.devTools).toBe(false)
    expect(windowOptions({ preloadPath: '/p', devTools: true }).webPreferences?.devTools).toBe(true)
  })
})
