// @vitest-environment jsdom
import './setup'
import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { AnnualPersonView, AnnualRoundView, ProposedGrade } from '../../src/shared/annual'
import { installFakeApi, ok, renderApp, expectShown } from './helpers'
import { signedInAs } from './domainFakes'

const FIRST_SCREEN = { timeout: 15_000 }
const YEAR = new Date().getFullYear()

function person(id: number, staffNo: string, name: string, rank: number, T: number, proposed: ProposedGrade, over: Partial<AnnualPersonView> = {}): AnnualPersonView {
  return {
    personId: id,
    staffNo,
    name,
    department: '办公室',
    category: 'general',
    status: 'graded',
    note: null,
    channels: {
      leadership: { weight: 50, effectiveWeight: 50, score: T },
      democratic: { weight: 30, effectiveWeight: 30, score: T - 1 },
      quarterly: { weight: 20, effectiveWeight: 20, score: T + 1 },
    },
    T,
    eligible: true,
    forced: false,
    vetoes: [],
    reasons: [],
    flags: [],
    rank,
    proposed,
    grade: proposed,
    changeReason: null,
    dimensions: [],
    ...over,
  }
}

/** Four people, K = 1: two tied at the line; the fourth's democratic channel N/A, with a veto. */
function round(over: Partial<AnnualRoundView> = {}): AnnualRoundView {
  return {
    year: YEAR,
    stage: 'proposed',
    N: 4,
    K: 1,
    quota: { zh: 'N × 15% = 0.6，进位取整得 1 人', en: 'N × 15% = 0.6, rounded up to 1' },
    approval: null,
    boundaryTie: [
      { staffNo: '0101', name: '李明' },
      { staffNo: '0102', name: '王芳' },
    ],
    blockers: [],
    people: [
      person(1, '0101', '李明', 1, 91, 'TIE'),
      person(2, '0102', '王芳', 1, 91, 'TIE'),
      person(3, '0103', '赵强', 3, 85, '称职'),
      person(4, '0104', '孙丽', 4, 80, '称职', {
        channels: {
          leadership: { weight: 50, effectiveWeight: 71.43, score: 80 },
          democratic: { weight: 30, effectiveWeight: 0, score: null },
          quarterly: { weight: 20, effectiveWeight: 28.57, score: 80 },
        },
        eligible: false,
        vetoes: ['V1'],
        reasons: [{ veto: 'V1', zh: '受到诫勉', en: 'admonished' }],
      }),
    ],
    excellentCount: 0,
    guidelineVersion: 1,
    inputsSha256: 'x',
    inputsChanged: false,
    proposedAt: `${YEAR}-12-01T02:00:00.000Z`,
    confirmedAt: null,
    publicity: null,
    ...over,
  }
}

