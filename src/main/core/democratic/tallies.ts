/**
 * Paper tallies of the democratic evaluation (纸质计票, RULES.md §6): a spreadsheet with, per person
 * × dimension × voter category, the count of each level, and the valid sheets of each category
 * (column 有效票数, the same on every row of a category; blank after its first row). The file is
 * the year's whole paper count: importing it replaces the paper tallies of that year. Row-level
 * errors and a dry run as the other imports; the file reading is core/imports'.
 */
import { createHash } from 'node:crypto'
import { BALLOT_LEVELS, VOTER_CATEGORIES, type BallotLevel, type VoterCategory } from '@shared/annual'
import type { FileContent } from '@shared/api/types'
import type { TallyImportReport } from '@shared/democratic'
import { VOTER_CATEGORY_LABELS } from '@shared/democratic'
import { KaoheError } from '@shared/errors'
import { DIMENSIONS, DIMENSION_LABELS, type Dimension } from '@shared/guideline/model'
import type { Store } from '../../db/store'
import { cellText, type RawCell } from '../imports/cells'
import { columnSet, type ColumnSpec } from '../imports/columns'
import { fileBytes } from '../imports/files'
import { commonText, issue, type CellErrorCode, type FileKind, type ImportIssue, type Prefixed, type TableErrorCode, type TableWarningCode } from '../imports/issues'
import { staffLookup } from '../imports/knownStaff'
import { DEFAULT_IMPORT_LIMITS, importLimitsInForce, type ImportLimits } from '../imports/limits'
import { codeKey, readCode, readNumber } from '../imports/normalize'
import { RowReader, cellCodes, type RowContext } from '../imports/rowReader'
import { eachRow, readTable, type TableRow } from '../imports/table'
import { staffIdMap } from '../org/people'
import { requireOpenRound } from './round'

export type TallyField = 'staffNo' | 'dimension' | 'category' | 'excellent' | 'competent' | 'basic' | 'incompetent' | 'validSheets'

const LEVEL_FIELD: Record<BallotLevel, TallyField> = { 优秀: 'excellent', 称职: 'competent', 基本称职: 'basic', 不称职: 'incompetent' }

export const TALLY_COLUMNS: readonly ColumnSpec<TallyField>[] = [
  { field: 'staffNo', zh: '工号', en: 'Staff No.', required: true, aliases: ['staffno', 'staffid', '人员编号', '被测评人工号'] },
  { field: 'dimension', zh: '维度', en: 'Dimension', required: true, aliases: ['dimension', '测评维度', '项目', '测评项目', '德能勤绩廉'] },
  { field: 'category', zh: '类别', en: 'Category', required: true, aliases: ['category', '投票人类别', '测评人类别', '票类', 'votercategory'] },
  { field: 'excellent', zh: '优秀', en: 'Excellent', required: true, aliases: ['excellent', '优秀票数', '优秀(票)'] },
  { field: 'competent', zh: '称职', en: 'Competent', required: true, aliases: ['competent', '称职票数', '称职(票)'] },
  { field: 'basic', zh: '基本称职', en: 'Basically competent', required: true, aliases: ['basicallycompetent', '基本称职票数', '基本称职(票)'] },
  { field: 'incompetent', zh: '不称职', en: 'Incompetent', required: true, aliases: ['incompetent', '不称职票数', '不称职(票)'] },
  { field: 'validSheets', zh: '有效票数', en: 'Valid sheets', required: true, aliases: ['validsheets', '有效票', '有效测评票', '有效票张数'] },
]

const COLUMNS = columnSet<TallyField, ColumnSpec<TallyField>>(TALLY_COLUMNS, ['姓名', 'name', '科室', '部门', 'department'])

export const TALLY_FILE: FileKind = {
  zh: '民主测评纸质计票表',
  en: 'paper tally sheet',
  enWithArticle: 'a paper tally sheet',
  zhRows: '计票',
  enRows: 'tallies',
  headerHint: ['工号', '维度', '类别', '优秀', '称职', '基本称职', '不称职', '有效票数'],
}

