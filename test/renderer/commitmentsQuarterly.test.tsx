// @vitest-environment jsdom
import './setup'
import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { CommitmentLetterView, CommitmentRecord, CommitmentSummary } from '../../src/shared/commitments'
import type { NineBoxView, PeerAssignmentView, QuarterlyDetail, QuarterlyStatusRow } from '../../src/shared/quarterly'
import { contract } from '../../src/shared/api/contract'
import { fieldOf, itemsOf, limitsOf } from '../../src/renderer/src/forms/zodForm'
import { installFakeApi, ok, renderApp, expectShown } from './helpers'
import { person, signedInAs } from './domainFakes'

const YEAR = new Date().getFullYear()

function letter(over: Partial<CommitmentLetterView> = {}): CommitmentLetterView {
  return {
    id: 1,
    personId: 11,
    personName: '李明',
    staffNo: 'A0011',
    year: YEAR,
    version: 1,
    state: 'draft',
    tasks: [],
    updatedAt: `${YEAR}-01-10T08:00:00Z`,
    submittedAt: null,
    reviewedBy: null,
    reviewedAt: null,
    returnReason: null,
    publicityStart: null,
    publicityEnd: null,
    publicityFrom: null,
    publicityWorkingDays: null,
    publicityWarnings: [],
    effectiveOn: null,
    revisionId: null,
    revisionReason: null,
    ...over,
  }
}

const task = (key: string, title: string) => ({
  key,
  title,
  target: 120,
  unit: '户',
  deadline: `${YEAR}-11-30`,
  originalDeadline: null,
  goal: '社保扩面提质',
  completedOn: null,
  withdrawn: false,
})

function record(current: CommitmentLetterView | null): CommitmentRecord {
  return {
    personId: current?.personId ?? 11,
    year: YEAR,
    current,
    versions: current ? [{ version: current.version, state: current.state, effectiveOn: current.effectiveOn, revisionReason: null }] : [],
    revisions: [],
  }
}

function summary(over: Partial<CommitmentSummary> = {}): CommitmentSummary {
  return { personId: 11, personName: '李明', staffNo: 'A0011', departmentName: '社保科', year: YEAR, version: 1, state: 'draft', tasks: 0, pendingRevisionId: null, ...over }
}

/** A staff member (no org.read): their own letter is the one the list returns. */
function asStaff(route: string) {
  const base = signedInAs(['staff'], route)
  return { ...base, 'auth.session': () => ok({ ...base['auth.session']().value, username: 'staff' }) }
}

/** 张强 (kezhang), supervisor of 李明 and 王五. */
function asSupervisor(route: string) {
  const base = signedInAs(['supervisor'], route)
  return {
    ...base,
    'auth.session': () => ok({ ...base['auth.session']().value, username: 'kezhang' }),
    'org.people.list': () =>
      ok([
        person({ id: 10, name: '张强', supervisorId: null, username: 'kezhang' }),
        person({ id: 11, name: '李明', supervisorId: 10 }),
        person({ id: 12, staffNo: 'A0012', name: '王五', supervisorId: 10 }),
      ]),
  }
}

