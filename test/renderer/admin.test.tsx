// @vitest-environment jsdom
import './setup'
import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { AuditEntry, UserRoles } from '../../src/shared/api/types'
import { fail, installFakeApi, ok, renderApp, session, STATUS_READY, user, expectShown } from './helpers'

function signedInAs(roles: string[], route: string) {
  window.location.hash = `#/${route}`
  return {
    'setup.status': () => ok(STATUS_READY),
    'auth.session': () => ok(session({ roles: roles as never })),
    'home.tasks': () => ok([]),
  }
}

describe('users page (sysadmin)', () => {
  it('lists the users with roles, status and flags', async () => {
    installFakeApi({
      ...signedInAs(['sysadmin'], 'users'),
      'users.list': () =>
        ok([
          user({ id: 1, username: 'admin.sys', displayName: '张卫东', roles: ['sysadmin'] }),
          user({ id: 2, username: 'hr.wang', displayName: '王芳', roles: ['hr', 'staff'], mustChangePassword: true }),
          user({ id: 3, username: 'staff.chen', displayName: '陈静', roles: [], disabled: true }),
        ]),
    })
    renderApp()
    const row = await screen.findByTestId('user-row-hr.wang')
    expect(row.textContent).toContain('王芳')
    expect(row.textContent).toContain('人事科')
    expect(row.textContent).toContain('公务员')
    expect(row.textContent).toContain('是')
    expect(screen.getByTestId('user-row-staff.chen').textContent).toContain('已停用')
    expect(screen.getByTestId('user-row-staff.chen').textContent).toContain('未分配')
    // One cannot disable oneself.
    expect((screen.getByTestId('user-toggle-admin.sys') as HTMLButtonElement).disabled).toBe(true)
  })

  it('adds a user through the modal', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      ...signedInAs(['sysadmin'], 'users'),
      'users.list': () => ok([]),
      'users.add': () => ok(user({ id: 9, username: 'staff.wu', displayName: '吴磊', roles: [] })),
    })
    renderApp()
    await u.click(await screen.findByTestId('users-add'))
    await u.type(screen.getByTestId('user-add-username'), 'staff.wu')
    await u.type(screen.getByTestId('user-add-displayName'), '吴磊')
    await u.type(screen.getByTestId('user-add-password'), 'weak')
    await u.click(screen.getByTestId('user-add-submit'))
    expectShown(screen.getByText('密码不符合要求'))
    expect(api['users.add']).not.toHaveBeenCalled()

    await u.clear(screen.getByTestId('user-add-password'))
    await u.type(screen.getByTestId('user-add-password'), 'Chuzhi#2025')
    await u.type(screen.getByTestId('user-add-confirm'), 'Chuzhi#2025')
    await u.click(screen.getByTestId('user-add-submit'))
    await waitFor(() =>
      expect(api['users.add']).toHaveBeenCalledWith({ username: 'staff.wu', displayName: '吴磊', password: 'Chuzhi#2025' }),
    )
    await waitFor(() => expect(api['users.list']).toHaveBeenCalledTimes(2))
  })

  it("checks the display name against users.add's own schema (1–40), in Chinese, before calling", async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      ...signedInAs(['sysadmin'], 'users'),
      'users.list': () => ok([]),
      'users.add': () => ok(user({ id: 9, username: 'staff.wu', displayName: '吴磊', roles: [] })),
    })
    renderApp()
    await u.click(await screen.findByTestId('users-add'))
    await u.type(screen.getByTestId('user-add-username'), 'staff.wu')
    await u.type(screen.getByTestId('user-add-password'), 'Chuzhi#2025')
    await u.type(screen.getByTestId('user-add-confirm'), 'Chuzhi#2025')
    await u.click(screen.getByTestId('user-add-submit'))
    expectShown(screen.getByText('不能为空'))

    await u.click(screen.getByTestId('user-add-displayName'))
    await u.paste('吴'.repeat(41))
    await u.click(screen.getByTestId('user-add-submit'))
    expectShown(screen.getByText('最多 40 个字'))
    expect(api['users.add']).not.toHaveBeenCalled()

    await u.clear(screen.getByTestId('user-add-displayName'))
    await u.paste('吴'.repeat(40))
    await u.click(screen.getByTestId('user-add-submit'))
    await waitFor(() =>
      expect(api['users.add']).toHaveBeenCalledWith({ username: 'staff.wu', displayName: '吴'.repeat(40), password: 'Chuzhi#2025' }),
    )
  })

  it('disables a user after confirmation', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      ...signedInAs(['sysadmin'], 'users'),
      'users.list': () => ok([user()]),
      'users.setDisabled': () => ok(user({ disabled: true })),
    })
    renderApp()
    await u.click(await screen.findByTestId('user-toggle-hr.wang'))
    expectShown(screen.getByText(/停用后 王芳（hr\.wang）将不能登录/))
    await u.click(screen.getByTestId('confirm-ok'))
    await waitFor(() => expect(api['users.setDisabled']).toHaveBeenCalledWith({ userId: 2, disabled: true }))
  })
})

