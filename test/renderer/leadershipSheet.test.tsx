// @vitest-environment jsdom
import './setup'
import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { MySheets, SheetView } from '../../src/shared/api/leadership'
import { installFakeApi, ok, renderApp } from './helpers'
import { signedInAs } from './domainFakes'

const FIRST_SCREEN = { timeout: 15_000 }
const YEAR = new Date().getFullYear()

const LIST: MySheets = {
  year: YEAR,
  raterId: 1,
  raterName: '李明',
  submitted: 0,
  total: 1,
  people: [
    { personId: 1, staffNo: '0101', name: '李明', department: '办公室', riskPost: false, status: 'none', recused: 'self' },
    { personId: 2, staffNo: '0402', name: '孙丽', department: '综合执法大队', riskPost: true, status: 'none', recused: null },
  ],
}

function sheet(status: SheetView['status'], scores: Record<string, number | null>): SheetView {
  return {
    year: YEAR,
    person: { id: 2, staffNo: '0402', name: '孙丽', department: '综合执法大队', category: 'enforcement', post: '执法队员', riskPost: true },
    status,
    recused: null,
    submittedAt: status === 'submitted' ? '2026-12-01T02:00:00.000Z' : null,
    indicators: [
      { id: 'political_stance', name: '政治立场', dimension: 'de', weight: 50, evidenceHint: '重大任务和突发事件中的台账亮点', score: scores.political_stance ?? null },
      { id: 'professional_ethics', name: '职业道德', dimension: 'de', weight: 50, evidenceHint: '投诉、满意度', score: scores.professional_ethics ?? null },
    ],
    evidence: {
      metrics: [
        { id: 'training', name: '培训考核', dimension: 'neng', source: 'metric', score: null, flags: ['NO_EXAMS'], inputs: { zh: '培训考试 0 次', en: '0 training exams' } },
        { id: 'attendance', name: '出勤纪律', dimension: 'qin', source: 'metric', score: 96, flags: [], inputs: { zh: '迟到 2 次、早退 0 次、旷工 0 天', en: 'late 2' } },
      ],
      quarterly: [
        { quarter: 1, score: 86, grade: 'good' },
        { quarter: 2, score: null, grade: null },
        { quarter: 3, score: 88, grade: 'good' },
        { quarter: 4, score: null, grade: null },
      ],
      ledger: [{ day: `${YEAR}-03-02`, kind: 'emergency', text: '防汛值守' }],
      tasks: [{ title: '完成市场巡查', deadline: `${YEAR}-06-30`, completedOn: `${YEAR}-06-20` }],
      summaries: [{ quarter: 1, text: '第一季度完成巡查任务' }],
    },
  }
}

describe('考核评分表 (the evaluation sheet)', () => {
  it('shows the rated indicators beside the evidence, saves a draft, and locks on submit', async () => {
    const u = userEvent.setup()
    let saved: Record<string, number> = {}
    const api = installFakeApi({
      ...signedInAs(['leader', 'leaderHead'], 'leadership'),
      'leadership.mySheets': () => ok(LIST),
      'leadership.progress': () => ok({ year: YEAR, members: [], recusals: [] }),
      'leadership.sheet': () => ok(sheet('none', {})),
      'leadership.saveSheet': ({ scores, submit }: { scores: Record<string, number>; submit?: boolean }) => {
        saved = { ...saved, ...scores }
        return ok(sheet(submit ? 'submitted' : 'draft', saved))
      },
    })
    renderApp()
    expect((await screen.findByTestId('sheets-progress', {}, FIRST_SCREEN)).textContent).toBe('已提交 0 / 1')
    expect(screen.getByTestId('sheets-person-0101').textContent).toContain('回避（本人）')

    await u.click(screen.getByTestId('sheets-person-0402'))
    const evidence = await screen.findByTestId('sheet-evidence')
    expect(within(evidence).getByText('不适用')).toBeTruthy()
    expect(evidence.textContent).toContain('迟到 2 次')
    expect(evidence.textContent).toContain('防汛值守')
    expect(evidence.textContent).toContain('完成市场巡查')
    expect(evidence.textContent).toContain('第一季度完成巡查任务')

    await u.type(screen.getByTestId('sheet-score-political_stance'), '91.5')
    await u.click(screen.getByTestId('sheet-save'))
    await waitFor(() => expect(api['leadership.saveSheet']).toHaveBeenCalledWith({ year: YEAR, personId: 2, scores: { political_stance: 91.5 } }))

    await u.type(screen.getByTestId('sheet-score-professional_ethics'), '88')
    await u.click(screen.getByTestId('sheet-submit'))
    await u.click(await screen.findByTestId('confirm-ok'))
    await waitFor(() =>
      expect(api['leadership.saveSheet']).toHaveBeenLastCalledWith({ year: YEAR, personId: 2, scores: { political_stance: 91.5, professional_ethics: 88 }, submit: true }),
    )
    expect(await screen.findByTestId('sheet-locked')).toBeTruthy()
    expect((screen.getByTestId('sheet-score-political_stance') as HTMLInputElement).disabled).toBe(true)
    expect(screen.queryByTestId('sheet-submit')).toBeNull()
  })
})
