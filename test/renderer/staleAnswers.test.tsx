// @vitest-environment jsdom
import './setup'
import { describe, expect, it } from 'vitest'
import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { CalendarYear, PolicyView, TalkStatus } from '../../src/shared/api/types'
import type { Quarter, QuarterlyDetail, QuarterlyStatusRow } from '../../src/shared/quarterly'
import { expectShown, installFakeApi, ok, renderApp } from './helpers'
import { calendarYear, policyView, signedInAs } from './domainFakes'

const THIS_YEAR = new Date().getFullYear()
const LATE_YEAR = THIS_YEAR - 1
const NEXT_YEAR = THIS_YEAR + 1
/** A ceiling for the first screen to appear on a loaded machine (not a timed assertion). */
const FIRST_SCREEN = { timeout: 15_000 }

/** A reply the test sends when it chooses: the fake main answers the old year's call after the new one. */
function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

describe('a fast year switch shows only the selected year (useApiData drops late answers)', () => {
  it('考核政策: the previous year answering late does not replace the selected year', async () => {
    const u = userEvent.setup()
    const late = deferred<{ ok: true; value: PolicyView }>()
    const api = installFakeApi({
      ...signedInAs(['hr'], 'policy'),
      'policy.get': ({ year }: { year: number }) =>
        year === LATE_YEAR ? late.promise : ok(policyView({ year, version: `v-${year}` })),
    })
    renderApp()
    expect((await screen.findByTestId('policy-source', {}, FIRST_SCREEN)).textContent).toContain(`v-${THIS_YEAR}`)

    // Switch to last year (its answer hangs), then at once to next year (answered at once).
    await u.selectOptions(screen.getByTestId('policy-year'), String(LATE_YEAR))
    await u.selectOptions(screen.getByTestId('policy-year'), String(NEXT_YEAR))
    await waitFor(() => expect(screen.getByTestId('policy-source').textContent).toContain(`v-${NEXT_YEAR}`))
    expect(api['policy.get']).toHaveBeenCalledWith({ year: LATE_YEAR })

    // Now last year's answer arrives: the page still shows next year, the year selected.
    await act(async () => {
      late.resolve(ok(policyView({ year: LATE_YEAR, version: `v-${LATE_YEAR}` })))
      await late.promise
    })
    expect(screen.getByTestId('policy-source').textContent).toContain(`v-${NEXT_YEAR}`)
    expectShown(screen.getByText(`${NEXT_YEAR} 年度现行政策`))
    expect(screen.queryByText(`${LATE_YEAR} 年度现行政策`)).toBeNull()
    expect((screen.getByTestId('policy-year') as HTMLSelectElement).value).toBe(String(NEXT_YEAR))
  })

  it('工作日历: the previous year answering late does not replace the selected year', async () => {
    const u = userEvent.setup()
    const late = deferred<{ ok: true; value: CalendarYear }>()
    const holiday = (year: number) =>
      calendarYear(year, { [`${year}-05-01`]: { kind: 'holiday', name: `劳动节${year}` } }, { source: `通知${year}` })
    installFakeApi({
      ...signedInAs(['staff'], 'calendar'),
      'calendar.years': () => ok([]),
      'calendar.year': ({ year }: { year: number }) => (year === LATE_YEAR ? late.promise : ok(holiday(year))),
    })
    renderApp()
    expect((await screen.findByTestId('calendar-source', {}, FIRST_SCREEN)).textContent).toContain(`通知${THIS_YEAR}`)

    await u.selectOptions(screen.getByTestId('calendar-year'), String(LATE_YEAR))
    // While last year is being read, this year's days are no longer shown as if they were last year's.
    expect(screen.queryByTestId(`cal-day-${THIS_YEAR}-05-01`)).toBeNull()
    await u.selectOptions(screen.getByTestId('calendar-year'), String(NEXT_YEAR))
    await waitFor(() => expect(screen.getByTestId('calendar-source').textContent).toContain(`通知${NEXT_YEAR}`))

    await act(async () => {
      late.resolve(ok(holiday(LATE_YEAR)))
      await late.promise
    })
    expect(screen.getByTestId('calendar-source').textContent).toContain(`通知${NEXT_YEAR}`)
    expect(screen.getByTestId(`cal-day-${NEXT_YEAR}-05-01`).getAttribute('title')).toContain(`劳动节${NEXT_YEAR}`)
    expect(screen.queryByTestId(`cal-day-${LATE_YEAR}-05-01`)).toBeNull()
  })
})

function talkRow(month: string, name: string): TalkStatus {
  return { personId: 11, personName: name, staffNo: 'A0011', month, talk: null, overdue: false }
}

function quarterRow(quarter: Quarter, name: string): QuarterlyStatusRow {
  return {
    personId: 11,
    staffNo: 'A0011',
    name,
    department: '社保科',
    year: THIS_YEAR,
    quarter,
    summarySubmittedAt: null,
    rating: null,
    peersAssigned: 0,
    peersRated: 0,
    peerMean: null,
    score: null,
    grade: null,
    meetsStandard: null,
    guidelineVersion: 1,
    flags: ['NOT_RATED'],
    phase: {
      year: THIS_YEAR,
      quarter,
      phase: 'open',
      from: `${THIS_YEAR}-01-01`,
      to: `${THIS_YEAR}-03-31`,
      summaryDueOn: `${THIS_YEAR}-04-08`,
      ratingFrom: `${THIS_YEAR}-04-09`,
      ratingEndsOn: `${THIS_YEAR}-04-22`,
      closesOn: `${THIS_YEAR}-04-23`,
      reopened: null,
      summaryDueWorkingDays: 5,
      ratingWorkingDays: 10,
      minPeerRaters: 3,
    },
    scoreBasis: null,
  }
}

