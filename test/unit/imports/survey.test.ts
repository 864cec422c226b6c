// 服务评价导入 on the committed fixture files (test/fixtures/survey, made by generate.mjs) and on
// small inline files for the vocabulary, the small-sample flag and privacy.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SURVEY_LEVEL_ALIASES, parseSurvey, readSurveyLevel, type SurveyLevel, type SurveyParse } from '../../../src/main/core/survey/parse'

const fixture = (name: string) => new Uint8Array(readFileSync(resolve(__dirname, '../../fixtures/survey', name)))
const csv = (...lines: string[]) => new TextEncoder().encode(lines.join('\r\n'))
const where = (issues: SurveyParse['errors']) => issues.map((e) => [e.row, e.column, e.code, e.value])
const KNOWN = new Set(['00101', '00102', '00201', '00301', '00302'])

describe('survey-haochaping.xlsx: a 好差评 platform export', () => {
  it('reads the title-topped sheet, date-time cells, channels and response IDs; raters and phones are not kept', async () => {
    const r = await parseSurvey(fixture('survey-haochaping.xlsx'), 'survey-haochaping.xlsx', { knownStaffNos: KNOWN })
    expect(r.errors).toEqual([])
    expect(r).toMatchObject({ importable: true, headerRow: 2, totalRows: 12, source: { kind: 'xlsx', sheet: '评价明细' } })
    expect(r.columns).toEqual(['staffNo', 'date', 'level', 'channel', 'rater', 'responseId'])
    expect(r.rows.map((x) => [x.row, x.staffNo, x.date, x.level, x.score, x.channel, x.responseId]).slice(0, 5)).toEqual([
      [3, '00101', '2026-01-05', 'verySatisfied', 5, 'onsite', 'PJ2026000001'],
      [4, '00101', '2026-01-05', 'satisfied', 4, 'online', 'PJ2026000002'],
      [5, '00101', '2026-01-06', 'fairlySatisfied', 3, 'onsite', 'PJ2026000003'], // 评价器
      [6, '00101', '2026-01-07', 'verySatisfied', 5, 'phone', 'PJ2026000004'], // 12345
      [7, '00101', '2026-01-08', 'dissatisfied', 2, 'sms', 'PJ2026000005'],
    ])
    // 23:59 on the 15th stays the 15th.
    expect(r.rows[9]).toMatchObject({ row: 12, date: '2026-01-15', level: 'satisfied' })
    // Masked raters ('王*') are different people who share a mask: no repeated-rater warning.
    // Counts per official, with the first row and the column a warning about them points to. Whether
    // they are too few is for the year, not the file: the importer decides (survey/sampleSize.ts).
    expect(r.counts).toEqual([
      { staffNo: '00101', responses: 10, row: 3, column: '被评价人工号' },
      { staffNo: '00102', responses: 2, row: 13, column: '被评价人工号' },
    ])
    expect(where(r.warnings)).toEqual([])
  })
})

describe('survey-gbk.csv: a unit survey on the 1–5 scale, GBK', () => {
  it('reads the scores, with or without 分', async () => {
    const r = await parseSurvey(fixture('survey-gbk.csv'), 'survey-gbk.csv', { knownStaffNos: KNOWN })
    expect(r.errors).toEqual([])
    expect(r.source).toEqual({ kind: 'csv', encoding: 'gbk', delimiter: ',' })
    expect(r.rows.map((x) => [x.row, x.date, x.score, x.level, x.channel])).toEqual([
      [2, '2026-03-02', 5, 'verySatisfied', 'onsite'],
      [3, '2026-03-02', 4, 'satisfied', 'phone'],
      [4, '2026-03-03', 3, 'fairlySatisfied', null],
      [5, '2026-03-04', 1, 'veryDissatisfied', 'online'],
    ])
    expect(where(r.warnings)).toEqual([])
  })
})

