import { createHash } from 'node:crypto'
import { KaoheError } from '@shared/errors'
import type { FileContent, ImportPreview, ImportResult, RosterIssue } from '@shared/api/types'
import { localDate } from '@shared/dates'
import type { Store } from '../../db/store'
import { fileBytes } from '../imports/files'
import { staffIdMap } from '../org/people'
import { importRefused } from '../imports/issues'
import { importLimitsInForce } from '../imports/limits'
import { fewResponseWarnings } from './sampleSize'
import { parseSurvey, type SurveyParse, type SurveyRow } from './parse'

/**
 * 服务评价导入 against the database. A response with a 评价编号 is stored under it, so a re-import
 * of the same responses adds nothing. A response without one cannot be recognised again: it is
 * stored under `file:<sha256 of the file>:<row>`, which is how a second import of the very same
 * file is recognised and refused; a different file carrying the same responses would count them
 * twice, and the preview says so. (Real 评价编号 are at most 64 characters, these keys longer, so
 * the two never meet.)
 */
export interface SurveyRead {
  parse: SurveyParse
  sha256: string
  /** The day of the read: the guideline in force then sets each year's 样本不足 threshold. */
  today: string
}

export async function readSurvey(
  store: Store,
  file: FileContent,
  today: string,
  onProgress?: (done: number, total: number) => void,
): Promise<SurveyRead> {
  const bytes = fileBytes(file)
  const knownStaffNos = new Set(staffIdMap(store).keys())
  // The day's policy sets the file limits, like the roster and attendance imports.
  const limits = importLimitsInForce(store, new Date(`${today}T12:00:00`))
  const parse = await parseSurvey(bytes, file.fileName, { knownStaffNos, onProgress, limits })
  return { parse, sha256: createHash('sha256').update(bytes).digest('hex'), today }
}

const fileKeyPrefix = (sha256: string) => `file:${sha256}:`

interface StoredResponse {
  person_id: number
  day: string
  level: string
  channel: string | null
}

export interface Planned {
  row: SurveyRow
  personId: number
  key: string
  action: 'add' | 'update' | 'unchanged'
  /** The stored response under the same key, which this row replaces (or repeats). */
  stored: StoredResponse | null
}

function plan(store: Store, read: SurveyRead): Planned[] {
  const ids = staffIdMap(store)
  const rows = read.parse.rows.map((row) => {
    const personId = ids.get(row.staffNo)
    if (personId === undefined) throw new KaoheError('NOT_FOUND', { what: '工号 staff number', id: row.staffNo })
    return { row, personId, key: row.responseId ?? `${fileKeyPrefix(read.sha256)}${row.row}` }
  })
  const stored = new Map<string, StoredResponse>()
  // SQLite's limit on bound parameters is far above this; chunks keep each statement small.
  for (let i = 0; i < rows.length; i += 500) {
    const keys = rows.slice(i, i + 500).map((r) => r.key)
    for (const s of store.all(
      store.qb.selectFrom('survey_responses').select(['response_key', 'person_id', 'day', 'level', 'channel']).where('response_key', 'in', keys),
    )) {
      if (s.response_key !== null) stored.set(s.response_key, s)
    }
  }
  return rows.map((r) => {
    const s = stored.get(r.key)
    if (!s) return { ...r, action: 'add', stored: null }
    const same = s.person_id === r.personId && s.day === r.row.date && s.level === r.row.level && s.channel === r.row.channel
    return { ...r, action: same ? 'unchanged' : 'update', stored: s }
  })
}

/** When this exact file was imported before (only files with rows lacking 评价编号 leave a trace). */
function earlierImport(store: Store, sha256: string): { fileName: string; at: string } | null {
  const prefix = fileKeyPrefix(sha256)
  const hit = store.first(
    store.qb
      .selectFrom('survey_responses')
      .select(['source_file', 'recorded_at'])
      .where('response_key', '>=', prefix)
      // ':' + 1 is ';': the range is exactly the keys starting with the prefix, and uses the index.
      .where('response_key', '<', `${prefix.slice(0, -1)};`)
      .limit(1),
  )
  return hit ? { fileName: hit.source_file ?? '', at: localDate(new Date(hit.recorded_at)) } : null
}

const text = {
  noResponseId: (n: number) => ({
    zh: `本文件有 ${n} 条评价没有评价编号：再次导入包含这些评价的其他文件会重复计数（同一文件不能重复导入）`,
    en: `${n} responses in this file have no response ID: importing another file that contains them would count them twice (the same file cannot be imported twice)`,
  }),
  already: (fileName: string, at: string) => ({
    zh: `此文件已于 ${at} 导入（${fileName}），不能重复导入`,
    en: `This file was already imported on ${at} (${fileName}) and cannot be imported again`,
  }),
}

/** What an import would do; writes nothing. A file already imported is an error here too. */
export function previewSurvey(store: Store, fileName: string, read: SurveyRead): ImportPreview {
  const { parse } = read
  const planned = plan(store, read)
  const added = planned.filter((p) => p.action !== 'unchanged').length
  const errors: RosterIssue[] = [...parse.errors]
  const warnings: RosterIssue[] = [...parse.warnings, ...fewResponseWarnings(store, parse, planned, read.today)].sort((a, b) => a.row - b.row)
  const keyless = parse.rows.filter((r) => r.responseId === null).length
  if (keyless) {
    const before = earlierImport(store, read.sha256)
    if (before) {
      const t = text.already(before.fileName, before.at)
      errors.unshift({ row: 0, column: '', code: 'SURVEY_ALREADY_IMPORTED', zh: t.zh, en: t.en })
    }
    const t = text.noResponseId(keyless)
    warnings.unshift({ row: 0, column: '', code: 'SURVEY_NO_RESPONSE_ID', zh: t.zh, en: t.en })
  }
  return { fileName, rows: parse.totalRows, added, unchanged: planned.length - added, errors, warnings }
}

/** Imports a file without errors, in the caller's transaction; any error refuses the whole file. */
export function importSurvey(store: Store, fileName: string, read: SurveyRead, change: { now: Date }): ImportResult {
  const { parse } = read
  if (!parse.importable) throw importRefused('SURVEY_INVALID', parse.errors)
  if (parse.rows.some((r) => r.responseId === null)) {
    const before = earlierImport(store, read.sha256)
    if (before) throw new KaoheError('SURVEY_ALREADY_IMPORTED', { fileName, earlierFile: before.fileName, at: before.at })
  }
  const recordedAt = change.now.toISOString()
  const planned = plan(store, read)
  for (const p of planned) {
    const values = { person_id: p.personId, day: p.row.date, level: p.row.level, channel: p.row.channel, source_file: fileName, recorded_at: recordedAt }
    if (p.action === 'add') {
      store.run(store.qb.insertInto('survey_responses').values({ ...values, response_key: p.key, source: 'import' }))
    } else if (p.action === 'update') {
      store.run(store.qb.updateTable('survey_responses').set(values).where('response_key', '=', p.key))
    }
  }
  const added = planned.filter((p) => p.action !== 'unchanged').length
  return { added, unchanged: planned.length - added }
}
