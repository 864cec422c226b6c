import { expect, vi, type Mock } from 'vitest'
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import type { KaoheWindowApi } from '../../src/shared/api/window'
import type { InputOf, MethodName, OutputOf } from '../../src/shared/api/contract'
import type { SessionInfo, SetupStatus, UserSummary } from '../../src/shared/api/types'
import { METHOD_NAMES } from '../../src/shared/api/methodNames'
import type { ErrorCode, Lang, Result } from '../../src/shared/errors'
import { Providers } from '../../src/renderer/src/Providers'
import { createI18n } from '../../src/renderer/src/i18n'
import { App } from '../../src/renderer/src/App'

export type FakeApi = { [M in MethodName]: Mock<KaoheWindowApi[M]> }

/** A fake of one method, typed against the contract: it takes the method's input and answers its output. */
export type FakeMethod<M extends MethodName> = (input: InputOf<M>) => Result<OutputOf<M>> | Promise<Result<OutputOf<M>>>
export type FakeOverrides = { [M in MethodName]?: FakeMethod<M> }

/** A window.api whose every method is a vi.fn; unset methods fail loudly with INTERNAL. */
export function installFakeApi(overrides: FakeOverrides = {}): FakeApi {
  const api = {} as Record<MethodName, Mock>
  for (const name of METHOD_NAMES) {
    const impl = overrides[name] as ((input: unknown) => Result<unknown> | Promise<Result<unknown>>) | undefined
    api[name] = vi.fn(async (input: unknown) =>
      impl ? impl(input) : { ok: false, error: { code: 'INTERNAL', params: { ref: `unmocked ${name}` } } },
    )
  }
  ;(window as unknown as { api: unknown }).api = api
  return api as unknown as FakeApi
}

/**
 * Asserts the user can see the element: it is on the page and neither it nor an ancestor is hidden
 * (the `hidden` attribute, aria-hidden, display: none, visibility: hidden — an inactive tab panel, a
 * closed section). A query that found the element proves only that it exists.
 */
export function expectShown(el: HTMLElement): void {
  expect(el.isConnected, 'the element is on the page').toBe(true)
  for (let n: HTMLElement | null = el; n; n = n.parentElement) {
    const style = getComputedStyle(n)
    const hidden = n.hidden || n.getAttribute('aria-hidden') === 'true' || style.display === 'none' || style.visibility === 'hidden'
    expect(hidden, `hidden by <${n.tagName.toLowerCase()}${n.dataset.testid ? ` data-testid="${n.dataset.testid}"` : ''}>`).toBe(false)
  }
}

export const ok = <T,>(value: T) => ({ ok: true as const, value })
export const fail = (code: ErrorCode, params: Record<string, string | number> = {}) => ({
  ok: false as const,
  error: { code, params },
})

export const RULE = { minLength: 8, minClasses: 3 }
export const STATUS_READY: SetupStatus = { initialized: true, demo: false, demoLogins: [], passwordRule: RULE, officeKind: 'unit' }
export const STATUS_EMPTY: SetupStatus = { initialized: false, demo: false, demoLogins: [], passwordRule: RULE, officeKind: 'unit' }

export function session(over: Partial<SessionInfo> = {}): SessionInfo {
  return {
    userId: 1,
    username: 'admin.sys',
    displayName: '张卫东',
    roles: ['sysadmin'],
    unitName: '临江县人力资源和社会保障局',
    unitCode: 'LJ-HRSS-01',
    mustChangePassword: false,
    locked: false,
    demo: false,
    idleLockMinutes: 15,
    kiosk: false,
    ...over,
  }
}

export function user(over: Partial<UserSummary> = {}): UserSummary {
  return {
    id: 2,
    username: 'hr.wang',
    displayName: '王芳',
    disabled: false,
    mustChangePassword: false,
    roles: ['hr'],
    createdAt: '2025-01-06T08:00:00Z',
    lockedUntil: null,
    ...over,
  }
}

/** Renders the whole app (or `ui`) with the real providers in test mode. */
export function renderApp(ui: ReactElement = <App />, lang: Lang = 'zh') {
  return render(
    <Providers env="test" i18n={createI18n(lang)}>
      {ui}
    </Providers>,
  )
}
