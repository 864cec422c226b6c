import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readyUnit, type ReadyUnit } from '../support/tempUnit'
import { textDigest } from '../../src/main/core/audit/digest'

/** Issue 4 through the router: attendance and survey imports, monthly talks, the supervisor's home tasks. */

const text = (fileName: string, body: string) => ({ fileName, contentBase64: Buffer.from(body, 'utf8').toString('base64') })
const fixture = (path: string) => ({ fileName: path.split('/').pop()!, contentBase64: readFileSync(`test/fixtures/${path}`).toString('base64') })

// 00101 heads 综合科 (00102, 00103 report to them); 00201 heads 执法大队 (00202, 00301 report to them).
const ROSTER = text(
  '花名册.csv',
  [
    '工号,姓名,科室,岗位类别,直接主管工号',
    '00101,张明,综合科,综合管理,',
    '00102,李娜,综合科,综合管理,00101',
    '00103,王强,综合科,综合管理,00101',
    '00201,赵刚,执法大队,行政执法,',
    '00202,孙丽,执法大队,行政执法,00201',
    '00301,周涛,执法大队,行政执法,00201',
  ].join('\n') + '\n',
)

/** 10 April 2026, 10:00 local time: March is over, April is this month. */
const APRIL_10 = new Date(2026, 3, 10, 10, 0, 0)

async function unit(): Promise<ReadyUnit & { id: (staffNo: string) => number }> {
  const u = await readyUnit({ clock: () => APRIL_10 })
  await u.as('hr1')
  await u.ok('org.roster.import', ROSTER)
  const people = await u.ok('org.people.list', {})
  const id = (staffNo: string) => people.find((p) => p.staffNo === staffNo)!.id
  // none1 is 张明 (supervisor of 李娜 and 王强); staff1 is 李娜.
  await u.ok('org.people.linkAccount', { personId: id('00101'), userId: u.ids.none1! })
  await u.ok('org.people.linkAccount', { personId: id('00102'), userId: u.ids.staff1! })
  return Object.assign(u, { id })
}

describe('attendance import', () => {
  it('refuses a file with bad rows, naming all of them, and writes nothing', async () => {
    const u = await unit()
    const bad = fixture('attendance/attendance-bad.csv')
    const preview = await u.ok('attendance.preview', bad)
    expect(preview.errors.length).toBeGreaterThan(5)
    expect(preview.errors.map((e) => e.code)).toEqual(
      expect.arrayContaining(['ATTENDANCE_BAD_DATE', 'ATTENDANCE_BAD_STATUS', 'ATTENDANCE_BAD_HOURS', 'ATTENDANCE_UNKNOWN_STAFF_NO']),
    )
    expect(preview.errors[0]).toMatchObject({ row: 3, column: '日期' })
    expect(preview.warnings.map((w) => w.code)).toContain('ATTENDANCE_DUPLICATE_ROW')
    const err = await u.err('attendance.import', bad)
    expect(err).toMatchObject({ code: 'ATTENDANCE_INVALID', params: { count: preview.errors.length, row: 3, column: '日期' } })
    // Nothing of the valid rows went in: the good file still adds everything.
    expect(await u.ok('attendance.preview', fixture('attendance/attendance-machine.xlsx'))).toMatchObject({ added: 6, unchanged: 0, errors: [] })
  })

  it('imports once the bad row is fixed; the same file again adds nothing; an overlapping export adds only what is new', async () => {
    const u = await unit()
    const body = (date: string) => `工号,日期,状态,时长\n00101,2026-03-02,正常,8\n00102,${date},迟到,\n00103,2026-03-03,旷工,\n`
    expect(await u.err('attendance.import', text('kq.csv', body('2026-03-32')))).toMatchObject({ code: 'ATTENDANCE_INVALID', params: { count: 1, row: 3 } })
    expect(await u.ok('attendance.import', text('kq.csv', body('2026-03-03')))).toEqual({ added: 3, unchanged: 0 })
    expect(await u.ok('attendance.import', text('kq.csv', body('2026-03-03')))).toEqual({ added: 0, unchanged: 3 })

    const machine = fixture('attendance/attendance-machine.xlsx')
    expect(await u.ok('attendance.import', machine)).toEqual({ added: 5, unchanged: 1 })
    expect(await u.ok('attendance.import', machine)).toEqual({ added: 0, unchanged: 6 })
    // GBK export: 03-02 正常 and 迟到 are there; 03-03 病假 is new; the 03-07 加班 hours changed (3.5 → 2).
    expect(await u.ok('attendance.preview', fixture('attendance/attendance-gbk.csv'))).toMatchObject({ rows: 4, added: 2, unchanged: 2, errors: [] })

    await u.as('auditor')
    const log = await u.ok('audit.list', { action: 'attendance.import', limit: 10 })
    expect(log.entries[0]).toMatchObject({ outcome: 'ok', detail: { fileName: textDigest('attendance-machine.xlsx'), added: 0, unchanged: 6 } })
    expect(log.entries.find((e) => e.outcome === 'failed')).toMatchObject({ detail: { error: 'ATTENDANCE_INVALID' } })
  })
})