const key = (w: string) => codeKey({ kind: 'text', text: w })
const DIMENSION_WORDS: ReadonlyMap<string, Dimension> = new Map(
  DIMENSIONS.flatMap((d) => [DIMENSION_LABELS[d].zh, d, DIMENSION_LABELS[d].en].map((w) => [key(w), d] as const)),
)
const CATEGORY_ALIASES: Record<VoterCategory, readonly string[]> = {
  colleague: ['同事', '干部职工', '职工', '本单位', '本单位干部职工', 'colleague', 'colleagues'],
  representative: ['服务对象代表', '服务对象', '代表', '群众代表', 'representative', 'representatives', 'recipient'],
}
const CATEGORY_WORDS: ReadonlyMap<string, VoterCategory> = new Map(VOTER_CATEGORIES.flatMap((c) => CATEGORY_ALIASES[c].map((w) => [key(w), c] as const)))

export type TallyErrorCode =
  | Prefixed<'TALLY', TableErrorCode | CellErrorCode>
  | 'TALLY_UNKNOWN_STAFF_NO'
  | 'TALLY_BAD_DIMENSION'
  | 'TALLY_BAD_CATEGORY'
  | 'TALLY_BAD_COUNT'
  | 'TALLY_DUPLICATE'
  | 'TALLY_SHEETS_DIFFER'
  | 'TALLY_SHEETS_MISSING'
  | 'TALLY_OVER_SHEETS'
export type TallyWarningCode = Prefixed<'TALLY', TableWarningCode> | 'TALLY_REPLACES'
export type TallyIssue = ImportIssue<TallyErrorCode | TallyWarningCode>

export interface TallyRow {
  row: number
  staffNo: string
  dimension: Dimension
  category: VoterCategory
  counts: Record<BallotLevel, number>
}

export interface TallyParse {
  importable: boolean
  rows: TallyRow[]
  errors: TallyIssue[]
  warnings: TallyIssue[]
  sheets: Record<VoterCategory, number | null>
  totalRows: number
}

const text = {
  badDimension: (v: string) => ({
    zh: `维度“${v}”无效，应为：德、能、勤、绩、廉`,
    en: `Dimension "${v}" is not one of 德, 能, 勤, 绩, 廉`,
  }),
  badCategory: (v: string) => ({
    zh: `类别“${v}”无效，应为：同事 或 服务对象代表`,
    en: `Category "${v}" is neither 同事 (colleague) nor 服务对象代表 (service-recipient representative)`,
  }),
  badCount: (column: string, v: string) => ({
    zh: `“${column}”应为不小于 0 的整数，而不是“${v}”`,
    en: `"${column}" must be a whole number of 0 or more, not "${v}"`,
  }),
  duplicate: (staffNo: string, dim: string, cat: string, first: number) => ({
    zh: `工号 ${staffNo} 的“${dim}”（${cat}）与第 ${first} 行重复`,
    en: `Staff number ${staffNo}, ${dim} (${cat}) repeats row ${first}`,
  }),
  sheetsDiffer: (cat: string, n: number, first: number) => ({
    zh: `${cat}的有效票数与第 ${first} 行（${n}）不一致；同一类别的有效票数应相同`,
    en: `The valid sheets of ${cat} differ from row ${first} (${n}); one category has one number of valid sheets`,
  }),
  sheetsMissing: (cat: string) => ({
    zh: `没有填写${cat}的有效票数（有效票数列至少在该类别的一行中填写）`,
    en: `The valid sheets of ${cat} are not given (fill 有效票数 on at least one row of that category)`,
  }),
  overSheets: (total: number, cat: string, sheets: number) => ({
    zh: `本行票数合计 ${total}，超过${cat}的有效票数 ${sheets}`,
    en: `This row's counts add up to ${total}, more than the ${sheets} valid sheets of ${cat}`,
  }),
  replaces: (year: number) => ({
    zh: `${year} 年度已导入过纸质计票，本次导入将整体替换原计票`,
    en: `Paper tallies of ${year} were imported before; this import replaces them as a whole`,
  }),
}

const catZh = (c: VoterCategory) => VOTER_CATEGORY_LABELS[c].zh