describe('a fast quarter or month switch shows only the selected one', () => {
  it('季度评估: the quarter left behind answering late does not replace the selected quarter', async () => {
    const u = userEvent.setup()
    const late = deferred<{ ok: true; value: QuarterlyStatusRow[] }>()
    const api = installFakeApi({
      ...signedInAs(['hr'], `quarterly?year=${THIS_YEAR}&quarter=1`),
      'org.people.list': () => ok([]),
      'quarterly.status': ({ quarter }: { year: number; quarter: Quarter }) =>
        quarter === 2 ? late.promise : ok([quarterRow(quarter, `第${quarter}季的人`)]),
    })
    renderApp()
    expectShown(await screen.findByText('第1季的人', {}, FIRST_SCREEN))

    // 第二季度 hangs; the user goes on at once to 第三季度, answered at once.
    await u.click(screen.getByText('第二季度'))
    await u.click(screen.getByText('第三季度'))
    expectShown(await screen.findByText('第3季的人'))
    expect(api['quarterly.status']).toHaveBeenCalledWith({ year: THIS_YEAR, quarter: 2 })

    await act(async () => {
      late.resolve(ok([quarterRow(2, '第2季的人')]))
      await late.promise
    })
    expectShown(screen.getByText('第3季的人'))
    expect(screen.queryByText('第2季的人')).toBeNull()
    expect(screen.queryByText('第1季的人')).toBeNull()
  })

  it('我的工作小结: the quarter left behind answering late does not replace the selected quarter’s 小结', async () => {
    const u = userEvent.setup()
    const late = deferred<{ ok: true; value: QuarterlyDetail }>()
    const detail = (quarter: Quarter): QuarterlyDetail => ({
      ...quarterRow(quarter, '李明'),
      summary: `第${quarter}季的小结`,
      draft: null,
      amendments: [],
      ledgerEntries: 0,
      from: `${THIS_YEAR}-01-01`,
      to: `${THIS_YEAR}-03-31`,
    })
    // jsdom has no FontFaceSet; the 小结's autosizing Textarea (Mantine) listens on document.fonts.
    if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: new EventTarget(), configurable: true })
    const api = installFakeApi({
      ...signedInAs(['staff'], `quarterly?tab=summary&year=${THIS_YEAR}&quarter=1`),
      'quarterly.status': ({ quarter }: { year: number; quarter: Quarter }) => ok([quarterRow(quarter, '李明')]),
      'quarterly.get': ({ quarter }: { personId: number; year: number; quarter: Quarter }) => (quarter === 2 ? late.promise : ok(detail(quarter))),
    })
    renderApp()
    await screen.findByTestId('quarterly-summary-text', {}, FIRST_SCREEN)
    const text = () => (screen.getByTestId('quarterly-summary-text') as HTMLTextAreaElement).value
    await waitFor(() => expect(text()).toBe('第1季的小结'))

    await u.click(screen.getByText('第二季度'))
    await u.click(screen.getByText('第三季度'))
    await waitFor(() => expect(text()).toBe('第3季的小结'))
    expect(api['quarterly.get']).toHaveBeenCalledWith({ personId: 11, year: THIS_YEAR, quarter: 2 })

    await act(async () => {
      late.resolve(ok(detail(2)))
      await late.promise
    })
    expect(text()).toBe('第3季的小结')
  })

  it('每月沟通: the month left behind answering late does not replace the selected month', async () => {
    const u = userEvent.setup()
    const late = deferred<{ ok: true; value: TalkStatus[] }>()
    const api = installFakeApi({
      ...signedInAs(['hr'], `talks?month=${THIS_YEAR}-03`),
      'org.people.list': () => ok([]),
      'talks.list': ({ month }: { month: string }) =>
        month === `${THIS_YEAR}-04` ? late.promise : ok([talkRow(month, `${month}的人`)]),
    })
    renderApp()
    expectShown(await screen.findByText(`${THIS_YEAR}-03的人`, {}, FIRST_SCREEN))

    // April hangs; the user picks May at once (answered at once).
    await u.click(screen.getByTestId('talks-month'))
    await u.click(await screen.findByText('4月'))
    await u.click(screen.getByTestId('talks-month'))
    await u.click(await screen.findByText('5月'))
    expectShown(await screen.findByText(`${THIS_YEAR}-05的人`))
    expect(api['talks.list']).toHaveBeenCalledWith({ month: `${THIS_YEAR}-04` })

    await act(async () => {
      late.resolve(ok([talkRow(`${THIS_YEAR}-04`, `${THIS_YEAR}-04的人`)]))
      await late.promise
    })
    expectShown(screen.getByText(`${THIS_YEAR}-05的人`))
    expect(screen.queryByText(`${THIS_YEAR}-04的人`)).toBeNull()
  })
})