describe('年度总评 (the annual round’s screens)', () => {
  it('shows an N/A channel as 不适用, the quota line, the tie banner and the x / K count', async () => {
    installFakeApi({ ...signedInAs(['hr'], 'annual'), 'annual.round': () => ok(round()) })
    renderApp()
    const table = await screen.findByTestId('annual-table', {}, FIRST_SCREEN)
    expect(screen.getByTestId('annual-score-0104-democratic').textContent).toBe('不适用')
    expect(screen.getByTestId('annual-score-0103-democratic').textContent).toBe('84.00')
    expect(screen.getByTestId('annual-tie-banner').textContent).toContain('名额线上并列，须由领导小组决定')
    expect(screen.getByTestId('annual-excellent-count').textContent).toBe('优秀 0 / 1')
    // The quota line falls after the first eligible person in ranking order.
    const rows = within(table).getAllByRole('row').map((r) => r.getAttribute('data-testid'))
    expect(rows.slice(1)).toEqual(['annual-row-0101', 'annual-quota-line', 'annual-row-0102', 'annual-row-0103', 'annual-row-0104'])
    expect(screen.getByTestId('annual-row-0101').getAttribute('data-tied')).toBe('true')
    // HR neither adjusts nor confirms.
    expect(screen.queryByTestId('annual-decide-0101')).toBeNull()
    expect(screen.queryByTestId('annual-confirm')).toBeNull()
  })

  it('the decide modal requires a reason when the grade differs from the proposal', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      ...signedInAs(['leader'], 'annual'),
      'annual.round': () => ok(round()),
      'annual.decide': () => ok(round()),
    })
    renderApp()
    await u.click(await screen.findByTestId('annual-decide-0103', {}, FIRST_SCREEN))
    const modal = await screen.findByTestId('annual-decide')
    const reason = within(modal).getByTestId('annual-decide-reason') as HTMLTextAreaElement
    // Same as the proposal: no reason asked for.
    expect(reason.disabled).toBe(true)
    await u.selectOptions(within(modal).getByTestId('annual-decide-grade'), '基本称职')
    expect(reason.disabled).toBe(false)
    await u.click(within(modal).getByTestId('annual-decide-save'))
    const error = await within(modal).findByText('请写明调整理由')
    expectShown(error)
    expect(api['annual.decide']).not.toHaveBeenCalled()

    await u.type(reason, '全年两次迟报重大事项')
    await u.click(within(modal).getByTestId('annual-decide-save'))
    await waitFor(() =>
      expect(api['annual.decide']).toHaveBeenCalledWith({ year: YEAR, changes: [{ personId: 3, grade: '基本称职', reason: '全年两次迟报重大事项' }] }),
    )
  })

  it('a vetoed person is never offered 优秀', async () => {
    const u = userEvent.setup()
    installFakeApi({ ...signedInAs(['leader'], 'annual'), 'annual.round': () => ok(round()) })
    renderApp()
    await u.click(await screen.findByTestId('annual-decide-0104', {}, FIRST_SCREEN))
    const select = within(await screen.findByTestId('annual-decide')).getByTestId('annual-decide-grade') as HTMLSelectElement
    expect([...select.options].map((o) => o.value)).toEqual(['称职', '基本称职', '不称职'])
  })

  it('the head’s confirm button is disabled with the tie reason while the tie is undecided', async () => {
    installFakeApi({ ...signedInAs(['leader', 'leaderHead'], 'annual'), 'annual.round': () => ok(round()) })
    renderApp()
    const button = (await screen.findByTestId('annual-confirm', {}, FIRST_SCREEN)) as HTMLButtonElement
    expect(button.disabled).toBe(true)
    const reason = screen.getByTestId('annual-confirm-reason')
    expectShown(reason)
    expect(reason.textContent).toBe('名额线上的并列尚未决定，不能确认')
  })

  it('the confirm button is enabled once the tie is decided and 优秀 is within K', async () => {
    const decided = round()
    decided.people[0] = { ...decided.people[0]!, grade: '优秀', changeReason: '年度重大任务表现突出' }
    decided.people[1] = { ...decided.people[1]!, grade: '称职', changeReason: '并列，由领导小组决定' }
    decided.excellentCount = 1
    installFakeApi({ ...signedInAs(['leaderHead'], 'annual'), 'annual.round': () => ok(decided) })
    renderApp()
    const button = (await screen.findByTestId('annual-confirm', {}, FIRST_SCREEN)) as HTMLButtonElement
    expect(button.disabled).toBe(false)
    expect(screen.queryByTestId('annual-confirm-reason')).toBeNull()
    expect(screen.getByTestId('annual-excellent-count').textContent).toBe('优秀 1 / 1')
  })

  it('shows the blockers with a link to the page that clears each', async () => {
    installFakeApi({
      ...signedInAs(['hr'], 'annual'),
      'annual.round': () =>
        ok(
          round({
            stage: 'open',
            proposedAt: null,
            boundaryTie: null,
            blockers: [{ code: 'REVIEW_PENDING', staffNo: '0104', name: '孙丽', zh: '孙丽的专项考察尚未完成', en: 'review pending' }],
          }),
        ),
    })
    renderApp()
    const blockers = await screen.findByTestId('annual-blockers', {}, FIRST_SCREEN)
    expect(blockers.textContent).toContain('孙丽的专项考察尚未完成')
    expect(within(blockers).getByTestId('annual-blocker-link-REVIEW_PENDING').getAttribute('href')).toBe('#/integrity')
    expect((screen.getByTestId('annual-propose') as HTMLButtonElement).disabled).toBe(true)
  })

  it('the published results list names and grades with the end date; an objection goes to the discipline office', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      ...signedInAs(['staff'], 'annual-results'),
      'annual.published': () =>
        ok({
          year: YEAR,
          stage: 'publicity',
          publicity: { from: `${YEAR}-12-02`, until: `${YEAR}-12-08` },
          people: [
            { personId: 11, staffNo: '0101', name: '李明', department: '办公室', grade: '优秀' },
            { personId: 12, staffNo: '0102', name: '王芳', department: '办公室', grade: '称职' },
          ],
        }),
      'annual.object': () => ok({ id: 7, lodgedOn: `${YEAR}-12-03` }),
    })
    renderApp()
    expect((await screen.findByTestId('annual-published-until', {}, FIRST_SCREEN)).textContent).toBe(`公示期：${YEAR}年12月2日 至 ${YEAR}年12月8日`)
    expect(screen.getByTestId('annual-published-0101').textContent).toContain('优秀')
    await u.click(screen.getByTestId('annual-object'))
    await u.selectOptions(await screen.findByTestId('annual-objection-about'), '0101')
    await u.type(screen.getByTestId('annual-objection-text'), '该同志全年多次缺勤')
    await u.click(screen.getByTestId('annual-objection-send'))
    await waitFor(() => expect(api['annual.object']).toHaveBeenCalledWith({ year: YEAR, personId: 11, text: '该同志全年多次缺勤' }))
  })

  it('my result shows the grade during publicity, and T, channels (N/A as 不适用) and the 计算明细 once final', async () => {
    const me = round().people[3]!
    let stage: 'publicity' | 'final' = 'publicity'
    installFakeApi({
      ...signedInAs(['staff'], 'annual-mine'),
      'annual.mine': () =>
        ok({
          year: YEAR,
          stage,
          grade: '称职',
          person: stage === 'final' ? { ...me, dimensions: [{ dimension: 'de', leadership: 90, democratic: null }, { dimension: 'ji', leadership: 80, democratic: null }] } : null,
          explanation: stage === 'final' ? { staffNo: me.staffNo, name: me.name, lines: [{ zh: 'T = 80 × 71.43% + 80 × 28.57% = 80.00', en: 'T = 80.00' }] } : null,
          publicity: { from: `${YEAR}-12-02`, until: `${YEAR}-12-08` },
        }),
    })
    const view = renderApp()
    expect((await screen.findByTestId('annual-mine-grade', {}, FIRST_SCREEN)).textContent).toBe('称职')
    expect(screen.getByTestId('annual-mine-later')).toBeTruthy()
    expect(screen.queryByTestId('annual-mine-scores')).toBeNull()
    view.unmount()
    stage = 'final'
    renderApp()
    expect((await screen.findByTestId('annual-mine-t', {}, FIRST_SCREEN)).textContent).toBe('80.00')
    expect(screen.getByTestId('annual-mine-democratic').textContent).toBe('不适用')
    expect(screen.getByTestId('annual-mine-explain').textContent).toContain('T = 80 × 71.43% + 80 × 28.57% = 80.00')
  })

  it('switches to English', async () => {
    installFakeApi({ ...signedInAs(['leaderHead'], 'annual'), 'annual.round': () => ok(round()) })
    renderApp(undefined, 'en')
    expect((await screen.findByTestId('annual-confirm-reason', {}, FIRST_SCREEN)).textContent).toBe('The tie at the quota line is undecided: cannot confirm')
    expect(screen.getByTestId('annual-score-0104-democratic').textContent).toBe('N/A')
    expect(screen.getByTestId('annual-tie-banner').textContent).toContain('Tie at the quota line: the leadership group must decide')
  })
})