/** Reads a tally sheet and checks every row; errors name the row and the column as written in the file. */
export async function parseTallies(
  bytes: Uint8Array,
  fileName: string,
  opts: { knownStaffNos?: ReadonlySet<string>; limits?: ImportLimits; onProgress?: (done: number, total: number) => void } = {},
): Promise<TallyParse> {
  const table = await readTable(bytes, fileName, { prefix: 'TALLY', kind: TALLY_FILE, columns: COLUMNS, limits: opts.limits ?? DEFAULT_IMPORT_LIMITS })
  const warnings: TallyIssue[] = [...table.warnings]
  const sheets: Record<VoterCategory, number | null> = { colleague: null, representative: null }
  if (!table.ok) return { importable: false, rows: [], errors: table.errors, warnings, sheets, totalRows: 0 }
  const lookup = opts.knownStaffNos ? staffLookup(opts.knownStaffNos) : null
  const errors: TallyIssue[] = []
  const rows: TallyRow[] = []
  const firstOf = new Map<string, number>()
  const sheetsAt: Record<VoterCategory, number | null> = { colleague: null, representative: null }
  const firstRowOf: Record<VoterCategory, number | null> = { colleague: null, representative: null }
  await eachRow(
    table.rows,
    (tableRow) => {
      const r = checkRow(tableRow, table, lookup)
      errors.push(...r.errors)
      if (r.category) {
        firstRowOf[r.category] ??= tableRow.row
        if (r.sheets !== null) {
          const had = sheets[r.category]
          if (had === null) {
            sheets[r.category] = r.sheets
            sheetsAt[r.category] = tableRow.row
          } else if (had !== r.sheets) {
            const t = text.sheetsDiffer(catZh(r.category), had, sheetsAt[r.category]!)
            errors.push(issue('TALLY_SHEETS_DIFFER', { row: tableRow.row, column: table.label('validSheets'), value: String(r.sheets) }, t.zh, t.en))
          }
        }
      }
      const v = r.value
      if (!v) return
      const k = `${v.staffNo}\u0000${v.dimension}\u0000${v.category}`
      const first = firstOf.get(k)
      if (first !== undefined) {
        const t = text.duplicate(v.staffNo, DIMENSION_LABELS[v.dimension].zh, catZh(v.category), first)
        errors.push(issue('TALLY_DUPLICATE', { row: v.row, column: table.label('staffNo'), value: v.staffNo }, t.zh, t.en))
        return
      }
      firstOf.set(k, v.row)
      rows.push(v)
    },
    opts.onProgress,
  )
  for (const c of VOTER_CATEGORIES) {
    const at = firstRowOf[c]
    if (at !== null && sheets[c] === null) {
      const t = text.sheetsMissing(catZh(c))
      errors.push(issue('TALLY_SHEETS_MISSING', { row: at, column: table.label('validSheets') }, t.zh, t.en))
    }
  }
  for (const v of rows) {
    const n = sheets[v.category]
    const total = BALLOT_LEVELS.reduce((s, l) => s + v.counts[l], 0)
    if (n !== null && total > n) {
      const t = text.overSheets(total, catZh(v.category), n)
      errors.push(issue('TALLY_OVER_SHEETS', { row: v.row, column: table.label('excellent') }, t.zh, t.en))
    }
  }
  errors.sort((a, b) => a.row - b.row)
  const total = table.rows.length
  opts.onProgress?.(total, total)
  return { importable: errors.length === 0, rows, errors, warnings, sheets, totalRows: total }
}

function checkRow(
  tableRow: TableRow<TallyField>,
  ctx: RowContext<TallyField>,
  lookup: ReturnType<typeof staffLookup> | null,
): { errors: TallyIssue[]; value: TallyRow | null; category: VoterCategory | null; sheets: number | null } {
  const r = new RowReader<TallyField, TallyErrorCode>(tableRow, ctx, cellCodes('TALLY'))
  const staffNo = r.staffNo('staffNo', true)
  if (staffNo && lookup) {
    const found = lookup(staffNo.staffNo)
    if (!found.known) r.fail('TALLY_UNKNOWN_STAFF_NO', 'staffNo', r.cell('staffNo'), commonText.unknownStaffNo(staffNo.staffNo, found.likely))
  }
  const word = <T>(field: TallyField, words: ReadonlyMap<string, T>, code: TallyErrorCode, bad: (v: string) => { zh: string; en: string }): T | null => {
    const cell = r.usable(field, true)
    if (!cell) return null
    const v = readCode(cell, words)
    if (v === null) r.fail(code, field, cell, bad(cellText(cell).trim()))
    return v
  }
  const dimension = word('dimension', DIMENSION_WORDS, 'TALLY_BAD_DIMENSION', text.badDimension)
  const category = word('category', CATEGORY_WORDS, 'TALLY_BAD_CATEGORY', text.badCategory)
  const whole = (field: TallyField, blankIs: number | null): number | null => {
    const cell: RawCell = r.cell(field)
    if (cell.kind === 'error') {
      r.usable(field, false)
      return null
    }
    const n = readNumber(cell, ['票', '张'])
    if (n === undefined) return blankIs
    if (n === null || !Number.isInteger(n) || n < 0) {
      r.fail('TALLY_BAD_COUNT', field, cell, text.badCount(ctx.label(field) || ctx.column(field).zh, cellText(cell).trim()))
      return null
    }
    return n
  }
  const counts = {} as Record<BallotLevel, number>
  let countsOk = true
  for (const l of BALLOT_LEVELS) {
    const n = whole(LEVEL_FIELD[l], 0)
    if (n === null) countsOk = false
    else counts[l] = n
  }
  const sheets = whole('validSheets', null)
  const value = r.errors.length === 0 && staffNo && dimension && category && countsOk ? { row: r.row, staffNo: staffNo.staffNo, dimension, category, counts } : null
  return { errors: r.errors, value, category, sheets: r.errors.some((e) => e.column === ctx.label('validSheets')) ? null : sheets }
}

