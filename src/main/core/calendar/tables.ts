import { dayNumberOf, fromDayNumber, isIsoDate, isWeekendDayNumber, toDayNumber, yearOfDayNumber, type IsoDate } from './dates'

/**
 * One year's official arrangement, as the State Council General Office's notice
 * (国务院办公厅关于XXXX年部分节假日安排的通知) gives it. `holidays` lists every day off of every
 * holiday run, the weekend days inside a run included; `workdays` lists the make-up working days
 * (调休上班日), which are always Saturdays or Sundays.
 *
 * A run announced for year Y may begin in December of Y−1 (2023's 元旦 ran 2022-12-31 – 2023-01-02),
 * so a table may hold dates from that December too.
 */
export interface HolidayTable {
  year: number
  source: string
  note?: string
  holidays: HolidayEntry[]
  workdays: HolidayEntry[]
}

export interface HolidayEntry {
  date: IsoDate
  name: string
}

export type CalendarIssueCode =
  | 'CALENDAR_IMPORT_SYNTAX'
  | 'CALENDAR_IMPORT_FIELD'
  | 'CALENDAR_IMPORT_DATE'
  | 'CALENDAR_IMPORT_OUTSIDE_YEAR'
  | 'CALENDAR_IMPORT_DUPLICATE'
  | 'CALENDAR_IMPORT_MAKEUP_NOT_WEEKEND'
  | 'CALENDAR_IMPORT_NO_HOLIDAYS'
  | 'CALENDAR_IMPORT_NOT_ALL_DAY'
  | 'CALENDAR_IMPORT_YEAR_AMBIGUOUS'

/** Why an import was refused: both languages; `line` (1-based) for ICS and JSON syntax errors. */
export interface CalendarIssue {
  code: CalendarIssueCode
  zh: string
  en: string
  line?: number
  path?: string
}

export type TableParseResult = { ok: true; table: HolidayTable } | { ok: false; errors: CalendarIssue[] }

export const TABLE_MIN_YEAR = 1900
export const TABLE_MAX_YEAR = 9999

function issue(code: CalendarIssueCode, zh: string, en: string, where: { line?: number; path?: string } = {}): CalendarIssue {
  return { code, zh, en, ...where }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

interface LocatedEntry extends HolidayEntry {
  line?: number
  path?: string
}

/**
 * The checks every table passes, whatever it came from: dates real and inside the table's year (or
 * the December before), no date listed twice or as both day off and working day, make-up working
 * days on weekends only, and at least one holiday (every year has 元旦; an empty list is a mistake).
 */
function checkEntries(year: number, holidays: LocatedEntry[], workdays: LocatedEntry[]): CalendarIssue[] {
  const errors: CalendarIssue[] = []
  const first = dayNumberOf(year - 1, 12, 1)
  const last = dayNumberOf(year, 12, 31)
  const seen = new Map<string, LocatedEntry & { list: 'holidays' | 'workdays' }>()
  const check = (e: LocatedEntry, list: 'holidays' | 'workdays') => {
    const where = { ...(e.line !== undefined ? { line: e.line } : {}), ...(e.path !== undefined ? { path: e.path } : {}) }
    if (!isIsoDate(e.date)) {
      errors.push(issue('CALENDAR_IMPORT_DATE', `日期无效：“${e.date}”（应为 YYYY-MM-DD）`, `Invalid date "${e.date}" (expected YYYY-MM-DD)`, where))
      return
    }
    const day = toDayNumber(e.date)
    if (day < first || day > last) {
      errors.push(
        issue(
          'CALENDAR_IMPORT_OUTSIDE_YEAR',
          `${e.date} 不属于 ${year} 年的安排（只能是 ${year} 年内的日期，或上一年 12 月）`,
          `${e.date} is not part of the ${year} arrangement (dates must be in ${year} or in December of the year before)`,
          where,
        ),
      )
      return
    }
    const prior = seen.get(e.date)
    if (prior) {
      const both = prior.list !== list
      errors.push(
        issue(
          'CALENDAR_IMPORT_DUPLICATE',
          both ? `${e.date} 同时列为放假日和调休上班日` : `${e.date} 重复列出`,
          both ? `${e.date} is listed both as a holiday and as a make-up working day` : `${e.date} is listed twice`,
          where,
        ),
      )
      return
    }
    seen.set(e.date, { ...e, list })
    if (list === 'workdays' && !isWeekendDayNumber(day)) {
      errors.push(
        issue(
          'CALENDAR_IMPORT_MAKEUP_NOT_WEEKEND',
          `调休上班日 ${e.date} 不是周六或周日（工作日本来就上班）`,
          `Make-up working day ${e.date} is not a Saturday or Sunday (weekdays are working days anyway)`,
          where,
        ),
      )
    }
  }
  holidays.forEach((e) => check(e, 'holidays'))
  workdays.forEach((e) => check(e, 'workdays'))
  if (holidays.length === 0) {
    errors.push(issue('CALENDAR_IMPORT_NO_HOLIDAYS', `${year} 年的安排没有任何放假日`, `The ${year} arrangement lists no holidays`))
  }
  return errors
}

function byDate(a: HolidayEntry, b: HolidayEntry): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0
}

