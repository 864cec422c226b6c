import { EventEmitter } from 'node:events'
import type { App } from 'electron'
import { describe, expect, it } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  hardenAllWebContents,
  hardenSession,
  hardenWebContents,
  SECURITY_HEADERS,
} from '../../src/main/electron/hardening'
import { asContents, asElectron, FakeEvent, FakeSession, FakeWebContents } from './fakes'

function hardened(): FakeWebContents {
  const contents = new FakeWebContents()
  hardenWebContents(asContents(contents))
  return contents
}

describe('navigation limits', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'] as const)('%s: another origin is prevented', (event) => {
    const contents = hardened()
    expect(contents.navigate(event, 'https://example.com/')).toBe(true)
    expect(contents.navigate(event, 'http://127.0.0.1:8080/')).toBe(true)
    expect(contents.navigate(event, 'file:///etc/passwd')).toBe(true)
    expect(contents.navigate(event, 'app://other/index.html')).toBe(true)
    expect(contents.navigate(event, 'app://kaohe.evil/index.html')).toBe(true)
    expect(contents.navigate(event, 'app://kaohe:8080/index.html')).toBe(true)
    expect(contents.navigate(event, 'app://user@kaohe/index.html')).toBe(true)
    expect(contents.navigate(event, 'javascript:alert(1)')).toBe(true)
    expect(contents.navigate(event, 'not a url')).toBe(true)
  })

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'] as const)('%s: our own origin is allowed', (event) => {
    const contents = hardened()
    expect(contents.navigate(event, 'app://kaohe/index.html')).toBe(false)
    expect(contents.navigate(event, 'app://kaohe/ledger?year=2025#top')).toBe(false)
  })

  it('denies every window.open / target=_blank, whatever the URL', () => {
    const contents = hardened()
    const handler = contents.windowOpenHandler
    expect(handler).not.toBeNull()
    for (const url of ['https://example.com/', 'app://kaohe/index.html', 'about:blank']) {
      expect(handler?.({ url })).toEqual({ action: 'deny' })
    }
  })

  it('prevents attaching a <webview>', () => {
    const contents = hardened()
    const event = new FakeEvent()
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.com/' })
    expect(event.defaultPrevented).toBe(true)
  })

  it('hardens every webContents the app creates', () => {
    const app = new EventEmitter()
    hardenAllWebContents(asElectron<App>(app))
    const contents = new FakeWebContents()
    app.emit('web-contents-created', new FakeEvent(), contents)
    expect(contents.navigate('will-navigate', 'https://example.com/')).toBe(true)
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
  })
})

describe('permissions', () => {
  it('denies every permission request', () => {
    const session = new FakeSession()
    hardenSession(session.asSession())
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
      const answers: boolean[] = []
      session.permissionRequestHandler?.(asContents(new FakeWebContents()), permission, (granted) => answers.push(granted), {})
      expect(answers).toEqual([false])
    }
  })

  it('answers every permission check with false, and every device request too', () => {
    const session = new FakeSession()
    hardenSession(session.asSession())
    expect(session.permissionCheckHandler?.(null, 'media', 'app://kaohe', {})).toBe(false)
    expect(session.permissionCheckHandler?.(null, 'clipboard-read', 'app://kaohe', {})).toBe(false)
    expect(session.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false)
  })
})

describe('content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/)
      return [name, values.join(' ')] as const
    }),
  )

  it('is the strict policy of the design', () => {
    expect(Object.fromEntries(directives)).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data:",
      'font-src': "'self' data:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    })
  })

  it('never allows inline or eval scripts', () => {
    expect(directives.get('script-src')).not.toMatch(/unsafe|\*|data:|blob:/)
  })

  it('is part of the security headers, with nosniff', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff')
    expect(Object.isFrozen(SECURITY_HEADERS)).toBe(true)
  })
})
