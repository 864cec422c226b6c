// @vitest-environment jsdom
import './setup'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { Result } from '../../src/shared/errors'
import { installFakeApi, ok, renderApp, session, STATUS_READY } from './helpers'

function signedInSysadmin() {
  window.location.hash = '#/backup'
  return {
    'setup.status': () => ok(STATUS_READY),
    'auth.session': () => ok(session({ roles: ['sysadmin'] as never })),
    'home.tasks': () => ok([]),
  }
}

afterEach(() => {
  delete window.kaoheDesktop
})

describe('backup folder picker (desktop app only)', () => {
  it('in the browser (no window.kaoheDesktop) keeps only the typed folder field', async () => {
    installFakeApi(signedInSysadmin())
    renderApp()
    expect(await screen.findByTestId('backup-create-folder')).toBeInstanceOf(HTMLInputElement)
    expect(screen.queryByText('选择文件夹…')).toBeNull()
    expect(screen.queryByTestId('backup-create-pick')).toBeNull()
  })

  it('in the desktop app shows 选择文件夹… beside the field and fills it with the chosen folder; a cancel leaves it', async () => {
    const u = userEvent.setup()
    const pickFolder = vi.fn(async (): Promise<Result<string | null>> => ({ ok: true, value: '/media/usb/备份' }))
    window.kaoheDesktop = { pickFolder }
    installFakeApi(signedInSysadmin())
    renderApp()
    const field = (await screen.findByTestId('backup-create-folder')) as HTMLInputElement
    const button = screen.getByTestId('backup-create-pick')
    expect(button.textContent).toBe('选择文件夹…')
    await u.click(button)
    expect(pickFolder).toHaveBeenCalledOnce()
    await vi.waitFor(() => expect(field.value).toBe('/media/usb/备份'))
    pickFolder.mockResolvedValueOnce({ ok: true, value: null })
    await u.click(button)
    expect(pickFolder).toHaveBeenCalledTimes(2)
    expect(field.value).toBe('/media/usb/备份')
  })
})