describe('survey import', () => {
  it('imports a 好差评 export with 评价编号 idempotently and flags fewer than 10 responses', async () => {
    const u = await unit()
    const file = fixture('survey/survey-haochaping.xlsx')
    const preview = await u.ok('survey.preview', file)
    expect(preview).toMatchObject({ rows: 12, added: 12, unchanged: 0, errors: [] })
    const few = preview.warnings.filter((w) => w.code === 'SURVEY_FEW_RESPONSES')
    expect(few).toEqual([expect.objectContaining({ value: '00102' })])
    expect(few[0]!.zh).toContain('样本不足')
    expect(preview.warnings.map((w) => w.code)).not.toContain('SURVEY_NO_RESPONSE_ID')
    expect(await u.ok('survey.import', file)).toEqual({ added: 12, unchanged: 0 })
    expect(await u.ok('survey.import', file)).toEqual({ added: 0, unchanged: 12 })
  })

  it('flags 样本不足 per person and year over every import, not per file', async () => {
    const u = await unit()
    // Monthly exports of four responses each for 00202 (行政执法, minimum 10 in the default guideline).
    const month = (m: number, year = 2026) =>
      text(`pj-${year}-${m}.csv`, ['评价编号,工号,日期,评价', ...[1, 2, 3, 4].map((d) => `P${year}${m}${d},00202,${year}-0${m}-0${d},满意`)].join('\n') + '\n')
    const few = async (file: ReturnType<typeof month>) => (await u.ok('survey.preview', file)).warnings.filter((w) => w.code === 'SURVEY_FEW_RESPONSES')
    expect(await few(month(1))).toEqual([expect.objectContaining({ value: '00202', row: 2, column: '工号' })])
    expect((await few(month(1)))[0]!.zh).toBe('工号 00202 2026 年共有 4 份评价（含本文件 4 份），少于 10 份，服务评价得分将标注“样本不足”')
    await u.ok('survey.import', month(1))
    expect((await few(month(2)))[0]!.zh).toContain('共有 8 份评价（含本文件 4 份）')
    await u.ok('survey.import', month(2))
    // Twelve for the year: enough, although this file alone has four.
    expect(await few(month(3))).toEqual([])
    // The same responses again are not counted twice; another year's do not count for this one.
    expect((await few(month(2)))[0]!.zh).toContain('共有 8 份评价')
    await u.ok('survey.import', month(3))
    expect((await few(month(3, 2025)))[0]!.zh).toContain('2025 年共有 4 份评价')
  })

  it('warns that a file without 评价编号 would count twice, and refuses the same file a second time', async () => {
    const u = await unit()
    const file = fixture('survey/survey-gbk.csv')
    const preview = await u.ok('survey.preview', file)
    expect(preview).toMatchObject({ rows: 4, added: 4, errors: [] })
    expect(preview.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['SURVEY_NO_RESPONSE_ID', 'SURVEY_FEW_RESPONSES']))
    expect(await u.ok('survey.import', file)).toEqual({ added: 4, unchanged: 0 })
    const again = await u.ok('survey.preview', file)
    expect(again).toMatchObject({ added: 0, unchanged: 4 })
    expect(again.errors).toEqual([expect.objectContaining({ code: 'SURVEY_ALREADY_IMPORTED', row: 0 })])
    expect(await u.err('survey.import', file)).toMatchObject({ code: 'SURVEY_ALREADY_IMPORTED', params: { earlierFile: 'survey-gbk.csv', at: '2026-04-10' } })
  })

  it('refuses a file with bad rows with SURVEY_INVALID and writes nothing', async () => {
    const u = await unit()
    const bad = fixture('survey/survey-bad.csv')
    const preview = await u.ok('survey.preview', bad)
    expect(preview.errors.length).toBeGreaterThan(3)
    expect(await u.err('survey.import', bad)).toMatchObject({ code: 'SURVEY_INVALID', params: { count: preview.errors.length, row: preview.errors[0]!.row } })
    const good = text('ok.csv', '评价编号,工号,日期,评价\nA1,00301,2026-03-02,满意\n')
    expect(await u.ok('survey.import', good)).toEqual({ added: 1, unchanged: 0 })
  })
})