describe('commitment letters (绩效承诺书)', () => {
  it('a staff member drafts tasks, saves and submits the letter', async () => {
    const u = userEvent.setup()
    let current: CommitmentLetterView | null = null
    const api = installFakeApi({
      ...asStaff('commitments'),
      'commitments.list': () => ok([summary({ version: current ? 1 : null, state: current?.state ?? null })]),
      'commitments.get': () => ok(record(current)),
      'commitments.saveDraft': (input: { tasks: { title: string; target: number; unit: string; deadline: string; goal: string }[] }) => {
        current = letter({ tasks: input.tasks.map((x, i) => ({ ...task(`T${i + 1}`, x.title), ...x })) })
        return ok(record(current))
      },
      'commitments.submit': () => {
        current = letter({ ...current, state: 'submitted', submittedAt: `${YEAR}-01-12T08:00:00Z` })
        return ok(record(current))
      },
    })
    renderApp()
    expect((await screen.findByTestId('nav-commitments')).textContent).toContain('绩效承诺书')
    await u.type(await screen.findByTestId('commitments-title-0'), '完成企业社保稽核')
    // The inputs take the bounds of the contract's own task schema (commitments.saveDraft), not re-typed ones.
    const maxLength = (testid: string) => screen.getByTestId(testid).getAttribute('maxlength')
    expect([maxLength('commitments-title-0'), maxLength('commitments-unit-0'), maxLength('commitments-goal-0')]).toEqual(['200', '20', '200'])
    await u.type(screen.getByTestId('commitments-target-0'), '120')
    await u.type(screen.getByTestId('commitments-unit-0'), '户')
    await u.type(screen.getByTestId('commitments-goal-0'), '社保扩面提质')
    await u.click(screen.getByTestId('commitments-add-task'))
    expectShown(screen.getByTestId('commitments-row-1'))
    // An incomplete second row is refused before anything is sent.
    await u.type(screen.getByTestId('commitments-title-1'), '半截任务')
    await u.click(screen.getByTestId('commitments-submit'))
    expect((await screen.findByTestId('commitments-error')).textContent).toContain('第 2 项任务未填写完整')
    await u.click(screen.getByTestId('commitments-remove-1'))
    await u.click(screen.getByTestId('commitments-submit'))
    await u.click(await screen.findByTestId('confirm-ok'))
    await waitFor(() => expect(api['commitments.submit']).toHaveBeenCalled())
    expect(api['commitments.saveDraft'].mock.calls[0]![0]).toMatchObject({
      personId: 11,
      year: YEAR,
      tasks: [{ title: '完成企业社保稽核', target: 120, unit: '户', deadline: `${YEAR}-12-31`, goal: '社保扩面提质' }],
    })
    expect((await screen.findByTestId('commitments-my-state')).textContent).toBe('待审核')
    expect(screen.queryByTestId('commitments-editor')).toBeNull()
    expect(screen.getByTestId('commitments-tasks').textContent).toContain('完成企业社保稽核')
  })

  it('a supervisor must give a reason to return a letter, then it is returned', async () => {
    const u = userEvent.setup()
    let current = letter({ state: 'submitted', tasks: [task('T1', '完成企业社保稽核')], submittedAt: `${YEAR}-01-12T08:00:00Z` })
    const api = installFakeApi({
      ...asSupervisor('commitments'),
      'commitments.list': () => ok([summary({ personId: 10, personName: '张强', version: null, state: null }), summary({ state: current.state, tasks: 1 })]),
      'commitments.get': (input: { personId: number }) => ok(record(input.personId === 11 ? current : null)),
      'commitments.review': (input: { decision: string; reason?: string }) => {
        current = letter({ ...current, state: 'returned', returnReason: input.reason ?? null })
        return ok(record(current))
      },
    })
    renderApp()
    await u.click(await screen.findByTestId('commitments-tab-review'))
    await u.click(await screen.findByTestId('commitments-open-11'))
    const dialog = await screen.findByTestId('commitments-letter')
    expect(within(dialog).getByTestId('commitments-tasks').textContent).toContain('完成企业社保稽核')
    await u.click(within(dialog).getByTestId('commitments-return'))
    expect((await screen.findByTestId('commitments-review-error')).textContent).toContain('退回须说明理由')
    expect(api['commitments.review']).not.toHaveBeenCalled()
    await u.type(screen.getByTestId('commitments-return-reason'), '量化指标不明确')
    await u.click(screen.getByTestId('commitments-return'))
    await waitFor(() =>
      expect(api['commitments.review']).toHaveBeenCalledWith({ personId: 11, year: YEAR, decision: 'return', reason: '量化指标不明确' }),
    )
    expect((await screen.findByTestId('commitments-letter-state')).textContent).toBe('已退回')
  })

  it('an approved letter shows the counted publicity span (day 1 after approval) and keeps an estimate warning', async () => {
    const warning = { code: 'CALENDAR_YEAR_NOT_LOADED', year: YEAR, zh: `尚未载入 ${YEAR} 年的节假日安排：按法定节假日推算`, en: `The ${YEAR} holiday arrangement is not loaded` }
    const current = letter({
      state: 'publicity',
      tasks: [task('T1', '完成企业社保稽核')],
      publicityStart: `${YEAR}-01-15`,
      publicityFrom: `${YEAR}-01-16`,
      publicityEnd: `${YEAR}-01-22`,
      publicityWorkingDays: 5,
      publicityWarnings: [warning],
      effectiveOn: `${YEAR}-01-23`,
    })
    installFakeApi({
      ...asStaff('commitments'),
      'commitments.get': () => ok(record(current)),
      'commitments.list': () => ok([summary({ state: 'publicity', tasks: 1, version: 1 })]),
    })
    renderApp()
    expect((await screen.findByTestId('commitments-meta')).textContent).toContain(`公示期：${YEAR}年1月16日 至 ${YEAR}年1月22日（5个工作日）`)
    expect(screen.getByTestId('commitments-publicity-warning').textContent).toBe(warning.zh)
  })

  it('the print view shows the letter with its tasks and signature lines', async () => {
    const current = letter({
      state: 'inForce',
      tasks: [task('T1', '完成企业社保稽核'), task('T2', '办结劳动仲裁案件')],
      publicityStart: `${YEAR}-01-15`,
      publicityEnd: `${YEAR}-01-21`,
      effectiveOn: `${YEAR}-01-22`,
    })
    installFakeApi({
      ...asStaff(`commitments/print/11/${YEAR}/1`),
      'commitments.get': () => ok(record(current)),
      'commitments.list': () => ok([summary({ state: 'inForce', tasks: 2 })]),
    })
    renderApp()
    const doc = await screen.findByTestId('commitment-document')
    expect(screen.getByTestId('commitment-doc-title').textContent).toContain('个人绩效承诺书')
    expect(screen.getByTestId('commitment-doc-name').textContent).toBe('李明')
    const rows = within(screen.getByTestId('commitment-doc-tasks')).getAllByRole('row')
    expect(rows).toHaveLength(3)
    expect(doc.textContent).toContain('办结劳动仲裁案件')
    expect(doc.textContent).toContain('社保科')
    expect(doc.textContent).toContain('本人签字')
    expect(doc.textContent).toContain('主管领导签字')
    expect(screen.queryByTestId('nav-commitments')).toBeNull()
  })
})

