// @vitest-environment jsdom
import './setup'
import { describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import ExcelJS from 'exceljs'
import type { PersonSummary, TalkStatus } from '../../src/shared/api/types'
import type { QuarterPhaseView, QuarterlyRatingView, QuarterlyStatusRow } from '../../src/shared/quarterly'
import { installFakeApi, ok, renderApp } from './helpers'
import { person, signedInAs } from './domainFakes'

const YEAR = new Date().getFullYear()
/** Pages are loaded lazily: the first render of one in a file waits for its module. */
const LAZY_PAGE = { timeout: 8000 }

const PHASE: QuarterPhaseView = {
  year: YEAR,
  quarter: 1,
  phase: 'rating',
  from: `${YEAR}-01-01`,
  to: `${YEAR}-03-31`,
  summaryDueOn: `${YEAR}-04-07`,
  ratingFrom: `${YEAR}-04-08`,
  ratingEndsOn: `${YEAR}-04-21`,
  closesOn: `${YEAR}-04-22`,
  reopened: null,
  summaryDueWorkingDays: 5,
  ratingWorkingDays: 10,
  minPeerRaters: 3,
}

function statusRow(over: Partial<QuarterlyStatusRow>): QuarterlyStatusRow {
  return {
    personId: 11,
    staffNo: 'A0011',
    name: '李明',
    department: '社保科',
    year: YEAR,
    quarter: 1,
    summarySubmittedAt: null,
    rating: null,
    peersAssigned: 3,
    peersRated: 0,
    peerMean: null,
    score: null,
    grade: null,
    meetsStandard: null,
    guidelineVersion: 1,
    flags: ['NOT_RATED'],
    phase: PHASE,
    scoreBasis: null,
    ...over,
  }
}

const rated = (performance: number): QuarterlyRatingView => ({
  supervisorId: 1,
  supervisorName: '张强',
  performance,
  potential: 3,
  failReason: null,
  ratedAt: `${YEAR}-04-10T08:00:00Z`,
})

/** Three people in two departments, in the order main returns them (not by name). */
const STATUS = [
  statusRow({ personId: 10, staffNo: 'A0010', name: '张强', department: '办公室', summarySubmittedAt: `${YEAR}-03-28T08:00:00Z`, score: 90, grade: 'good', rating: rated(90), flags: [] }),
  statusRow({ personId: 11, staffNo: 'A0011', name: '李明', department: '社保科' }),
  statusRow({ personId: 12, staffNo: 'A0012', name: '陈刚', department: '社保科', summarySubmittedAt: `${YEAR}-03-30T08:00:00Z`, score: 80, grade: 'fairlyGood', rating: rated(80), flags: [] }),
]

const rowOrder = (testid: string, prefix: string) =>
  within(screen.getByTestId(testid))
    .getAllByRole('row')
    .map((r) => r.getAttribute('data-testid'))
    .filter((id): id is string => id !== null && id.startsWith(prefix))

/** Captures the workbook the export hands to the browser and reads it back with exceljs. */
function captureDownloads(): { read: () => Promise<{ name: string; sheet: string; rows: unknown[][] }> } {
  const blobs: Blob[] = []
  const names: string[] = []
  URL.createObjectURL = (b: Blob | MediaSource) => {
    blobs.push(b as Blob)
    return 'blob:x'
  }
  URL.revokeObjectURL = () => {}
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download)
  })
  return {
    read: async () => {
      await waitFor(() => expect(names).toHaveLength(1))
      const bytes = await new Promise<ArrayBuffer>((resolve) => {
        const reader = new FileReader()
        reader.onload = () => resolve(reader.result as ArrayBuffer)
        reader.readAsArrayBuffer(blobs[0]!)
      })
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(bytes)
      const ws = wb.worksheets[0]!
      const rows: unknown[][] = []
      ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
      return { name: names[0]!, sheet: ws.name, rows }
    },
  }
}

