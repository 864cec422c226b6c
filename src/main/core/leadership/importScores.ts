import { KaoheError } from '@shared/errors'
import { POST_CATEGORIES } from '@shared/guideline/model'
import type { FileContent } from '@shared/api/types'
import type { ScoreImportPreview, ScoreImportResult } from '@shared/api/leadership'
import type { Store } from '../../db/store'
import { cellText, type RawCell } from '../imports/cells'
import { columnSet, type ColumnSpec } from '../imports/columns'
import { fileBytes } from '../imports/files'
import { issue, type FileKind, type ImportIssue } from '../imports/issues'
import { importLimitsInForce } from '../imports/limits'
import { cleanName, readNumber } from '../imports/normalize'
import { RowReader, cellCodes } from '../imports/rowReader'
import { readTable, type TableRead } from '../imports/table'
import { members, participants, ratedIndicators, recordRecusals, recusalOf, relativePairs, yearGuideline } from './sheets'

/**
 * 考核评分表导入: the score sheet filled in at a leadership-group meeting, one row per member and
 * person — 工号, 姓名, 评分人 (the member's name or staff number), then one column per rated
 * indicator, headed by the indicator's name as the guideline has it (政治立场, 职业道德…). Every row
 * is checked against the unit (the person, the name, the member, recusals, the person's rated
 * indicators, 0–100 with at most two decimals); any error refuses the whole file, with each error at
 * its row and column in both languages. An imported row is a submitted sheet (source `import`); a
 * sheet the member already submitted themself is not overwritten.
 */
const FILE: FileKind = {
  zh: '考核评分表',
  en: 'leadership score sheet',
  enWithArticle: 'a leadership score sheet',
  zhRows: '评分',
  enRows: 'scores',
  headerHint: ['工号', '姓名', '评分人'],
}

type Field = string

const FIXED: ColumnSpec<Field>[] = [
  { field: 'staffNo', zh: '工号', en: 'Staff No.', required: true, aliases: ['staffno', '人员编号', '职工号'] },
  { field: 'name', zh: '姓名', en: 'Name', required: false, aliases: ['name', '被评人', '被考核人'] },
  { field: 'rater', zh: '评分人', en: 'Rater', required: true, aliases: ['rater', '评分领导', '评价人', '打分人'] },
]

export type ScoreTable = TableRead<'SCORES', Field, ColumnSpec<Field>>

/** The indicator names of every post category's rated indicators, each a column. */
function indicatorColumns(store: Store, year: number): ColumnSpec<Field>[] {
  const g = yearGuideline(store, year)
  const names = new Set<string>()
  for (const c of POST_CATEGORIES) for (const i of ratedIndicators(g, c)) names.add(i.name)
  return [...names].map((n) => ({ field: `ind:${n}`, zh: n, en: n, required: false, aliases: [] }))
}

/** Reads the file (asynchronously, before the transaction). */
export async function readScoreFile(store: Store, year: number, file: FileContent, now: Date): Promise<ScoreTable> {
  const columns = columnSet<Field, ColumnSpec<Field>>([...FIXED, ...indicatorColumns(store, year)], ['科室', '部门', 'department', '岗位'])
  return readTable(fileBytes(file), file.fileName, { prefix: 'SCORES', kind: FILE, columns, limits: importLimitsInForce(store, now) })
}

interface PlannedSheet {
  raterId: number
  personId: number
  scores: Map<string, number>
}

interface Plan {
  rows: number
  sheets: PlannedSheet[]
  errors: ImportIssue[]
  warnings: ImportIssue[]
}

const text = {
  unknownStaff: (v: string) => ({ zh: `工号“${v}”不是本单位参加考核的人员`, en: `Staff number "${v}" is not one of this year's participants` }),
  nameMismatch: (v: string, name: string) => ({ zh: `姓名“${v}”与工号对应的人员“${name}”不符`, en: `Name "${v}" does not match the person of that staff number (${name})` }),
  notMember: (v: string) => ({ zh: `评分人“${v}”不是绩效管理领导小组成员`, en: `Rater "${v}" is not a member of the leadership group` }),
  recused: (rater: string, name: string, self: boolean) => ({
    zh: `${rater} 须回避对 ${name} 的评分（${self ? '本人' : '近亲属'}）`,
    en: `${rater} is recused from rating ${name} (${self ? 'oneself' : 'a close relative'})`,
  }),
  badScore: (col: string, v: string) => ({ zh: `“${col}”的分数“${v}”无效，应为 0 到 100 之间、最多两位小数`, en: `Score "${v}" in "${col}" is not a number from 0 to 100 with at most two decimals` }),
  missingScore: (col: string, name: string) => ({ zh: `${name} 的评分指标“${col}”未打分`, en: `The rated indicator "${col}" of ${name} has no score` }),
  notTheirs: (col: string, name: string) => ({ zh: `“${col}”不是 ${name} 所在岗位类别的评分指标，应留空`, en: `"${col}" is not a rated indicator of ${name}'s post category; leave it blank` }),
  duplicate: (first: number) => ({ zh: `与第 ${first} 行是同一评分人对同一人员的评分`, en: `The same rater and person as row ${first}` }),
  submitted: (rater: string, name: string) => ({ zh: `${rater} 已在系统中提交了对 ${name} 的评分表，不能用导入覆盖`, en: `${rater} already submitted a sheet for ${name} in the system; an import cannot overwrite it` }),
}