function finish(year: number, source: string, note: string | undefined, holidays: LocatedEntry[], workdays: LocatedEntry[]): HolidayTable {
  const plain = (e: LocatedEntry): HolidayEntry => ({ date: e.date, name: e.name })
  return {
    year,
    source,
    ...(note !== undefined ? { note } : {}),
    holidays: holidays.map(plain).sort(byDate),
    workdays: workdays.map(plain).sort(byDate),
  }
}

/** Checks a value shaped like the JSON files in resources/calendar. Unknown keys are ignored. */
export function validateHolidayTable(value: unknown): TableParseResult {
  const errors: CalendarIssue[] = []
  const field = (path: string, zhWhat: string, enWhat: string) =>
    errors.push(issue('CALENDAR_IMPORT_FIELD', `字段 ${path} ${zhWhat}`, `Field ${path} ${enWhat}`, { path }))
  if (!isRecord(value)) {
    field('(root)', '应为对象', 'must be an object')
    return { ok: false, errors }
  }
  const { year, source, note } = value
  if (typeof year !== 'number' || !Number.isInteger(year) || year < TABLE_MIN_YEAR || year > TABLE_MAX_YEAR) {
    field('year', `应为 ${TABLE_MIN_YEAR}–${TABLE_MAX_YEAR} 之间的整数`, `must be a whole number from ${TABLE_MIN_YEAR} to ${TABLE_MAX_YEAR}`)
  }
  if (typeof source !== 'string' || source.trim() === '') {
    field('source', '应为非空文字（注明通知文号）', 'must be non-empty text (name the notice)')
  }
  if (note !== undefined && typeof note !== 'string') field('note', '应为文字', 'must be text')
  const lists: Record<'holidays' | 'workdays', LocatedEntry[]> = { holidays: [], workdays: [] }
  for (const key of ['holidays', 'workdays'] as const) {
    const list = value[key]
    if (!Array.isArray(list)) {
      field(key, '应为数组', 'must be an array')
      continue
    }
    list.forEach((item: unknown, i) => {
      const path = `${key}[${i}]`
      if (!isRecord(item)) return field(path, '应为 {date, name} 对象', 'must be a {date, name} object')
      if (typeof item.date !== 'string') return field(`${path}.date`, '应为 YYYY-MM-DD 文字', 'must be YYYY-MM-DD text')
      if (typeof item.name !== 'string' || item.name.trim() === '') return field(`${path}.name`, '应为非空文字', 'must be non-empty text')
      lists[key].push({ date: item.date, name: item.name.trim(), path: `${path}.date` })
    })
  }
  if (errors.length > 0 || typeof year !== 'number' || typeof source !== 'string') return { ok: false, errors }
  errors.push(...checkEntries(year, lists.holidays, lists.workdays))
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, table: finish(year, source.trim(), typeof note === 'string' ? note : undefined, lists.holidays, lists.workdays) }
}

