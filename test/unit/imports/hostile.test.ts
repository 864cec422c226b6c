// Hostile spreadsheets (issue 7, defect 5): real files, generated here, refused by the policy's
// import limits before ExcelJS or the CSV parser builds anything from them. Where a realistic size
// would be slow the limit is set low and the file made just past it; the zip bomb and the
// 60-million-character cell are of realistic size and are refused from the central directory.
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../../src/main/core/imports/limits'
import { checkWorkbookZip } from '../../../src/main/core/imports/zipCheck'
import { parseRoster } from '../../../src/main/core/org/roster'
import { parseAttendance } from '../../../src/main/core/attendance/parse'
import { deflateBomb, sheetXml, workbookParts, zip } from '../../support/zip'

const HEAD = ['工号', '姓名', '科室', '岗位类别']
const person = (i: number) => [String(i).padStart(5, '0'), `人员${i}`, '办公室', '综合管理类']
const limits = (over: Partial<ImportLimits>): ImportLimits => ({ ...DEFAULT_IMPORT_LIMITS, ...over })
const csv = (...lines: string[]) => new TextEncoder().encode(lines.join('\r\n'))

/** The one error of a refused file: the code, the limit its text names, the value found. */
function refusal(r: { importable: boolean; errors: { code: string; zh: string; en: string; value?: string; row: number }[] }) {
  expect(r.importable).toBe(false)
  expect(r.errors).toHaveLength(1)
  const e = r.errors[0]!
  return { code: e.code, limit: /imports\.(\w+)/.exec(e.en)?.[1], zhLimit: /imports\.(\w+)/.exec(e.zh)?.[1], value: Number(e.value), row: e.row, en: e.en }
}

describe('a workbook built here reads as a roster when it is within the limits', () => {
  it('the minimal workbook of these tests is a real one (so the refusals below are the checks, not a broken file)', async () => {
    const bytes = zip(workbookParts(sheetXml([HEAD, person(1), person(2)])))
    const r = await parseRoster(bytes, 'roster.xlsx')
    expect(r.errors).toEqual([])
    expect(r.rows.map((p) => p.name)).toEqual(['人员1', '人员2'])
  })
})

