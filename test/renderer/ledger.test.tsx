// @vitest-environment jsdom
import './setup'
import { describe, expect, it, vi } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { LedgerEntryView, LedgerPage } from '../../src/shared/api/types'
import { fail, installFakeApi, ok, renderApp, expectShown } from './helpers'
import { person, signedInAs } from './domainFakes'
import type { Role } from '../../src/shared/roles'

function entry(over: Partial<LedgerEntryView> = {}): LedgerEntryView {
  return {
    id: 1,
    personId: 11,
    personName: '李明',
    staffNo: 'A0011',
    day: '2026-03-02',
    kind: 'workRecord',
    text: '完成窗口受理 37 件',
    taskRef: null,
    progress: null,
    source: 'manual',
    author: '张强',
    createdAt: '2026-03-02T09:00:00Z',
    voided: null,
    attachments: [],
    ...over,
    // Main's answer (core/ledger voidRefusal): hand-written and not yet voided, unless a test says otherwise.
    voidable: over.voidable ?? ((over.source ?? 'manual') === 'manual' && !over.voided),
  }
}

/** 5,000 entries, newest first, served in pages like main does (keyset on day + id). */
function bigLedger(total = 5000) {
  const all = Array.from({ length: total }, (_, i) => {
    const day = new Date(Date.UTC(2026, 2, 31) - Math.floor(i / 10) * 86_400_000).toISOString().slice(0, 10)
    return entry({ id: total - i, day, text: `第 ${i} 条记录` })
  })
  return (input: { after?: { day: string; id: number }; limit?: number }): ReturnType<typeof ok<LedgerPage>> => {
    const start = input.after ? all.findIndex((e) => e.id === input.after?.id) + 1 : 0
    const entries = all.slice(start, start + (input.limit ?? 50))
    const last = entries[entries.length - 1]
    const more = start + entries.length < all.length
    return ok({ entries, next: more && last ? { day: last.day, id: last.id } : null })
  }
}

/** Sign in as `username` with `roles`; kezhang (10) supervises 李明 (11), who supervises 王五 (13). */
function asPerson(roles: Role[], username: string, route = 'ledger') {
  const base = signedInAs(roles, route)
  return {
    ...base,
    'auth.session': () => {
      const s = base['auth.session']()
      return ok({ ...s.value, username })
    },
    'org.people.list': () =>
      ok([
        person({ id: 10, staffNo: 'A0010', name: '张强', supervisorId: null, username: 'kezhang' }),
        person({ id: 11, staffNo: 'A0011', name: '李明', supervisorId: 10, username: 'staff' }),
        person({ id: 13, staffNo: 'A0013', name: '王五', supervisorId: 11 }),
        person({ id: 14, staffNo: 'A0014', name: '赵六', supervisorId: 99 }),
      ]),
  }
}

/** Pages are loaded lazily: the first render of one in a file waits for its module. */
const LAZY_PAGE = { timeout: 8000 }

const renderedRows = () => screen.getAllByTestId(/^ledger-row-\d+$/)