describe('unit tables: 季度评估 status', () => {
  const handlers = () => ({
    ...signedInAs(['hr'], 'quarterly'),
    'org.people.list': () => ok([] as PersonSummary[]),
    'quarterly.status': () => ok(STATUS),
  })

  it('sorts by name in pinyin order, by score with the unrated last, both ways', async () => {
    const u = userEvent.setup()
    installFakeApi(handlers())
    renderApp()
    await screen.findByTestId('quarterly-row-12', {}, LAZY_PAGE)
    expect(rowOrder('quarterly-status', 'quarterly-row-')).toEqual(['quarterly-row-10', 'quarterly-row-11', 'quarterly-row-12'])
    await u.click(screen.getByTestId('quarterly-status-sort-name'))
    // 陈 (chén) < 李 (lǐ) < 张 (zhāng)
    expect(rowOrder('quarterly-status', 'quarterly-row-')).toEqual(['quarterly-row-12', 'quarterly-row-11', 'quarterly-row-10'])
    await u.click(screen.getByTestId('quarterly-status-sort-name'))
    expect(rowOrder('quarterly-status', 'quarterly-row-')).toEqual(['quarterly-row-10', 'quarterly-row-11', 'quarterly-row-12'])
    await u.click(screen.getByTestId('quarterly-status-sort-score'))
    expect(rowOrder('quarterly-status', 'quarterly-row-')).toEqual(['quarterly-row-12', 'quarterly-row-10', 'quarterly-row-11'])
    await u.click(screen.getByTestId('quarterly-status-sort-score'))
    expect(rowOrder('quarterly-status', 'quarterly-row-')).toEqual(['quarterly-row-10', 'quarterly-row-12', 'quarterly-row-11'])
  })

  it('filters by department and by text, and the count line says how many of those shown submitted', async () => {
    const u = userEvent.setup()
    installFakeApi(handlers())
    renderApp()
    await screen.findByTestId('quarterly-row-12', {}, LAZY_PAGE)
    const count = () => screen.getByTestId('quarterly-status-count').textContent
    expect(count()).toBe('显示 3 人 · 已提交小结 2 / 3 · 已评价 2 / 3')
    await u.selectOptions(screen.getByTestId('quarterly-status-department'), '社保科')
    expect(rowOrder('quarterly-status', 'quarterly-row-')).toEqual(['quarterly-row-11', 'quarterly-row-12'])
    expect(count()).toBe('显示 2 人 · 已提交小结 1 / 2 · 已评价 1 / 2')
    await u.type(screen.getByTestId('quarterly-status-search'), '李')
    await waitFor(() => expect(rowOrder('quarterly-status', 'quarterly-row-')).toEqual(['quarterly-row-11']))
    expect(count()).toBe('显示 1 人 · 已提交小结 0 / 1 · 已评价 0 / 1')
    await u.clear(screen.getByTestId('quarterly-status-search'))
    await u.type(screen.getByTestId('quarterly-status-search'), '不存在')
    expect(await screen.findByTestId('quarterly-status-empty')).toHaveProperty('textContent', '没有符合筛选条件的记录')
  })

  it('exports what is shown, in the order shown, as an Excel workbook named for the quarter', async () => {
    const u = userEvent.setup()
    installFakeApi(handlers())
    const downloads = captureDownloads()
    renderApp()
    await screen.findByTestId('quarterly-row-12', {}, LAZY_PAGE)
    await u.selectOptions(screen.getByTestId('quarterly-status-department'), '社保科')
    await u.click(screen.getByTestId('quarterly-status-sort-name'))
    await u.click(screen.getByTestId('quarterly-status-export'))
    const file = await downloads.read()
    expect(file.name).toMatch(new RegExp(`^季度评估-${YEAR}年第[一二三四]季度\\.xlsx$`))
    expect(file.sheet).toBe('季度评估')
    expect(file.rows[0]).toEqual(['工号', '姓名', '科室', '工作小结', '业绩', '潜力', '互评', '得分', '等次', '达标', '提示'])
    expect(file.rows.slice(1).map((r) => r[1])).toEqual(['陈刚', '李明'])
    expect(file.rows[1]![7]).toBe(80)
    expect(file.rows[2]![3]).toBe('未提交')
    await waitFor(() => expect(screen.getAllByText('已导出 2 行')).toHaveLength(1))
  })
})