describe('one huge cell', () => {
  it('60 million characters in one cell (a 60 KB file) is refused from the central directory, at the default limits', async () => {
    const huge = Buffer.alloc(60_000_000, 'A')
    const xml = Buffer.concat([sheetXml([HEAD, person(1)]).subarray(0, -'</sheetData></worksheet>'.length), Buffer.from('<row r="3"><c r="B3" t="inlineStr"><is><t>'), huge, Buffer.from('</t></is></c></row></sheetData></worksheet>')])
    const bytes = zip(workbookParts(xml))
    expect(bytes.length).toBeLessThan(200_000)
    const r = refusal(await parseRoster(bytes, 'roster.xlsx'))
    expect(r).toMatchObject({ code: 'ROSTER_TOO_LARGE', limit: 'maxCompressionRatio', zhLimit: 'maxCompressionRatio' })
    expect(r.value).toBeGreaterThan(DEFAULT_IMPORT_LIMITS.maxCompressionRatio)
  })

  it('a cell past maxCellChars is refused, inline or shared, whole or split into runs, naming the limit, value and row', async () => {
    const long = randomBytes(3000).toString('base64') // 4000 characters, not compressible
    const lim = limits({ maxCellChars: 1000 })
    const inline = refusal(await parseRoster(zip(workbookParts(sheetXml([HEAD, person(1), ['00002', long, '办公室', '综合管理类']]))), 'r.xlsx', { limits: lim }))
    expect(inline).toMatchObject({ code: 'ROSTER_TOO_LARGE', limit: 'maxCellChars', value: 1001, row: 3 })
    expect(inline.en).toContain('at most 1000')

    // Shared strings split into runs of 500: each run is short, the cell is not.
    const runs = Array.from({ length: 8 }, (_, i) => `<r><t>${long.slice(i * 500, (i + 1) * 500)}</t></r>`).join('')
    const parts = workbookParts(sheetXml([HEAD, person(1)]))
    parts.push({ name: 'xl/sharedStrings.xml', data: Buffer.from(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si>${runs}</si></sst>`) })
    const shared = refusal(await parseRoster(zip(parts), 'r.xlsx', { limits: lim }))
    expect(shared).toMatchObject({ limit: 'maxCellChars', value: 1001 })
    expect(shared.en).toContain('xl/sharedStrings.xml')
  })

  it('a CSV field past maxCellChars is refused while parsing, naming its row', async () => {
    const r = refusal(await parseRoster(csv(HEAD.join(','), person(1).join(','), `00002,${'名'.repeat(1001)},办公室,综合管理类`), 'r.csv', { limits: limits({ maxCellChars: 1000 }) }))
    expect(r).toMatchObject({ code: 'ROSTER_TOO_LARGE', limit: 'maxCellChars', value: 1001, row: 3 })
    // A quoted field too, even with no line end after it.
    const q = refusal(await parseRoster(csv(HEAD.join(','), `00002,"${'x'.repeat(5000)}`), 'r.csv', { limits: limits({ maxCellChars: 1000 }) }))
    expect(q).toMatchObject({ limit: 'maxCellChars', row: 2 })
  })
})

describe('many rows and cells', () => {
  it('rows past maxRows: a workbook and a CSV are refused at the first row past the limit', async () => {
    const rows = [HEAD, ...Array.from({ length: 1200 }, (_, i) => person(i + 1))]
    const lim = limits({ maxRows: 1000 })
    const x = refusal(await parseRoster(zip(workbookParts(sheetXml(rows))), 'r.xlsx', { limits: lim }))
    expect(x).toMatchObject({ code: 'ROSTER_TOO_LARGE', limit: 'maxRows', value: 1001, row: 1001 })
    const c = refusal(await parseRoster(csv(...rows.map((r) => r.join(','))), 'r.csv', { limits: lim }))
    expect(c).toMatchObject({ limit: 'maxRows', value: 1001, row: 1001 })
    // At the limit exactly, the file reads.
    const atLimit = await parseRoster(csv(...rows.slice(0, 1000).map((r) => r.join(','))), 'r.csv', { limits: lim })
    expect(atLimit.errors).toEqual([])
  })

  it('a cell at column XFD counts as the 16,384 cells ExcelJS would make of its row; a merge over the sheet counts its area', async () => {
    const lim = limits({ maxCells: 100_000 })
    const far = Buffer.from(
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${Array.from({ length: 10 }, (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`).join('')}</sheetData></worksheet>`,
    )
    expect(refusal(await parseRoster(zip(workbookParts(far)), 'r.xlsx', { limits: lim }))).toMatchObject({ limit: 'maxCells', value: 16384 * 7, row: 7 })
    const merged = refusal(await parseRoster(zip(workbookParts(sheetXml([HEAD, person(1)], '<mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>'))), 'r.xlsx'))
    expect(merged).toMatchObject({ limit: 'maxCells' })
    expect(merged.value).toBeGreaterThan(16384 * 1_000_000)
  })

  it('an attendance export is held to the same limits', async () => {
    const lines = ['工号,日期,状态', ...Array.from({ length: 30 }, (_, i) => `00001,2026-03-${String(i + 1).padStart(2, '0')},正常`)]
    const r = await parseAttendance(csv(...lines), 'a.csv', { limits: limits({ maxRows: 20 }) })
    expect(r.errors.map((e) => e.code)).toEqual(['ATTENDANCE_TOO_LARGE'])
    expect(r.errors[0]!.en).toContain('imports.maxRows')
  })
})

describe('zip bombs', () => {
  it('a 1.6 MB bomb of realistic shape (a workbook whose sheet inflates to 1.6 GB) is refused from the central directory alone', async () => {
    const bomb = deflateBomb(Buffer.alloc(16 * 1024 * 1024, 0x20), 100)
    const bytes = zip(workbookParts(bomb))
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024)
    // The directory declares the true size; the check reads it and inflates nothing.
    expect(checkWorkbookZip(bytes, DEFAULT_IMPORT_LIMITS)).toEqual({
      ok: false,
      exceeded: { limit: 'maxEntryUncompressedBytes', max: DEFAULT_IMPORT_LIMITS.maxEntryUncompressedBytes, found: bomb.size, part: 'xl/worksheets/sheet1.xml', row: 0 },
    })
    const r = refusal(await parseRoster(bytes, 'roster.xlsx'))
    expect(r).toMatchObject({ code: 'ROSTER_TOO_LARGE', limit: 'maxEntryUncompressedBytes', value: bomb.size })
  })

  it('the same bomb with a directory that lies about its size is stopped at the declared size, with bounded memory', async () => {
    const bomb = deflateBomb(Buffer.alloc(16 * 1024 * 1024, 0x20), 100)
    // Declared 30 MB: under every size limit and (30 MB / 1.6 MB) under the ratio.
    const bytes = zip(workbookParts(bomb, 30 * 1024 * 1024))
    const check = checkWorkbookZip(bytes, DEFAULT_IMPORT_LIMITS)
    expect(check).toMatchObject({ ok: false, damaged: { en: 'the part xl/worksheets/sheet1.xml does not inflate to its declared size or is damaged' } })
    const r = await parseRoster(bytes, 'roster.xlsx')
    expect(r.errors.map((e) => e.code)).toEqual(['ROSTER_UNREADABLE'])
  })

  it('too many parts, a total past the limit, and parts that overlap are refused before inflating', async () => {
    const small = workbookParts(sheetXml([HEAD, person(1)]))
    const many = [...small, ...Array.from({ length: 20 }, (_, i) => ({ name: `xl/media/${i}.bin`, data: Buffer.from([i]) }))]
    expect(checkWorkbookZip(zip(many), limits({ maxZipEntries: 10 }))).toMatchObject({ ok: false, exceeded: { limit: 'maxZipEntries', found: 25 } })
    const total = [...small, { name: 'xl/media/a.bin', data: randomBytes(5000) }, { name: 'xl/media/b.bin', data: randomBytes(5000) }]
    expect(checkWorkbookZip(zip(total), limits({ maxTotalUncompressedBytes: 8000 }))).toMatchObject({ ok: false, exceeded: { limit: 'maxTotalUncompressedBytes', part: 'xl/media/b.bin' } })
    const overlap = [...small, { name: 'xl/media/again.xml', data: sheetXml([HEAD, person(1)]) }]
    expect(checkWorkbookZip(zip(overlap, { overlapLast: true }), DEFAULT_IMPORT_LIMITS)).toMatchObject({ ok: false, damaged: { en: expect.stringContaining('overlap') } })
  })

  it('a file past maxFileBytes is refused unread, naming its size', async () => {
    const r = refusal(await parseRoster(new Uint8Array(2048), 'r.csv', { limits: limits({ maxFileBytes: 1024 }) }))
    expect(r).toMatchObject({ code: 'ROSTER_TOO_LARGE', limit: 'maxFileBytes', value: 2048 })
  })
})