describe('ledger (台账)', () => {
  it('renders only a window of 5,000 entries and loads the next page near the end', async () => {
    const api = installFakeApi({ ...signedInAs(['hr'], 'ledger'), 'org.people.list': () => ok([]), 'ledger.list': bigLedger() })
    renderApp()
    const list = await screen.findByTestId('ledger-list', {}, LAZY_PAGE)
    await waitFor(() => expect(renderedRows().length).toBeGreaterThan(5))
    expect(renderedRows().length).toBeLessThan(40)
    expect(api['ledger.list']).toHaveBeenCalledTimes(1)
    expect(screen.getByTestId('ledger-row-5000').textContent).toContain('2026年3月31日')
    expect(screen.getByTestId('ledger-row-5000').textContent).toContain('工作记录')

    // Scroll to row 80 of the first 100: the window moves and the next page is asked for.
    Object.defineProperty(list, 'scrollTop', { configurable: true, value: 80 * 92 })
    fireEvent.scroll(list)
    await waitFor(() => expect(api['ledger.list']).toHaveBeenCalledTimes(2))
    expect(api['ledger.list'].mock.calls[1]?.[0]).toMatchObject({ after: { id: 4901 } })
    await waitFor(() => expect(screen.getByTestId('ledger-count').textContent).toContain('200'))
    expect(screen.queryByTestId('ledger-row-5000')).toBeNull()
    expectShown(screen.getByTestId('ledger-row-4920'))
    expect(renderedRows().length).toBeLessThan(40)
  })

  it('asks for the total with the first page only and shows it beside what is loaded', async () => {
    const pages = bigLedger()
    const api = installFakeApi({
      ...signedInAs(['hr'], 'ledger'),
      'org.people.list': () => ok([]),
      'ledger.list': (input: { after?: { day: string; id: number }; limit?: number; withTotal?: boolean }) => {
        const page = pages(input)
        return input.withTotal ? ok({ ...page.value, total: { count: 5000, exact: true } }) : page
      },
    })
    renderApp()
    const list = await screen.findByTestId('ledger-list', {}, LAZY_PAGE)
    await waitFor(() => expect(screen.getByTestId('ledger-count').textContent).toBe('共 5,000 条 · 已加载 100 条'))
    expect(api['ledger.list'].mock.calls[0]?.[0]).toMatchObject({ withTotal: true })
    Object.defineProperty(list, 'scrollTop', { configurable: true, value: 80 * 92 })
    fireEvent.scroll(list)
    await waitFor(() => expect(screen.getByTestId('ledger-count').textContent).toBe('共 5,000 条 · 已加载 200 条'))
    expect(api['ledger.list'].mock.calls[1]?.[0]).not.toHaveProperty('withTotal')
  })

  it('says "more than" when main stopped counting, and only the list scrolls, not the page', async () => {
    installFakeApi({
      ...signedInAs(['hr'], 'ledger'),
      'org.people.list': () => ok([]),
      'ledger.list': (input: { after?: { day: string; id: number }; limit?: number }) => ok({ ...bigLedger()(input).value, total: { count: 10000, exact: false } }),
    })
    renderApp()
    await screen.findByTestId('ledger-list', {}, LAZY_PAGE)
    await waitFor(() => expect(screen.getByTestId('ledger-count').textContent).toBe('超过 10,000 条 · 已加载 100 条'))
    // The page is as tall as the shell's main area; the list box takes what is left (100%).
    expect(screen.getByTestId('ledger-page').style.height).toContain('100dvh')
    expect(screen.getByTestId('ledger-list').style.height).toBe('100%')
  })

  it('keeps following `next` through short and empty pages of a sparse filter', async () => {
    let calls = 0
    const api = installFakeApi({
      ...signedInAs(['hr'], 'ledger'),
      'org.people.list': () => ok([]),
      'ledger.list': () => {
        calls++
        if (calls < 3) return ok({ entries: [], next: { day: '2025-12-01', id: 100 - calls } })
        return ok({ entries: [entry({ id: 7, kind: 'mistake' })], next: null })
      },
    })
    renderApp()
    expect((await screen.findByTestId('ledger-row-7', {}, LAZY_PAGE)).textContent).toContain('失误偏差')
    expect(api['ledger.list']).toHaveBeenCalledTimes(3)
    expect(screen.getByTestId('ledger-row-7').textContent).toContain('失误偏差')
  })

  it('shows the add button and void only for direct reports of the signed-in supervisor', async () => {
    const u = userEvent.setup()
    installFakeApi({
      ...asPerson(['supervisor', 'staff'], 'kezhang'),
      'ledger.list': () => ok({ entries: [entry({ id: 1, personId: 11 }), entry({ id: 2, personId: 13, personName: '王五', staffNo: 'A0013' })], next: null }),
    })
    renderApp()
    expectShown(await screen.findByTestId('ledger-row-2'))
    expectShown(screen.getByTestId('ledger-add'))
    expectShown(screen.getByTestId('ledger-void-1'))
    expect(screen.queryByTestId('ledger-void-2')).toBeNull()

    // Filtered to 王五 (a report's report): no add button.
    await u.click(screen.getByTestId('ledger-filter-person'))
    await u.click(await screen.findByRole('option', { name: '王五（A0013）' }))
    await waitFor(() => expect(screen.queryByTestId('ledger-add')).toBeNull())
    // The filter offers the reporting line only (not 赵六).
    await u.click(screen.getByTestId('ledger-filter-person'))
    expect(screen.queryByRole('option', { name: '赵六（A0014）' })).toBeNull()
    await u.click(await screen.findByRole('option', { name: '李明（A0011）' }))
    expectShown(await screen.findByTestId('ledger-add'))
  })

  it('offers 作废 only where main says the entry can be voided (an imported entry cannot)', async () => {
    installFakeApi({
      ...asPerson(['supervisor', 'staff'], 'kezhang'),
      'ledger.list': () => ok({ entries: [entry({ id: 1 }), entry({ id: 3, source: 'import', voidable: false })], next: null }),
    })
    renderApp()
    await screen.findByTestId('ledger-row-3')
    expect(screen.getByTestId('ledger-void-1').getAttribute('aria-label')).toBe('作废')
    expect(screen.queryByTestId('ledger-void-3')).toBeNull()
  })

  it('a member of staff sees 我的台账 without add or void', async () => {
    installFakeApi({
      ...asPerson(['staff'], 'staff'),
      'ledger.list': () => ok({ entries: [entry({ id: 1 })], next: null }),
    })
    renderApp()
    expectShown(await screen.findByTestId('ledger-row-1'))
    expectShown(screen.getByRole('heading', { name: '我的台账' }))
    expect(screen.queryByTestId('ledger-add')).toBeNull()
    expect(screen.queryByTestId('ledger-void-1')).toBeNull()
    expect(screen.queryByTestId('ledger-filter-person')).toBeNull()
  })

  it('add: refuses a wrong attachment before sending and shows a server error inline', async () => {
    const u = userEvent.setup({ applyAccept: false })
    const api = installFakeApi({
      ...asPerson(['supervisor'], 'kezhang'),
      'ledger.list': () => ok({ entries: [], next: null }),
      'ledger.add': () => fail('LEDGER_PERSON_NOT_IN_UNIT', { name: '李明', day: '2026-03-02' }),
    })
    renderApp()
    await u.click(await screen.findByTestId('ledger-add'))
    await u.type(screen.getByTestId('ledger-add-text'), '参加防汛值守')
    await u.upload(screen.getByTestId('ledger-add-files'), new File(['MZ'], 'tool.exe'))
    expect((await screen.findByTestId('ledger-add-problems')).textContent).toContain('“tool.exe”的类型不允许')
    await u.click(screen.getByTestId('ledger-add-submit'))
    expect(api['ledger.add']).not.toHaveBeenCalled()

    await u.upload(screen.getByTestId('ledger-add-files'), new File(['hello'], 'note.txt', { type: 'text/plain' }))
    await waitFor(() => expect(screen.queryByTestId('ledger-add-problems')).toBeNull())
    await u.click(screen.getByTestId('ledger-add-submit'))
    const error = await screen.findByTestId('ledger-add-error')
    expect(error.textContent).toBe('李明 在 2026年3月2日 不在本单位，不能为其记台账')
    expect(api['ledger.add']).toHaveBeenCalledWith(
      expect.objectContaining({ personId: 11, kind: 'workRecord', text: '参加防汛值守', attachments: [{ fileName: 'note.txt', contentBase64: btoa('hello') }] }),
    )
    // The modal stays open with what was typed.
    expect((screen.getByTestId('ledger-add-text') as HTMLTextAreaElement).value).toBe('参加防汛值守')
  })

  it('void requires a reason, then strikes the entry through when voided ones are shown', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      ...asPerson(['supervisor'], 'kezhang'),
      'ledger.list': () => ok({ entries: [entry({ id: 5 })], next: null }),
      'ledger.void': (input: { entryId: number; reason: string }) =>
        ok(entry({ id: 5, voided: { at: '2026-03-05T08:00:00Z', by: '张强', reason: input.reason } })),
    })
    renderApp()
    await u.click(await screen.findByTestId('ledger-void-5'))
    await u.click(screen.getByTestId('ledger-void-submit'))
    // The bound is ledger.void's own schema (min 2), worded in Chinese.
    expectShown(await screen.findByText('至少 2 个字'))
    await u.type(screen.getByTestId('ledger-void-reason'), '错')
    await u.click(screen.getByTestId('ledger-void-submit'))
    expectShown(await screen.findByText('至少 2 个字'))
    expect(api['ledger.void']).not.toHaveBeenCalled()
    await u.click(screen.getByRole('button', { name: '取消' }))

    await u.click(screen.getByTestId('ledger-filter-voided'))
    await u.click(await screen.findByTestId('ledger-void-5'))
    await u.type(screen.getByTestId('ledger-void-reason'), '记错了人员')
    await u.click(screen.getByTestId('ledger-void-submit'))
    await waitFor(() => expect(api['ledger.void']).toHaveBeenCalledWith({ entryId: 5, reason: '记错了人员' }))
    const row = await screen.findByTestId('ledger-void-reason-5')
    expect(row.textContent).toBe('作废原因：记错了人员')
    expect(screen.queryByTestId('ledger-void-5')).toBeNull()
    expect(api['ledger.list'].mock.calls.at(-1)?.[0]).toMatchObject({ includeVoided: true })
  })

  it('exports the current filter', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      ...signedInAs(['hr'], 'ledger'),
      'org.people.list': () => ok([]),
      'ledger.list': () => ok({ entries: [], next: null }),
      'ledger.export': () => ok({ fileName: 'ledger.xlsx', contentBase64: btoa('xlsx') }),
    })
    URL.createObjectURL = () => 'blob:x'
    URL.revokeObjectURL = () => {}
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    renderApp()
    await u.type(await screen.findByTestId('ledger-filter-text'), '防汛')
    await waitFor(() => expect(api['ledger.list'].mock.calls.at(-1)?.[0]).toMatchObject({ text: '防汛' }))
    await u.click(screen.getByTestId('ledger-export'))
    await waitFor(() => expect(api['ledger.export']).toHaveBeenCalledWith({ text: '防汛', includeVoided: false }))
    expectShown(within(document.body).getByTestId('ledger-empty'))
  })
})
