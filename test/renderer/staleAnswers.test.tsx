// @vitest-environment jsdom
import './setup'
import { describe, expect, it } from 'vitest'
import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { CalendarYear, PolicyView } from '../../src/shared/api/types'
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