describe('attendance and survey templates', () => {
  const unmarked = (file: { fileName: string; contentBase64: string }) => ({
    fileName: file.fileName,
    contentBase64: Buffer.from(Buffer.from(file.contentBase64, 'base64').toString('utf8').replaceAll('（示例）', ''), 'utf8').toString('base64'),
  })
  const headersOf = async (file: { contentBase64: string }) => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as Parameters<typeof wb.xlsx.load>[0])
    const ws = wb.worksheets[0]!
    return { ws, headers: (ws.getRow(1).values as unknown[]).slice(1), sheets: wb.worksheets.map((w) => w.name) }
  }

  it.each([
    ['attendance', 'attendance.preview', 'attendance.import', 'ATTENDANCE_EXAMPLE_ROW', ['工号', '姓名', '日期', '状态', '时长']],
    ['survey', 'survey.preview', 'survey.import', 'SURVEY_EXAMPLE_ROW', ['工号', '姓名', '日期', '评价', '渠道', '评价人', '评价编号']],
  ] as const)('%s: the template has the parser’s columns; as it is it imports nothing (examples skipped); edited, it imports', async (kind, preview, doImport, code, headers) => {
    const u = await unit()
    const columns = await u.ok('records.columns', { kind })
    expect(columns.map((c) => c.header)).toEqual(headers)
    expect(columns.filter((c) => c.required).map((c) => c.header)).toEqual(kind === 'attendance' ? ['工号', '日期', '状态'] : ['工号', '日期', '评价'])
    for (const c of columns) expect(c.meaning.zh.length * c.meaning.en.length).toBeGreaterThan(0)

    const xlsx = await u.ok('records.template', { kind })
    expect(xlsx.fileName).toMatch(/模板\.xlsx$/)
    const { ws, headers: written, sheets } = await headersOf(xlsx)
    expect(written).toEqual(headers)
    expect(sheets[1]).toBe('说明')
    expect(String(ws.getCell('B2').value)).toMatch(/（示例）$/)
    expect(await u.ok(preview, xlsx)).toMatchObject({ rows: 2, added: 0, unchanged: 0, errors: [] })
    const asIs = await u.ok(preview, xlsx)
    expect(asIs.warnings.filter((w) => w.code === code).map((w) => [w.row, w.column])).toEqual([
      [2, '姓名'],
      [3, '姓名'],
    ])
    expect(asIs.warnings.find((w) => w.code === code)?.zh).toBe('这是模板自带的示例行，已跳过，不会导入')
    expect(await u.ok(doImport, xlsx)).toEqual({ added: 0, unchanged: 0 })

    const csv = await u.ok('records.template', { kind, format: 'csv' })
    expect(csv.fileName).toMatch(/模板\.csv$/)
    expect((await u.ok(preview, csv)).warnings.filter((w) => w.code === code)).toHaveLength(2)
    // Typed over (the mark gone), the two rows are real records of 00101 and 00102.
    const edited = unmarked(csv)
    const p = await u.ok(preview, edited)
    expect(p).toMatchObject({ rows: 2, added: 2, errors: [] })
    expect(p.warnings.map((w) => w.code)).not.toContain(code)
    expect(await u.ok(doImport, edited)).toEqual({ added: 2, unchanged: 0 })
  })

  it('reports an unknown or misspelt column as the roster does, naming the column it most likely means', async () => {
    const u = await unit()
    const p = await u.ok('attendance.preview', text('kq.csv', '工号,日其,状态,加班类型,备注\n00101,2026-03-02,正常,调休,出差\n'))
    expect(p.errors).toEqual([expect.objectContaining({ code: 'ATTENDANCE_MISSING_COLUMN', column: '日期' })])
    expect(p.warnings.map((w) => [w.code, w.column, w.zh])).toEqual([
      ['ATTENDANCE_UNKNOWN_COLUMN', '日其', '未识别的列“日其”，其内容不会导入；是否应为“日期”？如是，请把表头改为“日期”'],
      ['ATTENDANCE_UNKNOWN_COLUMN', '加班类型', '考勤记录表没有“加班类型”这一列，其内容不会导入'],
      // As in a roster, a 备注 is said: what it holds would otherwise be lost without a word.
      ['ATTENDANCE_UNKNOWN_COLUMN', '备注', '考勤记录表没有“备注”这一列，其内容不会导入'],
    ])
    const s = await u.ok('survey.preview', text('pj.csv', '评价编号,工号,日期,评价结论\nA1,00101,2026-03-02,满意\n'))
    expect(s.errors.map((e) => e.code)).toEqual(['SURVEY_MISSING_COLUMN'])
    expect(s.warnings.map((w) => [w.code, w.column])).toEqual([['SURVEY_UNKNOWN_COLUMN', '评价结论']])
    expect(s.warnings[0]!.en).toContain('Did you mean "评价" (Rating)?')
  })
})