describe('unit tables: 每月沟通', () => {
  const talk = (over: Partial<TalkStatus>): TalkStatus => ({ personId: 11, personName: '李明', staffNo: 'A0011', month: '2026-03', talk: null, overdue: false, ...over })
  const handlers = () => {
    const base = signedInAs(['supervisor'], 'talks')
    return {
      ...base,
      'auth.session': () => ok({ ...base['auth.session']().value, username: 'kezhang' }),
      'org.people.list': () =>
        ok([
          person({ id: 10, staffNo: 'A0010', name: '张强', supervisorId: null, username: 'kezhang', departmentName: '办公室' }),
          person({ id: 11, name: '李明', supervisorId: 10, departmentName: '社保科' }),
          person({ id: 12, staffNo: 'A0012', name: '王五', supervisorId: 10, departmentName: '社保科' }),
          person({ id: 13, staffNo: 'A0013', name: '赵六', supervisorId: 10, departmentName: '办公室' }),
        ]),
      'talks.list': () =>
        ok([
          talk({ personId: 11 }),
          talk({ personId: 12, staffNo: 'A0012', personName: '王五', talk: { id: 1, heldOn: '2026-03-12', notes: '谈了稽核进度', recordedBy: '张强' } }),
          talk({ personId: 13, staffNo: 'A0013', personName: '赵六', overdue: true }),
        ]),
    }
  }

  it('sorts by status (overdue first) and by name, filters by department, and counts the talks held', async () => {
    const u = userEvent.setup()
    installFakeApi(handlers())
    renderApp()
    await screen.findByTestId('talks-row-13', {}, LAZY_PAGE)
    const count = () => screen.getByTestId('talks-list-count').textContent
    expect(count()).toBe('显示 3 人 · 已沟通 1 / 3')
    await u.click(screen.getByTestId('talks-list-sort-status'))
    expect(rowOrder('talks-list', 'talks-row-')).toEqual(['talks-row-13', 'talks-row-11', 'talks-row-12'])
    await u.click(screen.getByTestId('talks-list-sort-name'))
    // 李 (lǐ) < 王 (wáng) < 赵 (zhào)
    expect(rowOrder('talks-list', 'talks-row-')).toEqual(['talks-row-11', 'talks-row-12', 'talks-row-13'])
    await u.selectOptions(await screen.findByTestId('talks-list-department'), '社保科')
    expect(rowOrder('talks-list', 'talks-row-')).toEqual(['talks-row-11', 'talks-row-12'])
    expect(count()).toBe('显示 2 人 · 已沟通 1 / 2')
    await u.type(screen.getByTestId('talks-list-search'), '稽核')
    await waitFor(() => expect(rowOrder('talks-list', 'talks-row-')).toEqual(['talks-row-12']))
  })

  it('exports the talks with their dates in Chinese', async () => {
    const u = userEvent.setup()
    installFakeApi(handlers())
    const downloads = captureDownloads()
    renderApp()
    await screen.findByTestId('talks-row-13', {}, LAZY_PAGE)
    await u.click(screen.getByTestId('talks-list-sort-status'))
    await u.click(screen.getByTestId('talks-list-export'))
    const file = await downloads.read()
    expect(file.name).toMatch(/^每月沟通-\d{4}年\d{1,2}月\.xlsx$/)
    expect(file.rows[0]).toEqual(['工号', '姓名', '科室', '状态', '沟通日期', '沟通内容', '记录人'])
    expect(file.rows.slice(1).map((r) => [r[1], r[3]])).toEqual([
      ['赵六', '逾期'],
      ['李明', '待沟通'],
      ['王五', '已沟通'],
    ])
    expect(file.rows[3]![4]).toBe('2026年3月12日')
  })
})

describe('unit tables: 组织与人员', () => {
  it('filters the people list by department and text on the loaded unit, and sorts by name', async () => {
    const u = userEvent.setup()
    const people = [
      person({ id: 10, staffNo: 'A0010', name: '张强', departmentName: '办公室' }),
      person({ id: 11, staffNo: 'A0011', name: '李明', departmentName: '办公室' }),
      person({ id: 12, staffNo: 'B0001', name: '陈刚', departmentId: 2, departmentName: '执法大队' }),
    ]
    const api = installFakeApi({
      ...signedInAs(['hr'], 'org'),
      'org.departments.list': () => ok([]),
      'org.people.list': () => ok(people),
    })
    renderApp()
    await screen.findByTestId('person-row-B0001', {}, LAZY_PAGE)
    expect(screen.getByTestId('people-count').textContent).toBe('显示 3 人，共 3 人')
    await u.click(screen.getByTestId('people-sort-name'))
    expect(rowOrder('people', 'person-row-')).toEqual(['person-row-B0001', 'person-row-A0011', 'person-row-A0010'])
    await u.selectOptions(screen.getByTestId('people-department'), '办公室')
    expect(rowOrder('people', 'person-row-')).toEqual(['person-row-A0011', 'person-row-A0010'])
    const calls = api['org.people.list'].mock.calls.length
    await u.type(screen.getByTestId('people-search'), 'a0010')
    await waitFor(() => expect(screen.getByTestId('people-count').textContent).toBe('显示 1 人，共 3 人'))
    expect(rowOrder('people', 'person-row-')).toEqual(['person-row-A0010'])
    // Filtering is on the loaded list: no new call per key.
    expect(api['org.people.list'].mock.calls.length).toBe(calls)
  })
})
