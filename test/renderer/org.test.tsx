// @vitest-environment jsdom
import './setup'
import { describe, expect, it } from 'vitest'
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { installFakeApi, ok, renderApp, expectShown } from './helpers'
import { person, personDetail, signedInAs } from './domainFakes'

const DEPARTMENTS = [
  { id: 1, name: '办公室', code: 'BGS', sortOrder: 1, headcount: 2 },
  { id: 2, name: '执法大队', code: 'ZFDD', sortOrder: 2, headcount: 1 },
]
const PEOPLE = [
  person({ id: 10, staffNo: 'A0010', name: '张强', supervisorId: null, supervisorName: null, rank: '四级主任科员', username: 'zhangq' }),
  person(),
  person({ id: 12, staffNo: 'B0001', name: '陈刚', departmentId: 2, departmentName: '执法大队', category: 'enforcement', riskPost: true, status: 'probation' }),
]

function orgHandlers(roles: Parameters<typeof signedInAs>[0]) {
  return {
    ...signedInAs(roles, 'org'),
    'org.departments.list': () => ok(DEPARTMENTS),
    'org.people.list': ({ search }: { search?: string }) => ok(search ? PEOPLE.filter((p) => p.name.includes(search)) : PEOPLE),
    'org.people.get': () => ok(personDetail()),
    'org.leadership.get': () =>
      ok({
        head: { id: 10, staffNo: 'A0010', name: '张强', accountHasRole: true },
        members: [{ id: 11, staffNo: 'A0011', name: '李明', accountHasRole: false }],
        discipline: [{ id: 12, staffNo: 'B0001', name: '陈刚', accountHasRole: null }],
      }),
  }
}

describe('organisation and people', () => {
  it('lists people with department, category, risk post, status and account', async () => {
    installFakeApi(orgHandlers(['leader']))
    renderApp()
    const row = await screen.findByTestId('person-row-B0001', {}, { timeout: 8000 })
    expect(row.textContent).toContain('陈刚')
    expect(row.textContent).toContain('执法大队')
    expect(row.textContent).toContain('行政执法类')
    expect(row.textContent).toContain('风险岗位')
    expect(row.textContent).toContain('试用期')
    expect(screen.getByTestId('person-row-A0010').textContent).toContain('zhangq')
    expect(screen.getByTestId('people-count').textContent).toBe('显示 3 人，共 3 人')
    // A leader reads; only HR adds or edits.
    expect(screen.queryByTestId('person-add')).toBeNull()
  })

  it('searches and filters by department in the loaded list; the gone toggle asks main again', async () => {
    const u = userEvent.setup()
    const api = installFakeApi(orgHandlers(['hr']))
    renderApp()
    await screen.findByTestId('people', {}, { timeout: 8000 })
    await u.type(screen.getByTestId('people-search'), '陈')
    await waitFor(() => expect(screen.getByTestId('people-count').textContent).toBe('显示 1 人，共 3 人'))
    expect(screen.queryByTestId('person-row-A0010')).toBeNull()
    await u.clear(screen.getByTestId('people-search'))
    await u.selectOptions(screen.getByTestId('people-department'), '办公室')
    await waitFor(() => expect(screen.getByTestId('people-count').textContent).toBe('显示 2 人，共 3 人'))
    expect(screen.queryByTestId('person-row-B0001')).toBeNull()
    await u.click(screen.getByTestId('people-include-gone'))
    await waitFor(() => expect(api['org.people.list']).toHaveBeenLastCalledWith({ includeGone: true }))
  })

  it('opens a person with their history of assignments', async () => {
    const u = userEvent.setup()
    installFakeApi(orgHandlers(['hr']))
    renderApp()
    await u.click(await screen.findByTestId('person-row-A0011'))
    await u.click(await screen.findByTestId('person-tab-history'))
    const history = await screen.findByTestId('person-history')
    expect(history.textContent).toContain('2019年7月1日 至 2024年3月1日')
    expect(history.textContent).toContain('执法大队')
    expect(history.textContent).toContain('2024年3月1日 起')
    expect(history.textContent).toContain('岗位调整（王芳 记录）')
    expectShown(screen.getByTestId('person-tab-edit'))
  })

  it('a person opened and left before their details arrive never replaces the one open now', async () => {
    const u = userEvent.setup()
    let answerLate: (v: ReturnType<typeof ok<ReturnType<typeof personDetail>>>) => void = () => {}
    const late = new Promise<ReturnType<typeof ok<ReturnType<typeof personDetail>>>>((resolve) => (answerLate = resolve))
    installFakeApi({
      ...orgHandlers(['hr']),
      'org.people.get': ({ id }: { id: number }) =>
        id === 11 ? late : ok(personDetail({ id: 12, staffNo: 'B0001', name: '陈刚', departmentId: 2, departmentName: '执法大队' })),
    })
    renderApp()
    await u.click(await screen.findByTestId('person-row-A0011'))
    await u.keyboard('{Escape}')
    await u.click(await screen.findByTestId('person-row-B0001'))
    await waitFor(() => expect(screen.getByTestId('person-drawer').textContent).toContain('陈刚'))
    await act(async () => {
      answerLate(ok(personDetail()))
      await late
    })
    const drawer = screen.getByTestId('person-drawer')
    expect(drawer.textContent).toContain('陈刚')
    expect(drawer.textContent).not.toContain('A0011')
  })

  it('saves an edit with today as the effective date by default', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({ ...orgHandlers(['hr']), 'org.people.save': () => ok(personDetail({ post: '副科长' })) })
    renderApp()
    await u.click(await screen.findByTestId('person-row-A0011'))
    await u.click(await screen.findByTestId('person-tab-edit'))
    await u.clear(screen.getByTestId('person-form-post'))
    await u.type(screen.getByTestId('person-form-post'), '副科长')
    await u.click(screen.getByTestId('person-form-submit'))
    const d = new Date()
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    await waitFor(() =>
      expect(api['org.people.save']).toHaveBeenCalledWith(
        expect.objectContaining({ id: 11, staffNo: 'A0011', post: '副科长', departmentId: 1, supervisorId: 10, effectiveOn: today }),
      ),
    )
  })

  it('warns when a leadership group member’s account lacks the role', async () => {
    const u = userEvent.setup()
    installFakeApi(orgHandlers(['hr']))
    renderApp()
    await u.click(await screen.findByTestId('org-tab-leadership'))
    const members = await screen.findByTestId('leadership-members')
    expect(within(members).getByTestId('role-missing').textContent).toBe('角色未授予')
    expect(screen.getByTestId('leadership-role-warning').textContent).toBe('部分人员的账户尚未授予相应角色，请联系安全管理员')
    expect(within(screen.getByTestId('leadership-head')).queryByTestId('role-missing')).toBeNull()
    expectShown(within(screen.getByTestId('leadership-discipline')).getByTestId('no-account'))
    expectShown(screen.getByTestId('leadership-edit'))
  })

  it('shows each role only its pages', async () => {
    installFakeApi(signedInAs(['staff'], 'home'))
    renderApp()
    expect((await screen.findByTestId('nav-guideline')).textContent).toContain('考核指引')
    expect((screen.getByTestId('nav-calendar')).textContent).toContain('工作日历')
    expect(screen.queryByTestId('nav-org')).toBeNull()
    expect(screen.queryByTestId('nav-policy')).toBeNull()
    expect(screen.queryByTestId('nav-roster')).toBeNull()
  })
})
