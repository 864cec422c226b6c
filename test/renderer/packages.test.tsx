// @vitest-environment jsdom
import './setup'
import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { CheckOutcome, ImportPreview, KeyCardView, OfficeRef, OwnOfficeView } from '@shared/bundles'
import { STATUS_READY, installFakeApi, ok, renderApp, session, type FakeOverrides } from './helpers'

const UNIT: OfficeRef = { uid: 'a'.repeat(32), code: 'HRSS-0301', name: '某区人社局', kind: 'unit' }
const SUP: OfficeRef = { uid: 'b'.repeat(32), code: 'SUP-01', name: '市人社局', kind: 'superior' }
const FP = '12345 67890 12345 67890 12345 67890 12345 67890 12345 67890 12345 67890'

function signedIn(route: string, officeKind: 'unit' | 'superior') {
  window.location.hash = `#/${route}`
  return {
    'setup.status': () => ok({ ...STATUS_READY, officeKind }),
    'auth.session': () => ok(session({ roles: ['hr'], username: 'hr', displayName: '人事干部' })),
    'home.tasks': () => ok([]),
    'bundles.list': () => ok([]),
    'keycards.offices': () => ok([]),
  } satisfies FakeOverrides
}

function passed(n: number, failure?: string): CheckOutcome[] {
  const names = ['size', 'decrypt', 'zip', 'manifest', 'signature', 'recipient', 'sender', 'direction', 'replay', 'sequence', 'entries', 'content'] as const
  return names.slice(0, n).map((check, i) => ({
    check,
    ok: !(failure && i === n - 1),
    zh: failure && i === n - 1 ? failure : '通过',
    en: 'ok',
  }))
}

function preview(over: Partial<ImportPreview>): ImportPreview {
  return {
    ok: true,
    checks: passed(12),
    failed: null,
    packageId: 'c'.repeat(32),
    kind: 'results',
    sender: UNIT,
    recipient: SUP,
    sequence: 1,
    period: '2025',
    alreadyImported: false,
    bytes: 1000,
    changes: [{ what: 'results', zh: '登记某区人社局 2025 年度结果 38 人', en: '38 people' }],
    ...over,
  }
}

async function pickPackage(user: ReturnType<typeof userEvent.setup>) {
  const input = await screen.findByTestId('inbox-file')
  await user.upload(input, new File([new Uint8Array([1, 2, 3])], 'results.kaohe'))
  await user.click(screen.getByTestId('inbox-verify'))
}

describe('packages screens', () => {
  it('shows a superior office only its package screens and the administrators’ screens', async () => {
    installFakeApi(signedIn('home', 'superior'))
    renderApp()
    expect(await screen.findByTestId('nav-consolidated')).toBeTruthy()
    expect(screen.getByTestId('nav-keys')).toBeTruthy()
    expect(screen.getByTestId('nav-packages').textContent).toContain('收件与下发')
    expect(screen.queryByTestId('nav-ledger')).toBeNull()
    expect(screen.queryByTestId('nav-quarterly')).toBeNull()
  })

  it('shows a unit no 汇总结果, and its 上报与下发', async () => {
    installFakeApi(signedIn('home', 'unit'))
    renderApp()
    expect((await screen.findByTestId('nav-packages')).textContent).toContain('上报与下发')
    expect(screen.queryByTestId('nav-consolidated')).toBeNull()
    expect(screen.getByTestId('nav-ledger')).toBeTruthy()
  })

  it('lists every check in order: passed ✓, the failed one red with its reason, the rest not run; no import', async () => {
    const user = userEvent.setup()
    installFakeApi({
      ...signedIn('packages', 'superior'),
      'bundles.preview': () =>
        ok(preview({ ok: false, failed: 'signature', checks: passed(5, '签名密钥 0123456789abcdef 已作废'), changes: [] })),
    })
    renderApp()
    await pickPackage(user)
    expect(await screen.findByTestId('inbox-rejected')).toBeTruthy()
    expect(screen.getByTestId('inbox-rejected').textContent).toContain('签名')
    expect(screen.getByTestId('check-decrypt').getAttribute('data-ok')).toBe('true')
    expect(screen.getByTestId('check-signature').getAttribute('data-ok')).toBe('false')
    expect(screen.getByTestId('check-signature').textContent).toContain('已作废')
    expect(screen.getByTestId('check-content').getAttribute('data-ok')).toBe('none')
    const order = within(screen.getByTestId('package-checks'))
      .getAllByRole('listitem')
      .map((li) => li.getAttribute('data-testid'))
    expect(order.slice(0, 3)).toEqual(['check-size', 'check-decrypt', 'check-zip'])
    expect(screen.queryByTestId('inbox-import')).toBeNull()
  })

  it('imports after the preview and offers the receipt', async () => {
    const user = userEvent.setup()
    const api = installFakeApi({
      ...signedIn('packages', 'superior'),
      'bundles.preview': () => ok(preview({})),
      'bundles.import': () =>
        ok({
          packageId: 'c'.repeat(32),
          kind: 'results',
          sender: UNIT,
          alreadyImported: false,
          changes: [],
          receipt: { packageId: 'd'.repeat(32), fileName: 'receipt.kaohe', contentBase64: 'AQID' },
        }),
    })
    renderApp()
    await pickPackage(user)
    expect((await screen.findByTestId('inbox-sender')).textContent).toContain('某区人社局')
    expect(screen.getByTestId('inbox-changes').textContent).toContain('38 人')
    await user.click(screen.getByTestId('inbox-import'))
    expect(await screen.findByTestId('inbox-receipt')).toBeTruthy()
    expect(api['bundles.import']).toHaveBeenCalledTimes(1)
  })

  it('registers a card only once the fingerprint typed matches', async () => {
    const user = userEvent.setup()
    const own: OwnOfficeView = {
      office: UNIT,
      current: { keyId: '0123456789abcdef', fingerprint: FP, createdAt: '2026-01-05T08:00:00Z', status: 'current' },
      keys: [],
      holdsKeys: true,
    }
    const card: KeyCardView = {
      office: SUP,
      keyId: 'fedcba9876543210',
      fingerprint: FP,
      createdAt: '2026-01-05T08:00:00Z',
      previousKeyId: null,
      revokesKeyId: null,
      effect: 'register',
      refusal: null,
    }
    const api = installFakeApi({
      ...signedIn('keys', 'unit'),
      'keycards.own': () => ok(own),
      'keycards.inspect': () => ok(card),
      'keycards.import': () =>
        ok({ ...SUP, registeredAt: '2026-01-05T08:00:00Z', keyStatus: 'active', keys: [], lastReceived: null, lastSent: null, unacknowledged: 0 }),
    })
    renderApp()
    expect((await screen.findByTestId('own-fingerprint')).textContent).toBe(FP)
    await user.upload(screen.getByTestId('card-file'), new File(['{}'], 'card.json', { type: 'application/json' }))
    await user.click(screen.getByTestId('card-inspect'))
    await screen.findByTestId('card-view')
    await user.type(screen.getByTestId('card-typed'), FP.replace('12345', '12346'))
    expect((screen.getByTestId('card-import-button') as HTMLButtonElement).disabled).toBe(true)
    await user.click(screen.getByTestId('card-confirm-same'))
    await waitFor(() => expect((screen.getByTestId('card-import-button') as HTMLButtonElement).disabled).toBe(false))
    await user.click(screen.getByTestId('card-import-button'))
    await waitFor(() => expect(api['keycards.import']).toHaveBeenCalledTimes(1))
    expect(api['keycards.import'].mock.calls[0]![0]).toMatchObject({ fingerprint: FP })
  })
})
