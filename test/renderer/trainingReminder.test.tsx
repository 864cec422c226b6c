// @vitest-environment jsdom
import './setup'
import { describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import type { AssessorReminder } from '../../src/shared/training'
import { AssessorTrainingReminder } from '../../src/renderer/src/pages/training/AssessorTrainingReminder'
import { expectShown, fail, installFakeApi, ok, renderApp } from './helpers'

/**
 * The assessor-training reminder on the rating screens (plan §六(四)): shown to a rater who has not
 * attended the year's assessor training, with the session to attend; nothing for anyone else, and
 * nothing when the call fails (the rating screen stays usable).
 */
const reminder = (over: Partial<AssessorReminder>): AssessorReminder => ({ year: 2026, rater: true, attended: false, show: true, session: null, ...over })

describe('AssessorTrainingReminder', () => {
  it('tells a rater without the training which session to attend, for the year asked', async () => {
    const api = installFakeApi({
      'training.myReminder': () => ok(reminder({ session: { title: '2027 年度考核者培训：考核标准解读与沟通技巧', heldOn: '2027-02-26', location: '三楼会议室', held: false } })),
    })
    renderApp(<AssessorTrainingReminder year={2026} />)
    const alert = await screen.findByTestId('assessor-training-reminder')
    expectShown(alert)
    expect(alert.textContent).toContain('您尚未参加 2026 年度考核者培训')
    expect(alert.textContent).toContain('请参加“2027 年度考核者培训：考核标准解读与沟通技巧”')
    expect(alert.textContent).toContain('三楼会议室')
    expect(api['training.myReminder']).toHaveBeenCalledWith({ year: 2026 })
  })

  it('asks for a make-up session when the year’s training was held without the rater', async () => {
    installFakeApi({ 'training.myReminder': () => ok(reminder({ session: { title: '考核者培训', heldOn: '2026-02-26', location: '三楼会议室', held: true } })) })
    renderApp(<AssessorTrainingReminder year={2026} />)
    const alert = await screen.findByTestId('assessor-training-reminder')
    expect(alert.textContent).toContain('已于 2026年2月26日（三楼会议室）举行，您未参加')
    expect(alert.textContent).toContain('补训')
  })

  it('says the training is not scheduled yet when there is no session, in English too', async () => {
    installFakeApi({ 'training.myReminder': () => ok(reminder({})) })
    renderApp(<AssessorTrainingReminder />, 'en')
    const alert = await screen.findByTestId('assessor-training-reminder')
    expect(alert.textContent).toContain('You have not attended the 2026 assessor training')
    expect(alert.textContent).toContain('not scheduled yet')
  })

  it('shows nothing to a rater who attended, to a non-rater, or when the call fails', async () => {
    for (const answer of [ok(reminder({ attended: true, show: false })), ok(reminder({ rater: false, show: false })), fail('INTERNAL', { ref: 'x' })]) {
      const api = installFakeApi({ 'training.myReminder': () => answer })
      const { unmount } = renderApp(<AssessorTrainingReminder year={2026} />)
      await waitFor(() => expect(api['training.myReminder']).toHaveBeenCalled())
      // Give the answer a turn to render, then check nothing came of it.
      await new Promise((r) => setTimeout(r, 0))
      expect(screen.queryByTestId('assessor-training-reminder')).toBeNull()
      expect(screen.queryByText(/INTERNAL/)).toBeNull()
      unmount()
    }
  })
})
