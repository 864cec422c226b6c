// @vitest-environment jsdom
import './setup'
import { describe, expect, it } from 'vitest'
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { zh } from '../../src/renderer/src/i18n/zh'
import { en } from '../../src/renderer/src/i18n/en'
import { LANG_STORAGE_KEY } from '../../src/renderer/src/i18n'
import { installFakeApi, ok, renderApp, STATUS_READY, expectShown } from './helpers'

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort()
}

describe('i18n', () => {
  it('zh and en have identical key sets', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort())
  })

  it('zh and en use the same placeholders and no empty texts', () => {
    const get = (obj: object, path: string) =>
      path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj) as string
    for (const key of keys(zh)) {
      expect(get(zh, key).length, key).toBeGreaterThan(0)
      expect(get(en, key).length, key).toBeGreaterThan(0)
      expect(placeholders(get(en, key)), key).toEqual(placeholders(get(zh, key)))
    }
  })

  it('the English switch changes the labels and is remembered', async () => {
    const user = userEvent.setup()
    installFakeApi({ 'setup.status': () => ok(STATUS_READY), 'auth.session': () => ok(null) })
    renderApp()
    expectShown(await screen.findByRole('heading', { name: '登录' }))
    await user.click(screen.getByText('English'))
    expectShown(await screen.findByRole('heading', { name: 'Sign in' }))
    expectShown(screen.getByText('User name'))
    expect(window.localStorage.getItem(LANG_STORAGE_KEY)).toBe('en')
    expect(document.documentElement.lang).toBe('en')
  })

  it('error texts follow the language', async () => {
    const user = userEvent.setup()
    installFakeApi({
      'setup.status': () => ok(STATUS_READY),
      'auth.session': () => ok(null),
      'auth.login': () => ({ ok: false, error: { code: 'AUTH_FAILED', params: { remaining: 3 } } }),
    })
    renderApp(undefined, 'en')
    await user.type(await screen.findByTestId('login-username'), 'someone')
    await user.type(screen.getByTestId('login-password'), 'nope')
    await user.click(screen.getByTestId('login-submit'))
    expect((await screen.findByTestId('login-error')).textContent).toBe('Wrong user name or password (3 attempts left)')
  })
})