function lineAt(text: string, position: number): number {
  return text.slice(0, position).split('\n').length
}

/** A year table from JSON text (the format of resources/calendar/*.json). */
export function parseHolidayTableJson(text: string): TableParseResult {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    // Node states where the error is in some messages only (varies with the V8 version).
    const lineMatch = /\(line (\d+) column \d+\)/.exec(message)
    const position = /position (\d+)/.exec(message)
    const line = lineMatch ? Number(lineMatch[1]) : position ? lineAt(text, Number(position[1])) : undefined
    return {
      ok: false,
      errors: [
        issue('CALENDAR_IMPORT_SYNTAX', `不是有效的 JSON：${message}`, `Not valid JSON: ${message}`, line !== undefined ? { line } : {}),
      ],
    }
  }
  return validateHolidayTable(value)
}

// ---------------------------------------------------------------------------------------------
// iCalendar (RFC 5545)

export interface IcsOptions {
  /** The year to import. Required when the file covers several years (many published feeds do). */
  year?: number
  /** Where the table came from, e.g. the notice's number; defaults to the calendar's name. */
  source?: string
}

interface IcsLine {
  line: number
  name: string
  params: Record<string, string>
  value: string
}

/** Joins folded lines (a line starting with a space or tab continues the one before). */
function unfold(text: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = []
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      const previous = out[out.length - 1]
      if ((raw.startsWith(' ') || raw.startsWith('\t')) && previous) previous.text += raw.slice(1)
      else if (raw.trim() !== '') out.push({ line: i + 1, text: raw })
    })
  return out
}

function parseContentLine(line: number, text: string): IcsLine | undefined {
  // The value starts at the first ':' not inside a quoted parameter value.
  let inQuotes = false
  let colon = -1
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '"') inQuotes = !inQuotes
    else if (c === ':' && !inQuotes) {
      colon = i
      break
    }
  }
  if (colon < 0) return undefined
  const [name = '', ...paramParts] = text.slice(0, colon).split(';')
  const params: Record<string, string> = {}
  for (const p of paramParts) {
    const eq = p.indexOf('=')
    if (eq > 0) params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"|"$/g, '')
  }
  return { line, name: name.toUpperCase(), params, value: text.slice(colon + 1) }
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? ' ' : c))
}

interface IcsEvent {
  line: number
  props: Map<string, IcsLine>
}

/** Make-up working days are told apart by their title: the usual Chinese feeds write 班 or 上班. */
export function isMakeupSummary(summary: string): boolean {
  return summary.includes('班')
}

/**
 * A year table from an iCalendar file: every VEVENT must be all-day (DTSTART;VALUE=DATE), DTEND is
 * exclusive as RFC 5545 says (no DTEND: one day, or DURATION in days/weeks). An event whose SUMMARY
 * contains 班 (e.g. “上班”, “补班”, “调休上班”) lists make-up working days; every other event lists
 * days off, named by its SUMMARY. An event belongs to the year of its last day, so a 元旦 run that
 * starts on 31 December counts for the new year. Holidays on the same day from two events (a feed
 * with both 国庆节 and 中秋节 on 10/6) are merged into one entry, as are repeated make-up days.
 */