export interface TallyRead {
  parse: TallyParse
  sha256: string
}

/** Reads the file against the unit's staff numbers and the day's import limits (no writing). */
export async function readTallies(store: Store, file: FileContent, now: Date, onProgress?: (done: number, total: number) => void): Promise<TallyRead> {
  const bytes = fileBytes(file)
  const parse = await parseTallies(bytes, file.fileName, { knownStaffNos: new Set(staffIdMap(store).keys()), limits: importLimitsInForce(store, now), onProgress })
  return { parse, sha256: createHash('sha256').update(bytes).digest('hex') }
}

/**
 * The report of a read, and with `dryRun` false the import itself in the caller's transaction: any
 * error refuses the whole file (TALLIES_INVALID), and nothing is written on a dry run.
 */
export function importTallies(store: Store, year: number, fileName: string, read: TallyRead, opts: { dryRun: boolean; actorId: number; now: Date }): TallyImportReport {
  const { parse } = read
  const warnings = [...parse.warnings]
  const before = store.first(store.qb.selectFrom('ballot_tally_sheets').select('year').where('year', '=', year))
  if (before) {
    const t = text.replaces(year)
    warnings.unshift(issue('TALLY_REPLACES', { row: 0, column: '' }, t.zh, t.en))
  }
  const report: TallyImportReport = {
    fileName,
    year,
    rows: parse.totalRows,
    people: new Set(parse.rows.map((r) => r.staffNo)).size,
    cells: parse.rows.length,
    sheets: parse.sheets,
    errors: parse.errors,
    warnings,
    dryRun: opts.dryRun,
    written: false,
  }
  if (opts.dryRun) return report
  if (!parse.importable) {
    const first = parse.errors[0]
    throw new KaoheError('TALLIES_INVALID', { count: parse.errors.length, row: first?.row ?? 0, column: first?.column ?? '', reason: first?.zh ?? '', reasonEn: first?.en ?? '' })
  }
  requireOpenRound(store, year)
  const ids = staffIdMap(store)
  store.run(store.qb.deleteFrom('ballot_tallies').where('year', '=', year))
  store.run(store.qb.deleteFrom('ballot_tally_sheets').where('year', '=', year))
  const values = parse.rows.flatMap((r) => {
    const personId = ids.get(r.staffNo)
    if (personId === undefined) throw new KaoheError('NOT_FOUND', { what: '工号 staff number', id: r.staffNo })
    return BALLOT_LEVELS.map((level) => ({ year, person_id: personId, dimension: r.dimension, category: r.category, level, count: r.counts[level] }))
  })
  for (let i = 0; i < values.length; i += 500) store.run(store.qb.insertInto('ballot_tallies').values(values.slice(i, i + 500)))
  for (const c of VOTER_CATEGORIES) {
    const n = parse.sheets[c]
    if (n === null) continue
    store.run(
      store.qb.insertInto('ballot_tally_sheets').values({ year, category: c, valid_sheets: n, source_file: fileName, imported_by: opts.actorId, imported_at: opts.now.toISOString() }),
    )
  }
  return { ...report, written: true }
}
