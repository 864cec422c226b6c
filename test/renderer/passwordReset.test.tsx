// @vitest-environment jsdom
import './setup'
import { describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { PasswordResetRequest } from '../../src/shared/api/types'
import { installFakeApi, ok, renderApp, session, STATUS_READY, user } from './helpers'

/** Issue 7 #9 in the screens: a content account's reset is requested, approved by the other administrator. */
function signedInAs(roles: string[], route: string, username = 'admin.sys') {
  window.location.hash = `#/${route}`
  return {
    'setup.status': () => ok(STATUS_READY),
    'auth.session': () => ok(session({ roles: roles as never, username })),
    'home.tasks': () => ok([]),
  }
}

const REQUEST: PasswordResetRequest = {
  id: 7,
  userId: 2,
  username: 'jijian',
  displayName: '纪检员',
  requestedBy: 'admin.sys',
  requestedByRole: 'sysadmin',
  requestedAt: '2026-03-01T02:00:00Z',
  state: 'pending',
}

describe('password reset approval screens', () => {
  it('the system administrator only requests a content account’s reset', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      ...signedInAs(['sysadmin'], 'users'),
      'users.list': () => ok([user({ id: 2, username: 'jijian', displayName: '纪检员', roles: ['discipline'] })]),
      'users.resetRequests': () => ok([]),
      'users.requestReset': () => ok(REQUEST),
    })
    renderApp()
    const button = await screen.findByTestId('user-reset-jijian')
    expect(button.textContent).toBe('申请重置')
    await u.click(button)
    await waitFor(() => expect(api['users.requestReset']).toHaveBeenCalledWith({ userId: 2 }))
    expect(screen.queryByTestId('user-reset-form')).toBeNull()
  })

  it('the security administrator approves and alone sees the temporary password', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      ...signedInAs(['secadmin'], 'roles', 'admin.sec'),
      'roles.list': () => ok([]),
      'users.resetRequests': () => ok([REQUEST]),
      'users.decideReset': () => ok({ request: { ...REQUEST, state: 'done' }, temporaryPassword: 'Abcd-EFGH2345jkmn' }),
    })
    renderApp()
    await u.click(await screen.findByTestId('reset-approve-jijian'))
    await waitFor(() => expect(api['users.decideReset']).toHaveBeenCalledWith({ requestId: 7, approve: true }))
    expect((await screen.findByTestId('reset-temp-password')).textContent).toBe('Abcd-EFGH2345jkmn')
  })
})