export function parseHolidayIcs(text: string, options: IcsOptions = {}): TableParseResult {
  const errors: CalendarIssue[] = []
  const lines = unfold(text)
  if (!lines.some((l) => l.text.trim().toUpperCase() === 'BEGIN:VCALENDAR')) {
    return {
      ok: false,
      errors: [issue('CALENDAR_IMPORT_SYNTAX', '不是 iCalendar 文件（缺少 BEGIN:VCALENDAR）', 'Not an iCalendar file (no BEGIN:VCALENDAR)', { line: 1 })],
    }
  }
  const events: IcsEvent[] = []
  let calendarName: string | undefined
  let current: IcsEvent | undefined
  // Components nested in an event (VALARM) have their own DTSTART etc., which must not be mistaken
  // for the event's.
  let nested = 0
  for (const { line, text: raw } of lines) {
    const prop = parseContentLine(line, raw)
    if (!prop) {
      errors.push(issue('CALENDAR_IMPORT_SYNTAX', `第 ${line} 行格式无法识别（缺少“:”）`, `Line ${line} cannot be read (no ":")`, { line }))
      continue
    }
    const value = prop.value.trim().toUpperCase()
    if (prop.name === 'BEGIN') {
      if (value === 'VEVENT') {
        if (current) errors.push(issue('CALENDAR_IMPORT_SYNTAX', `第 ${line} 行：上一个 VEVENT 未结束`, `Line ${line}: the previous VEVENT is not closed`, { line }))
        current = { line, props: new Map() }
        nested = 0
      } else if (current) nested++
      continue
    }
    if (prop.name === 'END') {
      if (value === 'VEVENT') {
        if (current) events.push(current)
        else errors.push(issue('CALENDAR_IMPORT_SYNTAX', `第 ${line} 行：END:VEVENT 没有对应的 BEGIN`, `Line ${line}: END:VEVENT without BEGIN:VEVENT`, { line }))
        current = undefined
      } else if (current && nested > 0) nested--
      continue
    }
    if (!current && prop.name === 'X-WR-CALNAME') calendarName = unescapeText(prop.value).trim()
    if (current && nested === 0 && !current.props.has(prop.name)) current.props.set(prop.name, prop)
  }
  if (current) {
    errors.push(issue('CALENDAR_IMPORT_SYNTAX', `第 ${current.line} 行开始的 VEVENT 未结束`, `The VEVENT starting on line ${current.line} is not closed`, { line: current.line }))
  }

  interface Expanded {
    line: number
    name: string
    makeup: boolean
    days: number[]
  }
  const expanded: Expanded[] = []
  for (const ev of events) {
    const summary = ev.props.get('SUMMARY')
    const start = ev.props.get('DTSTART')
    const where = { line: ev.line }
    if (!summary || unescapeText(summary.value).trim() === '') {
      errors.push(issue('CALENDAR_IMPORT_FIELD', `第 ${ev.line} 行的事件缺少 SUMMARY（名称）`, `The event on line ${ev.line} has no SUMMARY`, where))
      continue
    }
    if (!start) {
      errors.push(issue('CALENDAR_IMPORT_FIELD', `第 ${ev.line} 行的事件缺少 DTSTART`, `The event on line ${ev.line} has no DTSTART`, where))
      continue
    }
    const startDay = icsDate(start, errors)
    if (startDay === undefined) continue
    let endDay = startDay + 1
    const end = ev.props.get('DTEND')
    const duration = ev.props.get('DURATION')
    if (end) {
      const d = icsDate(end, errors)
      if (d === undefined) continue
      endDay = d
    } else if (duration) {
      const m = /^P(?:(\d+)W|(\d+)D)$/i.exec(duration.value.trim())
      if (!m) {
        errors.push(
          issue('CALENDAR_IMPORT_NOT_ALL_DAY', `第 ${duration.line} 行：DURATION 只能是整天或整周（如 P3D）`, `Line ${duration.line}: DURATION must be whole days or weeks (e.g. P3D)`, { line: duration.line }),
        )
        continue
      }
      endDay = startDay + (m[1] ? Number(m[1]) * 7 : Number(m[2]))
    }
    const length = endDay - startDay
    if (length < 1 || length > 31) {
      const at = (end ?? duration ?? start).line
      errors.push(
        issue(
          'CALENDAR_IMPORT_FIELD',
          `第 ${at} 行：事件长度为 ${length} 天，应为 1–31 天（DTEND 不含当天）`,
          `Line ${at}: the event lasts ${length} days; it must last 1–31 days (DTEND is exclusive)`,
          { line: at },
        ),
      )
      continue
    }
    const name = unescapeText(summary.value).trim()
    expanded.push({
      line: ev.line,
      name,
      makeup: isMakeupSummary(name),
      days: Array.from({ length }, (_, i) => startDay + i),
    })
  }
  if (errors.length > 0) return { ok: false, errors }
  if (expanded.length === 0) {
    return { ok: false, errors: [issue('CALENDAR_IMPORT_NO_HOLIDAYS', '文件中没有任何事件（VEVENT）', 'The file has no events (VEVENT)')] }
  }

  const yearOf = (e: Expanded) => yearOfDayNumber(Math.max(...e.days))
  let year = options.year
  if (year === undefined) {
    const years = [...new Set(expanded.map(yearOf))].sort()
    if (years.length > 1) {
      return {
        ok: false,
        errors: [
          issue(
            'CALENDAR_IMPORT_YEAR_AMBIGUOUS',
            `文件包含多个年份（${years.join('、')}），请指定要导入的年份`,
            `The file covers several years (${years.join(', ')}); choose the year to import`,
          ),
        ],
      }
    }
    year = years[0]
  }
  if (year === undefined || !Number.isInteger(year) || year < TABLE_MIN_YEAR || year > TABLE_MAX_YEAR) {
    return { ok: false, errors: [issue('CALENDAR_IMPORT_FIELD', `年份无效：${String(year)}`, `Invalid year: ${String(year)}`)] }
  }
  const holidays = new Map<string, LocatedEntry>()
  const workdays = new Map<string, LocatedEntry>()
  for (const e of expanded.filter((x) => yearOf(x) === year)) {
    for (const day of e.days) {
      const date = fromDayNumber(day)
      if (e.makeup) {
        if (!workdays.has(date)) workdays.set(date, { date, name: e.name, line: e.line })
        continue
      }
      const prior = holidays.get(date)
      if (prior && !prior.name.split('、').includes(e.name)) prior.name = `${prior.name}、${e.name}`
      else if (!prior) holidays.set(date, { date, name: e.name, line: e.line })
    }
  }
  const holidayList = [...holidays.values()]
  const workdayList = [...workdays.values()]
  const more = checkEntries(year, holidayList, workdayList)
  if (more.length > 0) return { ok: false, errors: more.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) }
  const source = options.source?.trim() || calendarName || 'iCalendar 导入 / iCalendar import'
  return { ok: true, table: finish(year, source, undefined, holidayList, workdayList) }
}

/** Day number of an all-day DTSTART/DTEND, or undefined with an error recorded. */
function icsDate(prop: IcsLine, errors: CalendarIssue[]): number | undefined {
  const v = prop.value.trim()
  const where = { line: prop.line }
  if (/T/i.test(v) || (prop.params.VALUE !== undefined && prop.params.VALUE.toUpperCase() !== 'DATE')) {
    errors.push(
      issue(
        'CALENDAR_IMPORT_NOT_ALL_DAY',
        `第 ${prop.line} 行：${prop.name} 不是全天日期（应为 ${prop.name};VALUE=DATE:YYYYMMDD）`,
        `Line ${prop.line}: ${prop.name} is not an all-day date (expected ${prop.name};VALUE=DATE:YYYYMMDD)`,
        where,
      ),
    )
    return undefined
  }
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(v)
  const iso = m ? `${m[1]}-${m[2]}-${m[3]}` : v
  if (!m || !isIsoDate(iso)) {
    errors.push(issue('CALENDAR_IMPORT_DATE', `第 ${prop.line} 行：日期无效“${v}”（应为 YYYYMMDD）`, `Line ${prop.line}: invalid date "${v}" (expected YYYYMMDD)`, where))
    return undefined
  }
  return toDayNumber(iso)
}