describe('roles page (secadmin)', () => {
  const rows: UserRoles[] = [
    { userId: 2, username: 'hr.wang', displayName: '王芳', disabled: false, roles: ['hr'] },
  ]

  it('explains the rule and shows ROLE_CONFLICT from the server', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      ...signedInAs(['secadmin'], 'roles'),
      'roles.list': () => ok(rows),
      'roles.grant': () => fail('ROLE_CONFLICT', { role: 'auditor', other: 'hr' }),
    })
    renderApp()
    expect((await screen.findByTestId('roles-rule')).textContent).toContain('三员分立')
    await u.click(screen.getByTestId('role-grant-hr.wang'))
    await u.selectOptions(screen.getByTestId('role-grant-select'), 'auditor')
    expect(screen.getByTestId('role-conflict-hint').textContent).toContain('审计管理员不能与人事科兼任')
    await u.click(screen.getByTestId('role-grant-submit'))
    expect((await screen.findByTestId('role-error')).textContent).toBe('三员分立：审计管理员 不能与 人事科 由同一账户兼任')
    expect(api['roles.grant']).toHaveBeenCalledWith({ userId: 2, role: 'auditor' })
  })

  it('revokes a role after confirmation', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      ...signedInAs(['secadmin'], 'roles'),
      'roles.list': () => ok(rows),
      'roles.revoke': () => ok({ ...rows[0]!, roles: [] }),
    })
    renderApp()
    await u.click(await screen.findByTestId('role-revoke-hr.wang-hr'))
    expectShown(screen.getByText('确定撤销 王芳 的人事科角色吗？'))
    await u.click(screen.getByTestId('confirm-ok'))
    await waitFor(() => expect(api['roles.revoke']).toHaveBeenCalledWith({ userId: 2, role: 'hr' }))
  })
})

describe('audit page (auditor)', () => {
  const entries: AuditEntry[] = [
    { seq: 2, at: new Date(2025, 5, 3, 14, 5).toISOString(), actor: 'hr.wang', action: 'users.add', target: 'user:5', outcome: 'denied', detail: { reason: 'FORBIDDEN' }, hash: 'ab'.repeat(32) },
    { seq: 1, at: new Date(2025, 5, 3, 9, 0).toISOString(), actor: null, action: 'setup.initialize', target: null, outcome: 'ok', detail: {}, hash: 'cd'.repeat(32) },
  ]

  it('lists entries with formatted time, outcome and expandable detail', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      ...signedInAs(['auditor'], 'audit'),
      'audit.list': () => ok({ entries, nextBeforeSeq: null, total: 2 }),
    })
    renderApp()
    const row = await screen.findByTestId('audit-row-2')
    expect(row.textContent).toContain('2025年6月3日 14:05')
    expect(row.textContent).toContain('新增用户')
    expectShown(within(row).getByText('拒绝'))
    expect(screen.getByTestId('audit-row-1').textContent).toContain('系统')
    await u.click(screen.getByTestId('audit-detail-2'))
    expectShown(screen.getByText(/"reason": "FORBIDDEN"/))

    await u.selectOptions(screen.getByTestId('audit-filter-outcome'), 'denied')
    await u.type(screen.getByTestId('audit-filter-actor'), 'hr.wang')
    await u.click(screen.getByTestId('audit-search'))
    await waitFor(() =>
      expect(api['audit.list']).toHaveBeenLastCalledWith({ limit: 50, actor: 'hr.wang', outcome: 'denied' }),
    )
  })

  it('names the first bad entry when the chain is broken', async () => {
    const u = userEvent.setup()
    installFakeApi({
      ...signedInAs(['auditor'], 'audit'),
      'audit.list': () => ok({ entries, nextBeforeSeq: null, total: 2 }),
      'audit.verify': () => ok({ ok: false, entries: 137, headHash: null, firstBad: { seq: 42, problem: 'deleted' }, head: null, keyedFrom: 1, breaks: [] }),
    })
    renderApp()
    await u.click(await screen.findByTestId('audit-verify'))
    const result = await screen.findByTestId('audit-verify-result')
    expect(result.textContent).toContain('审计链被破坏')
    expect(result.textContent).toContain('第一条异常记录：第 42 条，有记录被删除。')
  })

  it('reports an intact chain with its head hash', async () => {
    const u = userEvent.setup()
    installFakeApi({
      ...signedInAs(['auditor'], 'audit'),
      'audit.list': () => ok({ entries, nextBeforeSeq: null, total: 2 }),
      'audit.verify': () =>
        ok({ ok: true, entries: 2, headHash: 'ab'.repeat(32), firstBad: null, head: { seq: 2, hash: 'ab'.repeat(32), checkpoint: '2:abab-abab-abab-abab' }, keyedFrom: 1, breaks: [] }),
    })
    renderApp()
    await u.click(await screen.findByTestId('audit-verify'))
    const result = await screen.findByTestId('audit-verify-result')
    expect(result.textContent).toContain('已校验 2 条记录')
    expect(screen.getByTestId('audit-head-hash').textContent).toBe('ab'.repeat(32))
    // The checkpoint to note on paper.
    expect(screen.getByTestId('audit-checkpoint').textContent).toBe('2:abab-abab-abab-abab')
  })
})

