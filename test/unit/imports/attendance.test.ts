// 考勤导入 on the committed fixture files (test/fixtures/attendance, made by generate.mjs) and on
// small inline files for the vocabulary.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { ATTENDANCE_STATUSES, ATTENDANCE_STATUS_ALIASES, parseAttendance, readAttendanceStatus, type AttendanceParse } from '../../../src/main/core/attendance/parse'

const fixture = (name: string) => new Uint8Array(readFileSync(resolve(__dirname, '../../fixtures/attendance', name)))
const csv = (...lines: string[]) => new TextEncoder().encode(lines.join('\r\n'))
const where = (issues: AttendanceParse['errors']) => issues.map((e) => [e.row, e.column, e.code, e.value])
const rows = (r: AttendanceParse) => r.rows.map((x) => [x.row, x.staffNo, x.date, x.status, x.hours])
const KNOWN = new Set(['00101', '00102', '00103'])

describe('attendance-machine.xlsx: merged title, export note, date cells, machine wording', () => {
  it('reads every record below the header on row 3, with the machine forms normalised', async () => {
    const r = await parseAttendance(fixture('attendance-machine.xlsx'), 'attendance-machine.xlsx', { knownStaffNos: KNOWN })
    expect(r.errors).toEqual([])
    // 序号, 姓名, 部门, 星期 are machine extras read past without a warning.
    expect(r.warnings).toEqual([])
    expect(r).toMatchObject({ importable: true, headerRow: 3, totalRows: 6, source: { kind: 'xlsx', sheet: '考勤明细' }, columns: ['staffNo', 'date', 'status', 'hours'] })
    expect(rows(r)).toEqual([
      [4, '00101', '2026-03-02', 'normal', 8],
      [5, '00102', '2026-03-02', 'late', null], // 迟到12分钟
      [6, '00103', '2026-03-03', 'early', null], // serial 46084 in a General cell
      [7, '00102', '2026-03-04', 'leave', 4.5], // 请假(事假), 4:30
      [8, '00101', '2026-03-07', 'overtime', 3.5], // 3.5小时
      [9, '00103', '2026-03-09', 'absent', null], // 2026年3月9日, 旷工1天
    ])
  })
})

describe('attendance-gbk.csv: a Chinese machine export, GBK with weekdays after the dates', () => {
  it('decodes GBK and reads 考勤号码 as the staff number', async () => {
    const bytes = fixture('attendance-gbk.csv')
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow()
    const r = await parseAttendance(bytes, 'attendance-gbk.csv', { knownStaffNos: KNOWN })
    expect(r.errors).toEqual([])
    expect(r.source).toEqual({ kind: 'csv', encoding: 'gbk', delimiter: ',' })
    expect(rows(r)).toEqual([
      [2, '00101', '2026-03-02', 'normal', 8],
      [3, '00102', '2026-03-02', 'late', null],
      [4, '00103', '2026-03-03', 'leave', 8], // 病假
      [5, '00101', '2026-03-07', 'overtime', 2],
    ])
  })
})

describe('attendance-bad.csv: every error at its row and column', () => {
  it('reports each bad cell, blocks the import, and collapses duplicates with a warning', async () => {
    const r = await parseAttendance(fixture('attendance-bad.csv'), 'attendance-bad.csv', { knownStaffNos: KNOWN })
    expect(r.importable).toBe(false)
    expect(r.totalRows).toBe(12)
    expect(where(r.errors)).toEqual([
      [3, '日期', 'ATTENDANCE_BAD_DATE', '2026-02-30'],
      [4, '状态', 'ATTENDANCE_BAD_STATUS', '外出'],
      [5, '小时', 'ATTENDANCE_BAD_HOURS', '30'],
      [6, '工号', 'ATTENDANCE_UNKNOWN_STAFF_NO', '00999'],
      [9, '工号', 'ATTENDANCE_UNKNOWN_STAFF_NO', '101'],
      [10, '日期', 'ATTENDANCE_REQUIRED', undefined],
      [11, '状态', 'ATTENDANCE_REQUIRED', undefined],
      [11, '小时', 'ATTENDANCE_BAD_HOURS', 'abc'],
      [12, '小时', 'ATTENDANCE_BAD_HOURS', '-1'],
    ])
    expect(where(r.warnings)).toEqual([
      [7, '工号', 'ATTENDANCE_DUPLICATE_ROW', '00101'],
      [8, '工号', 'ATTENDANCE_DUPLICATE_ROW', '00101'],
    ])
    // The valid rows, duplicates collapsed onto row 2; 迟到(5分钟) reads as late.
    expect(rows(r)).toEqual([
      [2, '00101', '2026-03-02', 'normal', 8],
      [13, '00102', '2026-03-06', 'late', null],
    ])
  })

  it('says what is wrong in both languages', async () => {
    const r = await parseAttendance(fixture('attendance-bad.csv'), 'attendance-bad.csv', { knownStaffNos: KNOWN })
    const at = (row: number, code: string) => r.errors.find((e) => e.row === row && e.code === code)
    expect(at(4, 'ATTENDANCE_BAD_STATUS')?.zh).toBe('状态“外出”无效，应为：正常、迟到、早退、旷工、请假、加班')
    expect(at(5, 'ATTENDANCE_BAD_HOURS')?.en).toBe('Hours "30" is not a number of hours from 0 to 24')
    expect(at(6, 'ATTENDANCE_UNKNOWN_STAFF_NO')?.zh).toBe('工号 00999 不是本单位现有人员，请先在花名册中导入此人')
    expect(at(9, 'ATTENDANCE_UNKNOWN_STAFF_NO')?.en).toContain('the unit has 00101')
    expect(r.warnings[1]?.zh).toBe('工号 00101 在 2026-03-02 的“正常”记录与第 2 行重复，只导入第 2 行，本行时长 7.5 未计入')
    for (const e of [...r.errors, ...r.warnings]) {
      expect(e.zh).toMatch(/[\u4e00-\u9fff]/)
      expect(e.en).toMatch(/^[A-Z]/)
    }
  })

  it('checks staff numbers only against the set it is given', async () => {
    const r = await parseAttendance(fixture('attendance-bad.csv'), 'attendance-bad.csv')
    expect(r.errors.some((e) => e.code === 'ATTENDANCE_UNKNOWN_STAFF_NO')).toBe(false)
  })
})

