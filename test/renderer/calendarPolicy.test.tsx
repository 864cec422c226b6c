// @vitest-environment jsdom
import './setup'
import { describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { installFakeApi, ok, renderApp, type FakeOverrides, expectShown } from './helpers'
import { calendarYear, policyView, signedInAs } from './domainFakes'

const THIS_YEAR = new Date().getFullYear()

function calendarHandlers(roles: Parameters<typeof signedInAs>[0]) {
  return {
    ...signedInAs(roles, 'calendar'),
    'calendar.years': () => ok([{ year: THIS_YEAR, origin: 'shipped', source: '国务院办公厅通知', holidays: 2, makeupWorkdays: 1 }]),
    'calendar.year': ({ year }: { year: number }) =>
      ok(
        year === THIS_YEAR
          ? calendarYear(year, {
              [`${year}-10-01`]: { kind: 'holiday', name: '国庆节' },
              [`${year}-10-02`]: { kind: 'holiday', name: '国庆节' },
              [`${year}-10-11`]: { kind: 'makeup', name: '国庆节调休' },
            })
          : calendarYear(
              year,
              { [`${year}-01-01`]: { kind: 'holiday', name: '元旦' } },
              {
                loaded: false,
                source: null,
                origin: 'estimated',
                warnings: [{ code: 'CALENDAR_YEAR_NOT_LOADED', year, zh: `${year}年的放假安排尚未载入`, en: `No table for ${year}` }],
              },
            ),
      ),
  } satisfies FakeOverrides
}

describe('working-day calendar', () => {
  it('marks a holiday in red with its name, and a make-up working day', async () => {
    installFakeApi(calendarHandlers(['staff']))
    renderApp()
    const holiday = await screen.findByTestId(`cal-day-${THIS_YEAR}-10-01`)
    expect(holiday.getAttribute('data-kind')).toBe('holiday')
    expect(holiday.className).toContain('cal-holiday')
    expect(holiday.getAttribute('title')).toContain('国庆节')
    const makeup = screen.getByTestId(`cal-day-${THIS_YEAR}-10-11`)
    expect(makeup.getAttribute('data-kind')).toBe('makeup')
    expect(makeup.className).toContain('cal-makeup')
    expect(makeup.getAttribute('title')).toContain('国庆节调休')
    expect(screen.getByTestId('calendar-source').textContent).toContain('依据：国务院办公厅通知')
    expect(screen.queryByTestId('calendar-not-loaded')).toBeNull()
    // Twelve months; staff cannot import.
    expectShown(screen.getByTestId('cal-month-12'))
    expect(screen.queryByTestId('calendar-import-button')).toBeNull()
  })

  it('warns that a year without a table is an estimate', async () => {
    const u = userEvent.setup()
    installFakeApi(calendarHandlers(['hr']))
    renderApp()
    await screen.findByTestId('calendar-source')
    await u.selectOptions(screen.getByTestId('calendar-year'), String(THIS_YEAR + 1))
    const banner = await screen.findByTestId('calendar-not-loaded')
    expect(banner.textContent).toContain('本年度调休安排尚未公布，按法定节假日估算')
    expect(banner.textContent).toContain(`${THIS_YEAR + 1}年的放假安排尚未载入`)
    expectShown(screen.getByTestId('calendar-import-button'))
  })

  it('computes a deadline in working days and shows its warnings', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      ...calendarHandlers(['staff']),
      'calendar.addWorkingDays': () =>
        ok({
          from: '2026-09-28',
          days: 5,
          date: '2026-10-12',
          warnings: [{ code: 'X', year: 2026, zh: '提示：含估算', en: 'estimated' }],
        }),
    })
    renderApp()
    await u.clear(await screen.findByTestId('deadline-days'))
    await u.type(screen.getByTestId('deadline-days'), '5')
    await u.click(screen.getByTestId('deadline-compute'))
    const result = await screen.findByTestId('deadline-result')
    expect(result.textContent).toContain('2026年10月12日（星期一）')
    expect(result.textContent).toContain('自2026年9月28日起 5 个工作日')
    expect(result.textContent).toContain('提示：含估算')
    expect(api['calendar.addWorkingDays']).toHaveBeenCalledWith(expect.objectContaining({ days: 5 }))
  })
})

const PENDING = {
  id: 7,
  version: 'city-2026-02',
  proposedBy: '王芳',
  proposedAt: '2026-02-01T02:00:00Z',
  changes: [
    { key: 'constraints.P6_excellentShareMax', from: 15, to: 20 },
    { key: 'security.lockoutMinutes', from: 15, to: 30 },
  ],
}

describe('assessment policy', () => {
  it('lists P1–P10 with Chinese descriptions', async () => {
    installFakeApi({ ...signedInAs(['leader'], 'policy'), 'policy.get': () => ok(policyView()) })
    renderApp()
    const row = await screen.findByTestId('policy-constraint-P1_leadershipChannelMin')
    expect(row.textContent).toContain('领导评价渠道权重下限（P1）')
    expect(screen.getByTestId('policy-constraint-P7_publicityWorkingDaysMin').textContent).toContain('5 个工作日')
    expect(screen.getByTestId('policy-constraint-P6_excellentShareMax').textContent).toContain('15%')
  })

  it('shows approve and refuse only to the leadership group head', async () => {
    installFakeApi({ ...signedInAs(['hr'], 'policy'), 'policy.get': () => ok(policyView({ pending: PENDING })) })
    renderApp()
    const pending = await screen.findByTestId('policy-pending')
    const change = screen.getByTestId('policy-change-constraints.P6_excellentShareMax')
    expect(change.textContent).toContain('优秀等次比例上限，上级批准的除外（P6）')
    expect(change.textContent).toContain('15%')
    expect(change.textContent).toContain('20%')
    expect(screen.getByTestId('policy-change-security.lockoutMinutes').textContent).toContain('锁定时长15 分钟30 分钟')
    expect(pending.textContent).toContain('等待领导小组组长批准')
    expect(screen.queryByTestId('policy-approve')).toBeNull()
    expect(screen.queryByTestId('policy-refuse')).toBeNull()
    // HR proposes imports.
    expectShown(screen.getByTestId('policy-import-button'))
  })

  it('lets the head refuse with a reason', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      ...signedInAs(['leaderHead'], 'policy'),
      'policy.get': () => ok(policyView({ pending: PENDING })),
      'policy.decide': () => ok(policyView({ history: [{ id: 7, version: 'city-2026-02', source: 'import', status: 'refused', decidedAt: '2026-02-02T02:00:00Z', decidedBy: '赵建国', reason: '与上级文件不符' }] })),
    })
    renderApp()
    expectShown(await screen.findByTestId('policy-approve'))
    expect(screen.queryByTestId('policy-import-button')).toBeNull()
    await u.click(screen.getByTestId('policy-refuse'))
    await u.click(screen.getByTestId('policy-decide-submit'))
    expect(api['policy.decide']).not.toHaveBeenCalled()
    await u.type(screen.getByTestId('policy-reason'), '与上级文件不符')
    await u.click(screen.getByTestId('policy-decide-submit'))
    await waitFor(() => expect(api['policy.decide']).toHaveBeenCalledWith({ id: 7, approve: false, reason: '与上级文件不符' }))
    expect((await screen.findByTestId('policy-history')).textContent).toContain('已驳回')
    expect(screen.queryByTestId('policy-pending')).toBeNull()
  })
})