function plan(store: Store, year: number, table: ScoreTable): Plan {
  if (!table.ok) return { rows: 0, sheets: [], errors: table.errors, warnings: table.warnings }
  const guideline = yearGuideline(store, year)
  const people = new Map(participants(store).map((p) => [p.staffNo, p]))
  const group = members(store)
  const relatives = relativePairs(store)
  const submittedHere = new Set(
    store
      .all(store.qb.selectFrom('leadership_sheets').select(['rater_id', 'person_id']).where('year', '=', year).where('status', '=', 'submitted').where('source', '=', 'sheet'))
      .map((s) => `${s.rater_id}>${s.person_id}`),
  )
  const indicatorFields = table.fields.filter((f) => f.startsWith('ind:'))
  const errors: ImportIssue[] = []
  const sheets: PlannedSheet[] = []
  const firstRow = new Map<string, number>()
  const ctx = { label: (f: Field) => table.label(f), column: (f: Field) => table.column(f) }
  for (const tr of table.rows) {
    const r = new RowReader<Field, string>(tr, ctx, cellCodes('SCORES'))
    const staff = r.staffNo('staffNo', true)
    const person = staff ? people.get(staff.staffNo) : undefined
    if (staff && !person) r.fail('SCORES_UNKNOWN_STAFF_NO', 'staffNo', r.cell('staffNo'), text.unknownStaff(staff.staffNo))
    const nameCell = r.cell('name')
    const name = table.fields.includes('name') ? cleanName(cellText(nameCell)) : ''
    if (person && name && name !== person.name) r.fail('SCORES_NAME_MISMATCH', 'name', nameCell, text.nameMismatch(name, person.name))
    const raterText = r.text('rater', true, cleanName, 64)
    const rater = raterText ? group.find((m) => m.name === raterText || m.staffNo === raterText) : undefined
    if (raterText && !rater) r.fail('SCORES_NOT_MEMBER', 'rater', r.cell('rater'), text.notMember(raterText))
    if (person && rater) {
      const why = recusalOf(rater.personId, person.id, relatives)
      if (why) r.fail('SCORES_RECUSED', 'rater', r.cell('rater'), text.recused(rater.name, person.name, why === 'self'))
      else if (submittedHere.has(`${rater.personId}>${person.id}`)) r.fail('SCORES_ALREADY_SUBMITTED', 'rater', r.cell('rater'), text.submitted(rater.name, person.name))
      const key = `${rater.personId}>${person.id}`
      const first = firstRow.get(key)
      if (first !== undefined) r.fail('SCORES_DUPLICATE_ROW', 'staffNo', r.cell('staffNo'), text.duplicate(first))
      else firstRow.set(key, r.row)
    }
    const scores = new Map<string, number>()
    if (person) {
      const theirs = new Map(ratedIndicators(guideline, person.category).map((i) => [`ind:${i.name}`, i.id]))
      for (const f of indicatorFields) {
        const cell: RawCell = r.cell(f)
        const label = table.label(f)
        const n = readNumber(cell, ['分'])
        if (!theirs.has(f)) {
          if (n !== undefined) r.fail('SCORES_NOT_THEIR_INDICATOR', f, cell, text.notTheirs(label, person.name))
          continue
        }
        if (n === undefined) continue
        if (n === null || n < 0 || n > 100 || Math.abs(Math.round(n * 100) - n * 100) > 1e-6) {
          r.fail('SCORES_BAD_SCORE', f, cell, text.badScore(label, cellText(cell)))
          continue
        }
        scores.set(theirs.get(f)!, Math.round(n * 100))
      }
      for (const [f, id] of theirs) {
        if (scores.has(id)) continue
        if (!indicatorFields.includes(f) || r.cell(f).kind === 'empty') {
          const where = indicatorFields.includes(f) ? { row: r.row, column: table.label(f) } : { row: r.row, column: f.slice(4) }
          const t = text.missingScore(f.slice(4), person.name)
          r.errors.push(issue('SCORES_MISSING_SCORE', where, t.zh, t.en))
        }
      }
    }
    errors.push(...r.errors)
    if (!r.errors.length && person && rater) sheets.push({ raterId: rater.personId, personId: person.id, scores })
  }
  return { rows: table.rows.length, sheets, errors, warnings: table.warnings }
}

export function previewScores(store: Store, year: number, fileName: string, table: ScoreTable): ScoreImportPreview {
  const p = plan(store, year, table)
  return { fileName, rows: p.rows, sheets: p.sheets.length, errors: p.errors, warnings: p.warnings }
}

/** Writes the file's sheets, submitted, in the caller's transaction; any error refuses the whole file. */
export function importScores(store: Store, year: number, table: ScoreTable, actorId: number, now: Date): ScoreImportResult {
  const p = plan(store, year, table)
  if (p.errors.length) {
    const first = p.errors[0]!
    throw new KaoheError('LEADERSHIP_IMPORT_INVALID', { count: p.errors.length, row: first.row, column: first.column, reason: first.zh, reasonEn: first.en })
  }
  const at = now.toISOString()
  recordRecusals(store, year, members(store), actorId, now)
  for (const s of p.sheets) {
    const old = store.first(
      store.qb.selectFrom('leadership_sheets').select('id').where('year', '=', year).where('rater_id', '=', s.raterId).where('person_id', '=', s.personId),
    )
    if (old) {
      store.run(store.qb.deleteFrom('leadership_scores').where('sheet_id', '=', old.id))
      store.run(store.qb.deleteFrom('leadership_sheets').where('id', '=', old.id))
    }
    const sheetId = store.run(
      store.qb
        .insertInto('leadership_sheets')
        .values({ year, rater_id: s.raterId, person_id: s.personId, status: 'submitted', source: 'import', saved_at: at, saved_by: actorId, submitted_at: at }),
    ).lastInsertRowid
    for (const [indicatorId, hundredths] of s.scores) {
      store.run(store.qb.insertInto('leadership_scores').values({ sheet_id: sheetId, indicator_id: indicatorId, score_hundredths: hundredths }))
    }
  }
  return { sheets: p.sheets.length }
}
