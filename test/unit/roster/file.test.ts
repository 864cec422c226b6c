// File-level behaviour of parseRoster: what is readable, headers, columns, progress.
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { parseRoster } from '../../../src/main/core/org/roster'

const csv = (...lines: string[]) => new TextEncoder().encode(lines.join('\r\n'))
const HEAD = '工号,姓名,科室,岗位类别'
const codes = (r: { errors: { row: number; column: string; code: string }[] }) => r.errors.map((e) => [e.row, e.column, e.code])

async function xlsx(fill: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  fill(wb.addWorksheet('Sheet1'))
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

describe('unreadable and empty files', () => {
  it('a corrupt .xlsx (truncated zip) is ROSTER_UNREADABLE', async () => {
    const good = await xlsx((ws) => ws.addRow(['工号', '姓名']))
    const r = await parseRoster(good.subarray(0, 200), 'roster.xlsx')
    expect(codes(r)).toEqual([[0, '', 'ROSTER_UNREADABLE']])
    expect(r.importable).toBe(false)
    expect(r.errors[0]?.zh).toContain('无法读取文件')
    expect(r.errors[0]?.en).toContain('cannot be read')
  })

  it('an old .xls (OLE2) is ROSTER_UNREADABLE with "save as .xlsx"', async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
    const r = await parseRoster(ole, '花名册.xls')
    expect(codes(r)).toEqual([[0, '', 'ROSTER_UNREADABLE']])
    expect(r.errors[0]?.zh).toContain('另存为')
  })

  it('text named .xlsx, a PDF named .pdf, binary named .csv: all ROSTER_UNREADABLE', async () => {
    for (const [bytes, name] of [
      [csv(HEAD), 'roster.xlsx'],
      [new TextEncoder().encode('%PDF-1.7'), 'roster.pdf'],
      [Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), 'roster.csv'],
    ] as const) {
      expect(codes(await parseRoster(bytes, name))).toEqual([[0, '', 'ROSTER_UNREADABLE']])
    }
  })

  it('a CSV with an unterminated quote is ROSTER_UNREADABLE at the row it opens', async () => {
    const r = await parseRoster(csv(HEAD, '001,"张三,办公室,综合管理类'), 'r.csv')
    expect(codes(r)).toEqual([[2, '', 'ROSTER_UNREADABLE']])
  })

  it('an .xlsx that is really the content of the file is read whatever its name', async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(['工号', '姓名', '科室', '岗位类别'])
      ws.addRow(['001', '张三', '办公室', '综合管理类'])
    })
    const r = await parseRoster(bytes, 'export.csv')
    expect(r.rows).toHaveLength(1)
  })

  it('empty bytes, a header without people, blank sheets: ROSTER_EMPTY_FILE', async () => {
    expect(codes(await parseRoster(new Uint8Array(), 'r.csv'))).toEqual([[0, '', 'ROSTER_EMPTY_FILE']])
    expect(codes(await parseRoster(csv(HEAD, ',,,', ''), 'r.csv'))).toEqual([[0, '', 'ROSTER_EMPTY_FILE']])
    expect(codes(await parseRoster(await xlsx(() => undefined), 'r.xlsx'))).toEqual([[0, '', 'ROSTER_EMPTY_FILE']])
  })

  it('refuses files over the size limit before reading them', async () => {
    const r = await parseRoster(new Uint8Array(21 * 1024 * 1024), 'big.csv')
    expect(codes(r)).toEqual([[0, '', 'ROSTER_TOO_LARGE']])
  })
})