describe('monthly talks', () => {
  it('a supervisor records a talk with a direct report, once a month, within the month and not in the future', async () => {
    const u = await unit()
    await u.as('none1')
    const li = u.id('00102')
    const done = await u.ok('talks.record', { personId: li, month: '2026-03', heldOn: '2026-03-16', notes: '本月工作安排与困难' })
    expect(done).toMatchObject({ personId: li, staffNo: '00102', month: '2026-03', overdue: false, talk: { heldOn: '2026-03-16', notes: '本月工作安排与困难', recordedBy: 'none1' } })
    expect(await u.err('talks.record', { personId: li, month: '2026-03', heldOn: '2026-03-20', notes: '再谈' })).toMatchObject({
      code: 'TALK_ALREADY_RECORDED',
      params: { month: '2026-03', heldOn: '2026-03-16' },
    })
    expect((await u.err('talks.record', { personId: li, month: '2026-04', heldOn: '2026-03-31', notes: 'x' })).code).toBe('TALK_DATE_OUTSIDE_MONTH')
    expect((await u.err('talks.record', { personId: li, month: '2026-04', heldOn: '2026-04-11', notes: 'x' })).code).toBe('TALK_DATE_IN_FUTURE')
    expect((await u.err('talks.list', { month: '2026-13' })).code).toBe('INVALID_INPUT')

    // Another team's member: refused at the router.
    expect((await u.err('talks.record', { personId: u.id('00202'), month: '2026-03', heldOn: '2026-03-16', notes: 'x' })).code).toBe('FORBIDDEN')
    // Nor may the person record their own.
    await u.as('staff1')
    expect((await u.err('talks.record', { personId: li, month: '2026-04', heldOn: '2026-04-01', notes: 'x' })).code).toBe('FORBIDDEN')

    // The audit says who and when, never what was said.
    await u.as('auditor')
    const log = await u.ok('audit.list', { action: 'talks.record', limit: 10 })
    const ok = log.entries.find((e) => e.outcome === 'ok')!
    expect(ok.detail).toMatchObject({ month: '2026-03', heldOn: '2026-03-16' })
    expect(JSON.stringify(log.entries)).not.toContain('本月工作安排')
  })

  it('lists the month for the people in scope, overdue once the month is over', async () => {
    const u = await unit()
    await u.as('none1')
    await u.ok('talks.record', { personId: u.id('00102'), month: '2026-03', heldOn: '2026-03-16', notes: '谈话' })

    const march = await u.ok('talks.list', { month: '2026-03' })
    expect(march.map((t) => [t.staffNo, t.talk?.heldOn ?? null, t.overdue])).toEqual([
      ['00102', '2026-03-16', false],
      ['00103', null, true],
    ])
    // This month: due, not overdue yet.
    expect((await u.ok('talks.list', { month: '2026-04' })).map((t) => [t.staffNo, t.overdue])).toEqual([
      ['00102', false],
      ['00103', false],
    ])

    // Staff read their own, notes included (T1: the person).
    await u.as('staff1')
    expect(await u.ok('talks.list', { month: '2026-03' })).toEqual([expect.objectContaining({ staffNo: '00102', talk: expect.objectContaining({ notes: '谈话' }) })])

    // HR sees everyone a talk is expected with (not the two heads, who have no supervisor).
    await u.as('hr1')
    expect((await u.ok('talks.list', { month: '2026-03' })).map((t) => t.staffNo)).toEqual(['00102', '00103', '00202', '00301'])
  })

  it('puts talks due this month and overdue last month on the supervisor’s home page', async () => {
    const u = await unit()
    await u.as('none1')
    await u.ok('talks.record', { personId: u.id('00102'), month: '2026-03', heldOn: '2026-03-16', notes: '谈话' })
    let tasks = await u.ok('home.tasks')
    expect(tasks).toEqual(
      expect.arrayContaining([
        { kind: 'talks.dueThisMonth', count: 2, route: 'talks' },
        // The card opens last month, where the overdue talk is listed.
        { kind: 'talks.overdue', count: 1, route: 'talks?month=2026-03' },
      ]),
    )
    await u.ok('talks.record', { personId: u.id('00102'), month: '2026-04', heldOn: '2026-04-09', notes: '谈话' })
    await u.ok('talks.record', { personId: u.id('00103'), month: '2026-04', heldOn: '2026-04-10', notes: '谈话' })
    tasks = await u.ok('home.tasks')
    expect(tasks.find((t) => t.kind === 'talks.dueThisMonth')).toBeUndefined()
    expect(tasks.find((t) => t.kind === 'talks.overdue')).toMatchObject({ count: 1 })
    // Someone without direct reports has no talk tasks.
    await u.as('staff1')
    expect((await u.ok('home.tasks')).filter((t) => t.kind.startsWith('talks.'))).toEqual([])
  })
})
