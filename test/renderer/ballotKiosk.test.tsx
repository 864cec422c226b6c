// @vitest-environment jsdom
import './setup'
import { describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { BallotStart } from '../../src/shared/democratic'
import { fail, installFakeApi, ok, renderApp, session, STATUS_READY, expectShown } from './helpers'

const BALLOT: BallotStart = {
  year: 2026,
  category: 'representative',
  participants: [
    { personId: 11, name: '张明', post: '科长', department: '综合科' },
    { personId: 12, name: '李娜', post: '科员', department: '综合科' },
  ],
}
const HR = { roles: ['hr' as const], username: 'hr', displayName: '王芳' }

async function enterCode(u: ReturnType<typeof userEvent.setup>, code: string) {
  const input = await screen.findByTestId('ballot-code')
  await u.clear(input)
  await u.type(input, code)
  await u.click(screen.getByTestId('ballot-begin'))
}

describe('ballot kiosk screen', () => {
  it('enters a code, rates on one screen with a progress count, submits, thanks, and forgets the ballot', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      'setup.status': () => ok(STATUS_READY),
      'auth.session': () => ok(session({ ...HR, kiosk: true, ballotKiosk: 2026 })),
      'democratic.ballotBegin': () => ok(BALLOT),
      'democratic.ballotSubmit': () => ok(null),
    })
    renderApp()
    await enterCode(u, 'abcd-efgh-jkmn')
    expect(api['democratic.ballotBegin']).toHaveBeenCalledWith({ code: 'abcd-efgh-jkmn' })
    expectShown(await screen.findByTestId('ballot-sheet'))
    expectShown(screen.getByText('服务对象代表'))
    expect(screen.getByTestId('ballot-progress').textContent).toBe('已评 0 / 2 人')
    await u.click(within(screen.getByTestId('ballot-cell-11-de')).getByLabelText('优秀'))
    await u.click(within(screen.getByTestId('ballot-cell-11-ji')).getByLabelText('基本称职'))
    expect(screen.getByTestId('ballot-progress').textContent).toBe('已评 1 / 2 人')
    await u.click(within(screen.getByTestId('ballot-cell-12-lian')).getByLabelText('称职'))
    expect(screen.getByTestId('ballot-progress').textContent).toBe('已评 2 / 2 人')
    // A cell set back to blank is an abstention.
    await u.click(within(screen.getByTestId('ballot-cell-11-ji')).getByLabelText('空'))
    await u.click(screen.getByTestId('ballot-submit'))
    expect(api['democratic.ballotSubmit']).toHaveBeenCalledWith({
      code: 'abcd-efgh-jkmn',
      cells: [
        { personId: 11, dimension: 'de', level: '优秀' },
        { personId: 12, dimension: 'lian', level: '称职' },
      ],
    })
    expectShown(await screen.findByTestId('ballot-thanks'))
    // No navigation, no app chrome; then back to an empty code entry.
    expect(screen.queryByRole('navigation')).toBeNull()
    expectShown(await screen.findByTestId('ballot-code', {}, { timeout: 10_000 }))
    expect((screen.getByTestId('ballot-code') as HTMLInputElement).value).toBe('')
    // The next voter's ballot starts blank: nothing of the previous one shows.
    await enterCode(u, 'ZZZZ-ZZZZ-ZZZZ')
    await screen.findByTestId('ballot-sheet')
    expect(screen.getByTestId('ballot-progress').textContent).toBe('已评 0 / 2 人')
    expect((within(screen.getByTestId('ballot-cell-11-de')).getByLabelText('优秀') as HTMLInputElement).checked).toBe(false)
  }, 40_000)

  it('shows a used code’s refusal and stays at code entry', async () => {
    const u = userEvent.setup()
    installFakeApi({
      'setup.status': () => ok(STATUS_READY),
      'auth.session': () => ok(session({ ...HR, kiosk: true, ballotKiosk: 2026 })),
      'democratic.ballotBegin': () => fail('BALLOT_CODE_USED'),
    })
    renderApp()
    await enterCode(u, 'ABCD-EFGH-JKMN')
    expectShown(await screen.findByText('此票码已经投过票，每张票码只能使用一次'))
    expect(screen.queryByTestId('ballot-sheet')).toBeNull()
  })
})
