// The shared reading under every import (core/imports). The roster tests cover it end to end; these
// pin what an importer relies on: prefixed codes, header search, columns as data, cells by field.
import ExcelJS from 'exceljs'
import { describe, expect, it, vi } from 'vitest'
import { columnSet, headerKey, type ColumnSpec } from '../../../src/main/core/imports/columns'
import type { FileKind } from '../../../src/main/core/imports/issues'
import { DEFAULT_IMPORT_LIMITS } from '../../../src/main/core/imports/limits'
import { staffLookup } from '../../../src/main/core/imports/knownStaff'
import { readNumber } from '../../../src/main/core/imports/normalize'
import { RowReader, cellCodes } from '../../../src/main/core/imports/rowReader'
import { readSpreadsheet } from '../../../src/main/core/imports/spreadsheet'
import { PROGRESS_EVERY, eachRow, readTable } from '../../../src/main/core/imports/table'

type F = 'code' | 'day' | 'note'
const COLUMNS: ColumnSpec<F>[] = [
  { field: 'code', zh: '编码', en: 'Code', required: true, aliases: ['code', '代码'] },
  { field: 'day', zh: '日期', en: 'Day', required: true, aliases: ['day'] },
  { field: 'note', zh: '说明', en: 'Note', required: false, aliases: [] },
]
const KIND: FileKind = { zh: '测试表', en: 'test sheet', enWithArticle: 'a test sheet', zhRows: '测试', enRows: 'test rows', headerHint: ['编码', '日期'] }
const spec = { prefix: 'TEST' as const, kind: KIND, columns: columnSet<F, ColumnSpec<F>>(COLUMNS, ['姓名']), limits: { ...DEFAULT_IMPORT_LIMITS, maxFileBytes: 1024 * 1024 } }
const utf8 = (...lines: string[]) => new TextEncoder().encode(lines.join('\r\n'))

describe('readSpreadsheet', () => {
  it('reads UTF-16 "Unicode 文本" (tab-separated) as one sheet and says so', async () => {
    const text = '编码\t日期\r\nA\t2026-03-01'
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer)])
    const r = await readSpreadsheet(bytes, 'x.txt', KIND, DEFAULT_IMPORT_LIMITS)
    if (!r.ok) throw new Error(JSON.stringify(r))
    expect(r.csv).toEqual({ encoding: 'utf-16', delimiter: '\t' })
    expect(r.sheets[0]?.readRows().map((row) => row.row)).toEqual([1, 2])
  })

  it('names the file kind in an unreadable file, and the row of an unclosed quote', async () => {
    const pdf = await readSpreadsheet(new TextEncoder().encode('%PDF'), 'x.pdf', KIND, DEFAULT_IMPORT_LIMITS)
    expect(pdf).toMatchObject({ ok: false, row: 0, zh: '无法读取文件：不支持的文件类型“.pdf”。请上传 .xlsx 或 .csv 格式的测试表' })
    const quote = await readSpreadsheet(utf8('编码,日期', 'A,2026-03-01', 'B,"2026'), 'x.csv', KIND, DEFAULT_IMPORT_LIMITS)
    expect(quote).toMatchObject({ ok: false, row: 3 })
  })
})

describe('readTable', () => {
  it('prefixes every code with the importer name', async () => {
    expect(await readTable(new Uint8Array(2 * 1024 * 1024), 'x.csv', spec)).toMatchObject({ ok: false, errors: [{ row: 0, column: '', code: 'TEST_TOO_LARGE' }] })
    const r = await readTable(utf8('编码,代码,日期,怪列,姓名,备注'), 'x.csv', spec)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([[1, '代码', 'TEST_DUPLICATE_COLUMN']])
    // 姓名 is this importer's silent extra, 备注 everyone's; 怪列 is reported.
    expect(r.warnings.map((e) => [e.row, e.column, e.code])).toEqual([[1, '怪列', 'TEST_UNKNOWN_COLUMN']])
  })

  it('without a header names the required columns and the hint of this file kind', async () => {
    const r = await readTable(utf8('什么', '都没有'), 'x.csv', spec)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [0, '编码', 'TEST_MISSING_COLUMN'],
      [0, '日期', 'TEST_MISSING_COLUMN'],
    ])
    expect(r.errors[0]?.zh).toBe('缺少必填列“编码”（前 10 行中找不到表头行（应包含“编码”“日期”等列名））')
  })

  it('finds the header below a merged title, on the sheet that has it, and gives cells by field', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('说明').getCell('A1').value = '说明页'
    const ws = wb.addWorksheet('数据')
    ws.getCell('A1').value = '2026 年测试表'
    ws.mergeCells('A1:C1')
    ws.getRow(2).values = ['Day', '说明', 'CODE']
    ws.getRow(3).values = [new Date(Date.UTC(2026, 2, 1)), '第一行', 'A']
    ws.getRow(5).values = [46084, null, 'B']
    const r = await readTable(new Uint8Array(await wb.xlsx.writeBuffer()), 'x.xlsx', spec)
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    expect(r).toMatchObject({ source: { kind: 'xlsx', sheet: '数据' }, headerRow: 2, fields: ['code', 'day', 'note'] })
    expect(r.rows.map((row) => [row.row, row.cell('code'), row.cell('day')])).toEqual([
      [3, { kind: 'text', text: 'A' }, { kind: 'date', year: 2026, month: 3, day: 1 }],
      [5, { kind: 'text', text: 'B' }, { kind: 'number', value: 46084 }],
    ])
    expect([r.label('code'), r.label('note')]).toEqual(['CODE', '说明'])
  })
})