describe('survey-bad.csv: every error at its row and column', () => {
  it('reports each bad cell and blocks the import', async () => {
    const r = await parseSurvey(fixture('survey-bad.csv'), 'survey-bad.csv', { knownStaffNos: KNOWN })
    expect(r.importable).toBe(false)
    expect(r.source).toMatchObject({ encoding: 'utf-8-bom' })
    expect(where(r.errors)).toEqual([
      [3, '评价结果', 'SURVEY_BAD_LEVEL', '好评'],
      [4, '评价结果', 'SURVEY_BAD_LEVEL', '6'],
      [5, '评价日期', 'SURVEY_BAD_DATE', '2026-13-01'],
      [6, '被评价人工号', 'SURVEY_UNKNOWN_STAFF_NO', '00999'],
      [10, '评价结果', 'SURVEY_REQUIRED', undefined],
      [11, '评价结果', 'SURVEY_BAD_LEVEL', '很好'],
    ])
    expect(where(r.warnings)).toEqual([
      [7, '评价编号', 'SURVEY_DUPLICATE_RESPONSE', 'A1'],
      [8, '评价渠道', 'SURVEY_UNKNOWN_CHANNEL', '信函'],
      [9, '被评价人工号', 'SURVEY_REPEATED_RATER', '00301'],
    ])
    // A1 once, 信函 as other, the repeated rater's row kept (it may be another service that day).
    expect(r.rows.map((x) => [x.row, x.responseId, x.channel])).toEqual([
      [2, 'A1', 'onsite'],
      [8, 'A6', 'other'],
      [9, 'A7', 'onsite'],
    ])
  })

  it('lists the allowed levels, and says why 好评 is not one', async () => {
    const r = await parseSurvey(fixture('survey-bad.csv'), 'survey-bad.csv', { knownStaffNos: KNOWN })
    const level = r.errors.filter((e) => e.code === 'SURVEY_BAD_LEVEL')
    expect(level[0]?.zh).toBe('评价“好评”是好差评的汇总类别，不能确定等级；应为：非常满意、满意、基本满意、不满意、非常不满意，或 1–5 分（5 为非常满意）')
    expect(level[1]?.zh).toBe('评价“6”无效，应为：非常满意、满意、基本满意、不满意、非常不满意，或 1–5 分（5 为非常满意）')
    expect(level[1]?.en).toBe('Rating "6" is not one of 非常满意 (very satisfied), 满意 (satisfied), 基本满意 (fairly satisfied), 不满意 (dissatisfied), 非常不满意 (very dissatisfied), nor 1–5 (5 = very satisfied)')
    for (const e of [...r.errors, ...r.warnings]) {
      expect(e.zh).toMatch(/[\u4e00-\u9fff]/)
      expect(e.en).toMatch(/^[A-Z]/)
    }
  })

  it('never lets a rater out: no row field, no issue text or value names one', async () => {
    const r = await parseSurvey(fixture('survey-bad.csv'), 'survey-bad.csv', { knownStaffNos: KNOWN })
    const out = JSON.stringify({ rows: r.rows, errors: r.errors, warnings: r.warnings, counts: r.counts })
    for (const name of ['刘备', '关羽', '张飞', '赵云', '马超', '黄忠', '魏延', '匿名']) expect(out).not.toContain(name)
    expect(Object.keys(r.rows[0] ?? {}).sort()).toEqual(['channel', 'date', 'level', 'responseId', 'row', 'score', 'staffNo'])
  })
})

describe('level vocabulary', () => {
  const read = (text: string) => readSurveyLevel({ kind: 'text', text })

  it.each([
    ['非常满意', 'verySatisfied'],
    ['满意', 'satisfied'],
    ['基本满意', 'fairlySatisfied'],
    ['不满意', 'dissatisfied'],
    ['非常不满意', 'veryDissatisfied'],
    [' 非常 满意 ', 'verySatisfied'],
    ['verySatisfied', 'verySatisfied'],
    ['5', 'verySatisfied'],
    ['５分', 'verySatisfied'],
    ['1星', 'veryDissatisfied'],
    ['3.0', 'fairlySatisfied'],
  ])('%j → %s', (w, l) => expect(read(w)).toBe(l))

  it('reads every documented alias, and number cells 1–5', () => {
    for (const [l, words] of Object.entries(SURVEY_LEVEL_ALIASES)) for (const w of words) expect([w, read(w)]).toEqual([w, l as SurveyLevel])
    expect([1, 2, 3, 4, 5].map((value) => readSurveyLevel({ kind: 'number', value }))).toEqual(['veryDissatisfied', 'dissatisfied', 'fairlySatisfied', 'satisfied', 'verySatisfied'])
  })

  it.each(['好评', '差评', '0', '6', '4.5', '满', 'A', ''])('refuses %j', (w) => expect(read(w)).toBeNull())
})

describe('rows, inline', () => {
  it('takes 被评价人工号 as the staff number and counts the file’s responses per official, without judging them', async () => {
    const lines = ['被评价人工号,日期,评价', ...Array.from({ length: 3 }, (_, i) => `7,2026-03-0${i + 1},满意`)]
    const three = await parseSurvey(csv(...lines), 's.csv')
    expect(three.warnings).toEqual([])
    expect(three.counts).toEqual([{ staffNo: '7', responses: 3, row: 2, column: '被评价人工号' }])
  })

  it('reads past the rater’s phone and comments without a warning, and an error cell in 评价人 blocks nothing', async () => {
    const r = await parseSurvey(csv('工号,日期,评价,评价人,手机号,评价内容', '7,2026-03-02,满意,#N/A,13800000000,很好'), 's.csv')
    expect(r).toMatchObject({ importable: true, warnings: [], errors: [] })
  })

  it('compares only real raters: anonymous and masked ones are many people', async () => {
    const r = await parseSurvey(
      csv('工号,日期,评价,评价人', '7,2026-03-02,满意,匿名用户', '7,2026-03-02,满意,匿名用户', '7,2026-03-02,满意,张*', '7,2026-03-02,满意,张*', '7,2026-03-02,满意,王芳', '7,2026-03-02,满意,王 芳'),
      's.csv',
    )
    expect(where(r.warnings)).toEqual([[7, '工号', 'SURVEY_REPEATED_RATER', '7']])
    expect(r.warnings[0]?.zh).toBe('与第 6 行为同一评价人在 2026-03-02 对工号 7 的评价，请确认不是重复提交')
  })

  it('needs 工号, 日期 and 评价', async () => {
    const r = await parseSurvey(csv('工号,评价,渠道', '7,满意,现场'), 's.csv')
    expect(where(r.errors)).toEqual([[1, '日期', 'SURVEY_MISSING_COLUMN', undefined]])
  })
})
