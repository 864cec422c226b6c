// The downloadable template: its structure, and that what users fill into it reads back.
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { EXAMPLE_PEOPLE, ROSTER_COLUMNS, parseRoster, rosterTemplate, rosterTemplateCsv } from '../../../src/main/core/org/roster'

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0])
  return wb
}

describe('rosterTemplate (.xlsx)', () => {
  it('has the Chinese headers, bold and frozen, with widths, text-formatted staff numbers and a 说明 sheet', async () => {
    const wb = await load(await rosterTemplate())
    expect(wb.worksheets.map((w) => w.name)).toEqual(['花名册', '说明'])
    const ws = wb.getWorksheet('花名册')
    if (!ws) throw new Error('no sheet')
    const header = ws.getRow(1)
    expect(ROSTER_COLUMNS.map((_, i) => header.getCell(i + 1).value)).toEqual(['工号', '姓名', '科室', '岗位', '岗位类别', '职级', '直接主管工号', '风险岗位', '在职状态', '入职日期', '离岗日期', '性别', '出生年月', '政治面貌', '任现职时间'])
    expect(header.getCell(1).font?.bold).toBe(true)
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(ROSTER_COLUMNS.map((_, i) => ws.getColumn(i + 1).width)).toEqual(ROSTER_COLUMNS.map((c) => c.width))
    expect(ws.getCell('A2').numFmt).toBe('@')
    expect(ws.getCell('G3').numFmt).toBe('@')

    const help = wb.getWorksheet('说明')
    if (!help) throw new Error('no 说明')
    const explained = help.getColumn(1).values.slice(2, 2 + ROSTER_COLUMNS.length)
    expect(explained).toEqual(ROSTER_COLUMNS.map((c) => c.zh))
    expect(help.getRow(2).getCell(2).value).toBe('必填')
  })

  it('has drop-down lists for 岗位类别, 风险岗位 and 在职状态', async () => {
    const wb = await load(await rosterTemplate())
    const ws = wb.getWorksheet('花名册')
    if (!ws) throw new Error('no sheet')
    const formulaAt = (addr: string) => ws.getCell(addr).dataValidation?.formulae?.[0]
    expect(formulaAt('E2')).toBe('"综合管理类,行政执法类,专业技术类"')
    expect(formulaAt('E5001')).toBe('"综合管理类,行政执法类,专业技术类"')
    expect(formulaAt('H100')).toBe('"是,否"')
    expect(formulaAt('I2')).toBe('"在职,试用期,长期病假,调离,退休,离职"')
    expect(ws.getCell('E2').dataValidation?.type).toBe('list')
  })

  it('parses as is: the two example rows are skipped with a notice, never imported', async () => {
    const r = await parseRoster(await rosterTemplate(), 'template.xlsx')
    expect(r.errors).toEqual([])
    expect(r.rows).toEqual([])
    expect(r.warnings.map((w) => [w.row, w.code, w.value])).toEqual([
      [2, 'ROSTER_EXAMPLE_ROW', '张明（示例）'],
      [3, 'ROSTER_EXAMPLE_ROW', '阿依古丽·买买提（示例）'],
    ])
    expect(r.warnings[0]?.zh).toBe('这是模板自带的示例行，已跳过，不会导入')
  })

  it('the example rows are marked as examples in the template itself', async () => {
    const wb = await load(await rosterTemplate())
    const ws = wb.getWorksheet('花名册')
    expect(ws?.getCell('B2').value).toBe('张明（示例）')
    expect(ws?.getCell('B3').value).toBe('阿依古丽·买买提（示例）')
    expect(JSON.stringify(ws?.getCell('B2').note ?? '')).toContain('示例行')
  })

  it('a real person who happens to have an example’s staff number and name is imported (only the mark counts)', async () => {
    const r = await parseRoster(new TextEncoder().encode('工号,姓名,科室,岗位类别\n00101,张明,综合科,综合管理\n'), 'real.csv')
    expect(r.rows.map((x) => [x.staffNo, x.name])).toEqual([['00101', '张明']])
    expect(r.warnings).toEqual([])
  })

  it('an example row among real people is skipped; a real person is still imported', async () => {
    const wb = await load(await rosterTemplate())
    const ws = wb.getWorksheet('花名册')
    if (!ws) throw new Error('no sheet')
    ;['00007', '刘洋', '执法大队', '大队长', '行政执法类', '一级主任科员', null, '是', '在职', null, null].forEach((v, j) => {
      ws.getCell(4, j + 1).value = v
    })
    const r = await parseRoster(Buffer.from(await wb.xlsx.writeBuffer()), 'mixed.xlsx')
    expect(r.errors).toEqual([])
    expect(r.rows.map((x) => x.staffNo)).toEqual(['00007'])
    expect(r.warnings.map((w) => w.code)).toEqual(['ROSTER_EXAMPLE_ROW', 'ROSTER_EXAMPLE_ROW'])
  })

  it('round trip: examples typed over, people filled in as a user would (typed text, Excel dates, drop-down values)', async () => {
    const wb = await load(await rosterTemplate())
    const ws = wb.getWorksheet('花名册')
    if (!ws) throw new Error('no sheet')
    const people: ExcelJS.CellValue[][] = [
      ['00007', '刘洋', '执法大队', '大队长', '行政执法类', '一级主任科员', '00001', '是', '在职', new Date(Date.UTC(2009, 8, 1)), null, '男', '1978-04', '中共党员', '2019.03'],
      ['00001', '陈静', '局领导', '局长', '综合管理类', '二级巡视员', null, '否', '在职', new Date(Date.UTC(2005, 0, 4)), null, '女', new Date(Date.UTC(1969, 10, 1)), '中共党员', '2016年9月'],
      ['00012', '马晓', '信息中心', '运维', '专业技术类', '四级主任科员', '00001', '否', '调离', '2020/5/6', new Date(Date.UTC(2026, 2, 31)), null, null, null, null],
    ]
    people.forEach((values, i) => {
      values.forEach((v, j) => {
        ws.getCell(2 + i, j + 1).value = v
      })
    })
    const filled = Buffer.from(await wb.xlsx.writeBuffer())
    const r = await parseRoster(filled, '我的花名册.xlsx')
    expect(r.errors).toEqual([])
    expect(r.warnings).toEqual([])
    expect(r.rows).toEqual([
      { row: 2, staffNo: '00007', name: '刘洋', department: '执法大队', post: '大队长', category: 'enforcement', rank: '一级主任科员', supervisorStaffNo: '00001', riskPost: true, status: 'active', joinedOn: '2009-09-01', leftOn: null, gender: '男', birthMonth: '1978-04', politicalStatus: '中共党员', postSince: '2019-03' },
      { row: 3, staffNo: '00001', name: '陈静', department: '局领导', post: '局长', category: 'general', rank: '二级巡视员', supervisorStaffNo: null, riskPost: false, status: 'active', joinedOn: '2005-01-04', leftOn: null, gender: '女', birthMonth: '1969-11', politicalStatus: '中共党员', postSince: '2016-09' },
      { row: 4, staffNo: '00012', name: '马晓', department: '信息中心', post: '运维', category: 'technical', rank: '四级主任科员', supervisorStaffNo: '00001', riskPost: false, status: 'transferred', joinedOn: '2020-05-06', leftOn: '2026-03-31', gender: null, birthMonth: null, politicalStatus: null, postSince: null },
    ])
  })
})

describe('rosterTemplateCsv', () => {
  it('is UTF-8 with a BOM and CRLF, the headers then the examples', () => {
    const text = rosterTemplateCsv()
    expect(text.startsWith('\uFEFF工号,姓名,科室,岗位,岗位类别,职级,直接主管工号,风险岗位,在职状态,入职日期,离岗日期,性别,出生年月,政治面貌,任现职时间\r\n')).toBe(true)
    expect(text.split('\r\n')).toHaveLength(EXAMPLE_PEOPLE.length + 2)
  })

  it('parses back to the examples', async () => {
    const r = await parseRoster(new TextEncoder().encode(rosterTemplateCsv()), 'template.csv')
    expect(r.source).toEqual({ kind: 'csv', encoding: 'utf-8-bom', delimiter: ',' })
    expect(r.errors).toEqual([])
    expect(r.rows).toEqual([])
    expect(r.warnings.map((w) => w.code)).toEqual(['ROSTER_EXAMPLE_ROW', 'ROSTER_EXAMPLE_ROW'])
  })
})
