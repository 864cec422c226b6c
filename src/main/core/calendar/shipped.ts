import t2020 from '../../../../resources/calendar/2020.json'
import t2021 from '../../../../resources/calendar/2021.json'
import t2022 from '../../../../resources/calendar/2022.json'
import t2023 from '../../../../resources/calendar/2023.json'
import t2024 from '../../../../resources/calendar/2024.json'
import t2025 from '../../../../resources/calendar/2025.json'
import t2026 from '../../../../resources/calendar/2026.json'
import { WorkingDayCalendar } from './calendar'
import { validateHolidayTable, type HolidayTable } from './tables'

// Static imports so the bundler puts the tables inside the app: no file lookup at run time.
const RAW: readonly unknown[] = [t2020, t2021, t2022, t2023, t2024, t2025, t2026]

let shipped: HolidayTable[] | undefined

/** The official tables that ship with the app, checked once like any import. */
export function shippedHolidayTables(): HolidayTable[] {
  if (!shipped) {
    shipped = RAW.map((raw) => {
      const r = validateHolidayTable(raw)
      if (!r.ok) throw new Error(`shipped holiday table is invalid: ${r.errors.map((e) => `${e.path ?? ''} ${e.en}`).join('; ')}`)
      return r.table
    })
  }
  return shipped.map((t) => ({ ...t, holidays: [...t.holidays], workdays: [...t.workdays] }))
}

/**
 * The calendar with every shipped table, plus `extra` tables (imported, or from a package of the
 * higher-level office); an extra table for a shipped year replaces the shipped one.
 */
export function defaultCalendar(extra: readonly HolidayTable[] = []): WorkingDayCalendar {
  return new WorkingDayCalendar([...shippedHolidayTables(), ...extra])
}