describe('header and columns', () => {
  it('a missing required column is a file-level error naming it, on the header row', async () => {
    const r = await parseRoster(csv('工号,姓名,岗位', '001,张三,科员'), 'r.csv')
    expect(codes(r)).toEqual([
      [1, '科室', 'ROSTER_MISSING_COLUMN'],
      [1, '岗位类别', 'ROSTER_MISSING_COLUMN'],
    ])
    expect(r.errors[0]?.zh).toBe('缺少必填列“科室”')
    expect(r.errors[0]?.en).toBe('The required column "科室" (Department) is missing')
  })

  it('no header in the first 10 rows: every required column is missing, row 0', async () => {
    const r = await parseRoster(csv('某局花名册', '001,张三,办公室'), 'r.csv')
    expect(codes(r)).toEqual([
      [0, '工号', 'ROSTER_MISSING_COLUMN'],
      [0, '姓名', 'ROSTER_MISSING_COLUMN'],
      [0, '科室', 'ROSTER_MISSING_COLUMN'],
      [0, '岗位类别', 'ROSTER_MISSING_COLUMN'],
    ])
    expect(r.errors[0]?.zh).toContain('前 10 行中找不到表头行')
  })

  it('finds the header below title rows, but only within the first 10 non-blank rows', async () => {
    const titles = Array.from({ length: 9 }, (_, i) => `标题${i + 1}`)
    expect((await parseRoster(csv(...titles, HEAD, '001,张三,办公室,综合'), 'r.csv')).rows).toHaveLength(1)
    const r = await parseRoster(csv(...titles, '说明', HEAD, '001,张三,办公室,综合'), 'r.csv')
    expect(r.errors.map((e) => e.code)).toContain('ROSTER_MISSING_COLUMN')
  })

  it('accepts decorated headers: *工号, 姓名（必填）, full-width, line breaks, English aliases', async () => {
    const r = await parseRoster(csv('*工号,"姓名\n（必填）",ＤＥＰＴ,Category', '001,张三,办公室,综合'), 'r.csv')
    expect(r.errors).toEqual([])
    expect(r.rows[0]).toMatchObject({ staffNo: '001', name: '张三', department: '办公室', category: 'general' })
  })

  it('two columns for one field is an error; unknown columns are warnings; 序号 is silent', async () => {
    const r = await parseRoster(csv(`序号,${HEAD},部门,手机`, '1,001,张三,办公室,综合,办公室,139'), 'r.csv')
    expect(codes(r)).toEqual([[1, '部门', 'ROSTER_DUPLICATE_COLUMN']])
    expect(r.warnings.map((w) => [w.row, w.column, w.code])).toEqual([[1, '手机', 'ROSTER_UNKNOWN_COLUMN']])
  })

  it('a misspelt column is reported with the column it likely means; an alias is said; 备注 is reported', async () => {
    const r = await parseRoster(csv('工号,姓名,部门,岗位类别,职纪,备注', '001,张三,办公室,综合,一级主任科员,新调入'), 'r.csv')
    expect(r.errors).toEqual([])
    expect(r.rows[0]).toMatchObject({ staffNo: '001', department: '办公室', rank: null })
    expect(r.warnings.map((w) => [w.column, w.code])).toEqual([
      ['职纪', 'ROSTER_UNKNOWN_COLUMN'],
      ['备注', 'ROSTER_UNKNOWN_COLUMN'],
      ['部门', 'ROSTER_COLUMN_ALIAS'],
    ])
    const [typo, remark, alias] = r.warnings
    expect(typo?.zh).toBe('未识别的列“职纪”，其内容不会导入；是否应为“职级”？如是，请把表头改为“职级”')
    expect(typo?.en).toContain('Did you mean "职级" (Rank)?')
    expect(remark?.zh).toBe('花名册没有“备注”这一列，其内容不会导入')
    expect(alias?.zh).toBe('列“部门”按“科室”读取')
    expect(alias?.en).toBe('Column "部门" is read as "科室" (Department)')
  })

  it('merged header cells read as their master (horizontal continuation is not a second column)', async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(['工号', '姓名', '', '科室', '岗位类别'])
      ws.mergeCells('B1:C1')
      ws.addRow(['001', '张三', '', '办公室', '综合'])
    })
    const r = await parseRoster(bytes, 'r.xlsx')
    expect(r.errors).toEqual([])
    expect(r.warnings).toEqual([])
    expect(r.rows[0]).toMatchObject({ name: '张三', department: '办公室' })
  })

  it('an Excel error value (#N/A from a broken VLOOKUP) is never taken as content', async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(['工号', '姓名', '科室', '岗位类别', '直接主管工号'])
      ws.addRow(['001', '张三', { formula: 'VLOOKUP(A2,X:Y,2,0)', result: { error: '#N/A' } }, '综合', { error: '#REF!' }])
    })
    const r = await parseRoster(bytes, 'r.xlsx')
    expect(r.errors.map((e) => [e.row, e.column, e.code, e.value])).toEqual([
      [2, '科室', 'ROSTER_CELL_ERROR', '#N/A'],
      [2, '直接主管工号', 'ROSTER_CELL_ERROR', '#REF!'],
    ])
  })

  it('a numeric staff number with more digits than Excel keeps is an error', async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(['工号', '姓名', '科室', '岗位类别'])
      ws.addRow([Number('110101199001011234'), '张三', '办公室', '综合']) // an 18-digit ID typed into a number cell
    })
    const r = await parseRoster(bytes, 'r.xlsx')
    expect(codes(r)).toEqual([[2, '工号', 'ROSTER_BAD_STAFF_NO']])
    expect(r.errors[0]?.zh).toContain('15 位')
  })

  it('the header text is reported as written in the file', async () => {
    const r = await parseRoster(csv('Staff No,Name,部门,岗位类型', ',张三,办公室,后勤'), 'r.csv')
    expect(codes(r)).toEqual([
      [2, 'Staff No', 'ROSTER_REQUIRED'],
      [2, '岗位类型', 'ROSTER_BAD_CATEGORY'],
    ])
  })

  it('the status/leaving-date warnings', async () => {
    const r = await parseRoster(csv(`${HEAD},在职状态,离岗日期`, '001,张三,办公室,综合,退休,', '002,李四,办公室,综合,在职,2025-01-01'), 'r.csv')
    expect(r.errors).toEqual([])
    expect(r.warnings.map((w) => [w.row, w.column, w.code])).toEqual([
      [2, '离岗日期', 'ROSTER_STATUS_DATE_MISMATCH'],
      [3, '离岗日期', 'ROSTER_STATUS_DATE_MISMATCH'],
    ])
  })
})

describe('progress', () => {
  it('reports every 500 rows and at the end, for a 1,200-person file', async () => {
    const lines = [HEAD, ...Array.from({ length: 1200 }, (_, i) => `${String(i + 1).padStart(5, '0')},人员${i + 1},办公室,综合`)]
    const calls: [number, number][] = []
    const r = await parseRoster(csv(...lines), 'r.csv', { onProgress: (done, total) => calls.push([done, total]) })
    expect(r.rows).toHaveLength(1200)
    expect(calls).toEqual([
      [500, 1200],
      [1000, 1200],
      [1200, 1200],
    ])
  })
})