/** Q1 in its rating phase (the dates as core/quarterly/phases.ts gives them for 2026). */
const RATING_PHASE: QuarterlyStatusRow['phase'] = {
  year: YEAR,
  quarter: 1,
  phase: 'rating',
  from: `${YEAR}-01-01`,
  to: `${YEAR}-03-31`,
  summaryDueOn: `${YEAR}-04-08`,
  ratingFrom: `${YEAR}-04-09`,
  ratingEndsOn: `${YEAR}-04-22`,
  closesOn: `${YEAR}-04-23`,
  reopened: null,
  summaryDueWorkingDays: 5,
  ratingWorkingDays: 10,
  minPeerRaters: 3,
}

function statusRow(over: Partial<QuarterlyStatusRow> = {}): QuarterlyStatusRow {
  return {
    personId: 11,
    staffNo: 'A0011',
    name: '李明',
    department: '社保科',
    year: YEAR,
    quarter: 1,
    summarySubmittedAt: `${YEAR}-03-28T08:00:00Z`,
    rating: null,
    peersAssigned: 3,
    peersRated: 0,
    peerMean: null,
    score: null,
    grade: null,
    meetsStandard: null,
    guidelineVersion: 1,
    flags: ['NOT_RATED'],
    phase: RATING_PHASE,
    scoreBasis: null,
    ...over,
  }
}