describe('columns as data', () => {
  it('match after folding width, case, spaces and required-markers', () => {
    const set = columnSet<F, ColumnSpec<F>>(COLUMNS)
    expect(['*编码', 'Ｃｏｄｅ', ' 代 码 ', '编码（必填）', '日期:'].map((h) => set.forHeader(h)?.field)).toEqual(['code', 'code', 'code', 'code', 'day'])
    expect(headerKey('时长（小时）')).toBe('时长(小时)')
  })

  it('refuse column data in which one header names two fields', () => {
    const extra: ColumnSpec<F | 'extra'> = { field: 'extra', zh: '备考', en: 'Remark', required: false, aliases: ['代码'] }
    expect(() => columnSet<F | 'extra', ColumnSpec<F | 'extra'>>([...COLUMNS, extra])).toThrow('header 代码 names both code and extra')
  })
})

describe('RowReader', () => {
  const row = (cells: Partial<Record<F, string>>) => ({ row: 7, cell: (f: F) => (cells[f] ? { kind: 'text' as const, text: cells[f] } : { kind: 'empty' as const }) })
  const ctx = { label: (f: F) => `<${f}>`, column: (f: F) => spec.columns.of(f) }

  it('locates the shared checks at the row and the column as written, under the prefix', () => {
    const r = new RowReader(row({ code: 'A B#', day: '2026-02-30' }), ctx, cellCodes('TEST'))
    expect(r.staffNo('code', true)).toBeNull()
    expect(r.date('day', true)).toEqual({ ok: false, date: null })
    expect(r.text('note', true, (s) => s, 10)).toBeNull()
    expect(r.errors.map((e) => [e.row, e.column, e.code, e.value])).toEqual([
      [7, '<code>', 'TEST_BAD_STAFF_NO', 'A B#'],
      [7, '<day>', 'TEST_BAD_DATE', '2026-02-30'],
      [7, '<note>', 'TEST_REQUIRED', undefined],
    ])
  })

  it('prepares a date cell before reading it', () => {
    const r = new RowReader(row({ day: '2026-03-02 (Mon)' }), ctx, cellCodes('TEST'))
    expect(r.date('day', true, (c) => (c.kind === 'text' ? { kind: 'text', text: c.text.replace(/\s*\(Mon\)$/, '') } : c))).toEqual({ ok: true, date: '2026-03-02' })
  })
})

describe('small helpers', () => {
  it('readNumber takes numbers, full width and units, and refuses the rest', () => {
    const t = (text: string) => readNumber({ kind: 'text', text }, ['小时', 'h'])
    expect([t('8'), t('７．５'), t(' 8 小时'), t('2.5H'), t('-1'), t('')]).toEqual([8, 7.5, 8, 2.5, -1, undefined])
    expect([t('1,5'), t('八'), t('8天')]).toEqual([null, null, null])
    expect(readNumber({ kind: 'number', value: 3 })).toBe(3)
    expect(readNumber({ kind: 'bool', value: true })).toBeNull()
  })

  it('staffLookup names the roster number a machine dropped the zeros of, unless two fit', () => {
    const look = staffLookup(new Set(['00101', '00102', '0103', '00103']))
    expect(look('00101')).toEqual({ known: true })
    expect(look('101')).toEqual({ known: false, likely: '00101' })
    expect(look('103')).toEqual({ known: false, likely: null })
    expect(look('999')).toEqual({ known: false, likely: null })
  })

  it('eachRow reports progress every PROGRESS_EVERY rows but not at the end', async () => {
    const progress = vi.fn()
    let seen = 0
    await eachRow(Array.from({ length: PROGRESS_EVERY * 2 + 1 }, (_, i) => i), () => seen++, progress)
    expect(seen).toBe(PROGRESS_EVERY * 2 + 1)
    expect(progress.mock.calls).toEqual([
      [PROGRESS_EVERY, PROGRESS_EVERY * 2 + 1],
      [PROGRESS_EVERY * 2, PROGRESS_EVERY * 2 + 1],
    ])
  })
})