describe('status vocabulary', () => {
  const read = (text: string) => readAttendanceStatus({ kind: 'text', text })

  it('reads every documented alias as its status', () => {
    for (const s of ATTENDANCE_STATUSES) for (const w of ATTENDANCE_STATUS_ALIASES[s]) expect([w, read(w)]).toEqual([w, s])
  })

  it.each([
    ['迟到12分钟', 'late'],
    ['迟到（12分钟）', 'late'],
    ['早退 5 分钟', 'early'],
    ['旷工1天', 'absent'],
    ['旷工0.5天', 'absent'],
    ['加班2.5小时', 'overtime'],
    ['请假（病假）', 'leave'],
    ['Early Leave', 'early'],
  ])('%s → %s', (w, s) => expect(read(w)).toBe(s))

  it.each(['外出', '出差', '缺卡', '未打卡', '迟', '12分钟', '请假(外出)', ''])('refuses %j', (w) => expect(read(w)).toBeNull())
})

describe('rows, inline', () => {
  const HEAD = '工号,日期,状态,时长'
  const parse = (...lines: string[]) => parseAttendance(csv(HEAD, ...lines), 'a.csv')

  it('takes the hours forms machines write, rounded to the hundredth scoring counts in', async () => {
    const r = await parse('1,2026-03-02,加班,8h', '1,2026-03-03,加班,７．５', '1,2026-03-04,加班,7:20', '1,2026-03-05,加班,24', '1,2026-03-06,加班,0')
    expect(r.errors).toEqual([])
    expect(r.rows.map((x) => x.hours)).toEqual([8, 7.5, 7.33, 24, 0])
  })

  it('takes dates with a weekday or a time after them, and refuses month-only ones', async () => {
    const r = await parse('1,2026-03-02 星期一,正常,', '1,2026/3/3（周二）,正常,', '1,2026-03-04 08:31:02,正常,', '1,2026-03-05 Thu,正常,', '1,2026.03,正常,')
    expect(r.rows.map((x) => x.date)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'])
    expect(where(r.errors)).toEqual([[6, '日期', 'ATTENDANCE_BAD_DATE', '2026.03']])
  })

  it('keys duplicates on staff number, date and status: the same day with another status is no duplicate', async () => {
    const r = await parse('1,2026-03-02,迟到,', '1,2026-03-02,加班,2', '1,2026/3/2,迟到12分钟,')
    expect(r.rows.map((x) => x.status)).toEqual(['late', 'overtime'])
    expect(where(r.warnings)).toEqual([[4, '工号', 'ATTENDANCE_DUPLICATE_ROW', '1']])
    expect(r.importable).toBe(true)
  })

  it('needs 工号, 日期 and 状态; 时长 is optional and its absence is told to the caller', async () => {
    const missing = await parseAttendance(csv('工号,日期,时长', '1,2026-03-02,8'), 'a.csv')
    expect(where(missing.errors)).toEqual([[1, '状态', 'ATTENDANCE_MISSING_COLUMN', undefined]])
    const noHours = await parseAttendance(csv('考勤号,考勤日期,考勤结果', '1,2026-03-02,正常'), 'a.csv')
    expect(noHours).toMatchObject({ importable: true, columns: ['staffNo', 'date', 'status'], rows: [{ hours: null }] })
  })

  it('reports an Excel error cell and a staff number that lost digits, by row and header', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Sheet1')
    ws.addRow(['工号', '日期', '状态'])
    ws.addRow([{ formula: 'VLOOKUP(1,A:A,2,0)', result: { error: '#N/A' } }, new Date(Date.UTC(2026, 2, 2)), '正常'])
    ws.addRow([1e18, new Date(Date.UTC(2026, 2, 2)), '正常'])
    const r = await parseAttendance(new Uint8Array(await wb.xlsx.writeBuffer()), 'a.xlsx')
    expect(where(r.errors)).toEqual([
      [2, '工号', 'ATTENDANCE_CELL_ERROR', '#N/A'],
      [3, '工号', 'ATTENDANCE_BAD_STAFF_NO', '1000000000000000000'],
    ])
  })

  it('calls the file an attendance export when it cannot be read or holds nothing', async () => {
    const r = await parseAttendance(new TextEncoder().encode('%PDF'), 'a.pdf')
    expect(r.errors[0]?.zh).toBe('无法读取文件：不支持的文件类型“.pdf”。请上传 .xlsx 或 .csv 格式的考勤记录表')
    const empty = await parseAttendance(csv(HEAD, ',,,'), 'a.csv')
    expect(where(empty.errors)).toEqual([[0, '', 'ATTENDANCE_EMPTY_FILE', undefined]])
    expect(empty.errors[0]?.en).toBe('The file holds no attendance records')
  })
})