describe('quarterly evaluation (季度评估)', () => {
  it('the rate form requires a reason when 不达标 is ticked', async () => {
    const u = userEvent.setup()
    const detail: QuarterlyDetail = { ...statusRow(), summary: '完成稽核 30 户。', draft: null, amendments: [], ledgerEntries: 7, from: `${YEAR}-01-01`, to: `${YEAR}-03-31` }
    const api = installFakeApi({
      ...asSupervisor('quarterly'),
      'quarterly.status': () => ok([statusRow(), statusRow({ personId: 13, staffNo: 'A0013', name: '赵六' })]),
      'quarterly.get': () => ok(detail),
      'quarterly.rate': (input: { performance: number; potential: number }) =>
        ok({
          status: statusRow({
            rating: { supervisorId: 10, supervisorName: '张强', performance: input.performance, potential: input.potential, failReason: '未完成', ratedAt: `${YEAR}-04-02T08:00:00Z` },
            score: 58,
            grade: 'poor',
            meetsStandard: false,
            flags: ['NO_PEER_RATINGS'],
          }),
          ledgerEntries: 7,
          openedFollowups: [],
        }),
    })
    renderApp()
    // Only direct reports can be rated.
    await u.click(await screen.findByTestId('quarterly-rate-11'))
    expect(screen.queryByTestId('quarterly-rate-13')).toBeNull()
    expect((await screen.findByTestId('quarterly-ledger-count')).textContent).toContain('7')
    // Without scores: the bounds in the message are quarterly.rate's own rating schema.
    await u.click(screen.getByTestId('quarterly-rate-submit'))
    expect((await screen.findByTestId('quarterly-rate-error')).textContent).toBe('业绩与潜力须为 0–100 的数（最多两位小数）')
    expect(api['quarterly.rate']).not.toHaveBeenCalled()
    await u.type(screen.getByTestId('quarterly-performance'), '55')
    await u.type(screen.getByTestId('quarterly-potential'), '60')
    await u.click(screen.getByTestId('quarterly-fail'))
    await u.click(screen.getByTestId('quarterly-rate-submit'))
    expect((await screen.findByTestId('quarterly-rate-error')).textContent).toContain('须写明理由')
    expect(api['quarterly.rate']).not.toHaveBeenCalled()
    await u.type(screen.getByTestId('quarterly-fail-reason'), '未完成')
    await u.click(screen.getByTestId('quarterly-rate-submit'))
    await waitFor(() =>
      expect(api['quarterly.rate']).toHaveBeenCalledWith({ personId: 11, year: YEAR, quarter: expect.any(Number), performance: 55, potential: 60, failMark: true, failReason: '未完成' }),
    )
    expect((await screen.findByTestId('quarterly-grade-11')).textContent).toBe('较差')
    expect(screen.getByTestId('quarterly-standard-11').textContent).toBe('不达标')
    expect(screen.getByTestId('quarterly-flag-11-NO_PEER_RATINGS').textContent).toBe('无互评')
  })

  it('warns before rating without a 小结 and sends the confirmation only once ticked; a closed quarter offers no rating', async () => {
    const u = userEvent.setup()
    const detail: QuarterlyDetail = { ...statusRow({ summarySubmittedAt: null, flags: ['NOT_RATED', 'NO_SUMMARY'] }), summary: null, draft: null, amendments: [], ledgerEntries: 2, from: `${YEAR}-01-01`, to: `${YEAR}-03-31` }
    let closed = false
    const api = installFakeApi({
      ...asSupervisor('quarterly'),
      'quarterly.status': () => ok([statusRow({ summarySubmittedAt: null, ...(closed ? { phase: { ...RATING_PHASE, phase: 'closed' as const } } : {}) })]),
      'quarterly.get': () => ok(detail),
      'quarterly.rate': (input: { performance: number; potential: number }) =>
        ok({
          status: statusRow({ rating: { supervisorId: 10, supervisorName: '张强', performance: input.performance, potential: input.potential, failReason: null, ratedAt: `${YEAR}-04-10T08:00:00Z` }, score: 80, grade: 'fairlyGood', meetsStandard: true, flags: ['NO_PEER_RATINGS', 'RATED_WITHOUT_SUMMARY'] }),
          ledgerEntries: 2,
          openedFollowups: [],
        }),
    })
    const view = renderApp()
    expect((await screen.findByTestId('quarterly-phase-badge')).textContent).toBe('主管评价')
    expect(screen.getByTestId('quarterly-phase-dates').textContent).toContain(`${YEAR}年4月22日`)
    await u.click(await screen.findByTestId('quarterly-rate-11'))
    expect((await screen.findByTestId('quarterly-no-summary-warning')).textContent).toContain('尚未提交本季度工作小结')
    await u.type(screen.getByTestId('quarterly-performance'), '80')
    await u.type(screen.getByTestId('quarterly-potential'), '75')
    expect(screen.getByTestId('quarterly-rate-submit')).toHaveProperty('disabled', true)
    await u.click(screen.getByTestId('quarterly-confirm-without-summary'))
    await u.click(screen.getByTestId('quarterly-rate-submit'))
    await waitFor(() =>
      expect(api['quarterly.rate']).toHaveBeenCalledWith({ personId: 11, year: YEAR, quarter: expect.any(Number), performance: 80, potential: 75, failMark: false, withoutSummary: true }),
    )
    expect((await screen.findByTestId('quarterly-flag-11-RATED_WITHOUT_SUMMARY')).textContent).toBe('无小结评价')
    view.unmount()

    closed = true
    renderApp()
    expect((await screen.findByTestId('quarterly-phase-badge')).textContent).toBe('已结束')
    expect(await screen.findByTestId('quarterly-row-11')).toHaveProperty('textContent', expect.stringContaining('李明'))
    expect(screen.queryByTestId('quarterly-rate-11')).toBeNull()
  })

  it('peers see only their own assignments and their own score', async () => {
    const u = userEvent.setup()
    const mine: PeerAssignmentView[] = [
      { id: 5, year: YEAR, quarter: 1, raterId: 11, raterName: '李明', rateeId: 12, rateeName: '王五', rateeStaffNo: 'A0012', department: '社保科', myScore: null },
      { id: 6, year: YEAR, quarter: 1, raterId: 11, raterName: '李明', rateeId: 14, rateeName: '钱七', rateeStaffNo: 'A0014', department: '社保科', myScore: 88 },
    ]
    const api = installFakeApi({
      ...asStaff('quarterly'),
      'quarterly.status': () => ok([statusRow()]),
      'quarterly.myPeerAssignments': () => ok(mine),
      'quarterly.peerRate': (input: { assignmentId: number; score: number }) => ok({ ...mine[0]!, myScore: input.score }),
    })
    renderApp()
    await u.click(await screen.findByTestId('quarterly-tab-peer'))
    const list = await screen.findByTestId('quarterly-peer-list')
    expect(within(list).getAllByRole('row')).toHaveLength(3)
    expect(list.textContent).toContain('王五')
    expect(list.textContent).toContain('已评 88')
    expect(screen.queryByTestId('quarterly-tab-assign')).toBeNull()
    expect(screen.queryByTestId('quarterly-tab-ninebox')).toBeNull()
    await u.type(screen.getByTestId('quarterly-peer-score-5'), '90')
    await u.click(screen.getByTestId('quarterly-peer-save-5'))
    await waitFor(() => expect(api['quarterly.peerRate']).toHaveBeenCalledWith({ assignmentId: 5, score: 90 }))
    expect((await screen.findByTestId('quarterly-peer-5')).textContent).toContain('已评 90')
  })

  it('the 9-box places each person in the cell of their bands', async () => {
    const u = userEvent.setup()
    const p = (personId: number, name: string, performance: number, potential: number) => ({ personId, staffNo: `A00${personId}`, name, performance, potential })
    const view: NineBoxView = {
      year: YEAR,
      quarter: 1,
      cutoffs: { middleMin: 70, highMin: 85 },
      guidelineVersion: 1,
      cells: [
        { row: 'high', col: 'high', people: [p(11, '李明', 92, 90)] },
        { row: 'low', col: 'high', people: [p(12, '王五', 88, 50)] },
        { row: 'middle', col: 'low', people: [p(13, '赵六', 60, 75)] },
      ],
    }
    installFakeApi({
      ...signedInAs(['leader'], 'quarterly'),
      'org.people.list': () => ok([]),
      'quarterly.status': () => ok([]),
      'quarterly.nineBox': () => ok(view),
    })
    renderApp()
    await u.click(await screen.findByTestId('quarterly-tab-ninebox'))
    expect((await screen.findByTestId('ninebox-cell-high-high')).textContent).toContain('李明')
    expect(screen.getByTestId('ninebox-cell-low-high').textContent).toContain('王五')
    expect(screen.getByTestId('ninebox-cell-middle-low').textContent).toContain('赵六')
    expect(screen.getByTestId('ninebox-cell-low-low').textContent).not.toMatch(/李明|王五|赵六/)
    expect(screen.getByTestId('ninebox-cutoffs').textContent).toContain('85')
    // The grid reads top row = high potential, left column = low performance.
    const cells = screen.getAllByTestId(/^ninebox-cell-/)
    expect(cells[0]!.dataset.testid).toBe('ninebox-cell-high-low')
    expect(cells[8]!.dataset.testid).toBe('ninebox-cell-low-high')
  })
})