describe('backup page (sysadmin)', () => {
  it('restores only after the warning is confirmed, then signs out', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      ...signedInAs(['sysadmin'], 'backup'),
      'backup.restore': () =>
        ok({ folder: '/media/usb/b1', createdAt: '2025-06-01T02:30:00Z', bytes: 2048, sha256: 'ef'.repeat(32), auditEntries: 12 }),
      'auth.logout': () => ok(null),
    })
    renderApp()
    await u.type(await screen.findByTestId('backup-restore-folder'), '/media/usb/b1')
    // Issue 7 #6: the password as at backup time must open the backup's key file.
    expect((screen.getByTestId('backup-restore') as HTMLButtonElement).disabled).toBe(true)
    await u.type(screen.getByTestId('backup-restore-password'), 'Sys-Admin-2026')
    await u.click(screen.getByTestId('backup-restore'))
    expect(screen.getByTestId('backup-restore-warning').textContent).toContain('所有人（包括您）都须重新登录')
    expect(api['backup.restore']).not.toHaveBeenCalled()
    await u.click(screen.getByTestId('confirm-ok'))
    await waitFor(() => expect(api['backup.restore']).toHaveBeenCalledWith({ folder: '/media/usb/b1', password: 'Sys-Admin-2026' }))
    await waitFor(() => expect(api['auth.logout']).toHaveBeenCalled())
  })

  it('shows the unit’s signing key fingerprint to note on paper (issue 7 #6)', async () => {
    const fp = '12345 67890 12345 67890 12345 67890 12345 67890 12345 67890 12345 67890'
    installFakeApi({
      ...signedInAs(['sysadmin'], 'backup'),
      'backup.signingKey': () => ok({ fingerprint: fp, createdAt: '2026-01-01T00:00:00Z', retired: [] }),
    })
    renderApp()
    expect((await screen.findByTestId('backup-fingerprint')).textContent).toBe(fp)
  })

  it('shows the BackupInfo of a created backup', async () => {
    const u = userEvent.setup()
    installFakeApi({
      ...signedInAs(['sysadmin'], 'backup'),
      'backup.create': () =>
        ok({ folder: '/media/usb/b2', createdAt: '2025-06-01T02:30:00Z', bytes: 3481600, sha256: 'ef'.repeat(32), auditEntries: 137 }),
    })
    renderApp()
    await u.type(await screen.findByTestId('backup-create-folder'), '/media/usb/b2')
    await u.click(screen.getByTestId('backup-create'))
    const info = await screen.findByTestId('backup-info')
    expect(info.textContent).toContain('3.3 MB')
    expect(info.textContent).toContain('137')
    expect(info.textContent).toContain('ef'.repeat(32))
  })
})

describe('backup errors', () => {
  it('shows a failed backup inline in its card', async () => {
    const u = userEvent.setup()
    installFakeApi({
      ...signedInAs(['sysadmin'], 'backup'),
      'backup.verify': () => fail('FILE_NOT_FOUND', { path: '/media/usb/none' }),
    })
    renderApp()
    await u.type(await screen.findByTestId('backup-verify-folder'), '/media/usb/none')
    await u.click(screen.getByTestId('backup-verify'))
    expect((await screen.findByTestId('backup-verify-error')).textContent).toBe('找不到文件或文件夹：/media/usb/none')
  })
})