describe('form bounds from the contract', () => {
  it('itemsOf reads an array schema: its element (for fieldOf and limitsOf) and how many items it takes', () => {
    const tasks = itemsOf(fieldOf(contract['commitments.saveDraft'].input, 'tasks'))
    expect(tasks.maxItems).toBe(50)
    expect(limitsOf(fieldOf(tasks.element, 'target'))).toEqual({ min: 0, max: 1e9 })
    const changes = itemsOf(fieldOf(contract['commitments.requestRevision'].input, 'changes'))
    expect([changes.minItems, changes.maxItems]).toEqual([1, 50])
    expect(limitsOf(fieldOf(contract['quarterly.submitSummary'].input, 'text'))).toMatchObject({ maxLength: 8000 })
    expect(limitsOf(fieldOf(contract['quarterly.peerRate'].input, 'score'))).toEqual({ min: 0, max: 100 })
    expect(limitsOf(fieldOf(contract['quarterly.followups.update'].input, 'notes'))).toMatchObject({ maxLength: 4000 })
    expect(limitsOf(fieldOf(contract['quarterly.reopen'].input, 'reason'))).toMatchObject({ maxLength: 1000 })
    expect(() => itemsOf(fieldOf(contract['quarterly.reopen'].input, 'reason'))).toThrow('not an array')
  })
})
