// @vitest-environment jsdom
import './setup'
import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { AnnualGuideline } from '../../src/shared/guideline/model'
import { installFakeApi, ok, renderApp, type FakeOverrides, expectShown } from './helpers'
import {
  defaultGuideline,
  draftOf,
  fakeValidate,
  guidelineView,
  policyView,
  POLICY_CONSTRAINTS,
  publishedInfo,
  signedInAs,
} from './domainFakes'

const JI = 'categories.general.dimensions.ji.weight'
const input = (path: string) => document.querySelector<HTMLInputElement>(`input[data-path="${path}"]`) as HTMLInputElement

/** The year picker starts at this year; the fakes answer for whatever year is asked. */
function handlers(roles: Parameters<typeof signedInAs>[0], view = guidelineView({ draft: draftOf(defaultGuideline()) })) {
  return {
    ...signedInAs(roles, 'guideline'),
    'guideline.get': () => ok(view),
    'policy.get': () => ok(policyView()),
    // The contract takes any JSON (the core parses it); the editor always sends a whole guideline.
    'guideline.validate': ({ guideline }) => ok(fakeValidate(guideline as AnnualGuideline)),
  } satisfies FakeOverrides
}

describe('guideline editor (HR)', () => {
  it('shows P2 when 绩 of 综合管理 drops below 40, marks that input, and clears when fixed', async () => {
    const u = userEvent.setup()
    const api = installFakeApi(handlers(['hr']))
    renderApp()
    await screen.findByTestId('guideline-draft')
    expect(screen.getByTestId('guideline-violations').getAttribute('data-count')).toBe('0')
    expect(screen.getByTestId(`sum-categories.general.dimensions`).textContent).toBe('合计 100 ✓')

    const ji = input(JI)
    await u.clear(ji)
    await u.type(ji, '35')
    // The running sum follows at once; the policy check follows the debounce.
    expect(screen.getByTestId('sum-categories.general.dimensions').textContent).toBe('合计 95 ✗')
    const violation = await screen.findByTestId('guideline-violation-P2', undefined, { timeout: 2000 })
    expect(violation.textContent).toContain('低于政策下限 40（P2）')
    expect(violation.getAttribute('data-path')).toBe(JI)
    expectShown(within(screen.getByTestId('guideline-violations')).getByText('P2'))
    // The input itself is marked, with the reason under it.
    expect(input(JI).getAttribute('aria-invalid')).toBe('true')
    const errorId = input(JI).getAttribute('aria-describedby') ?? ''
    expect(errorId).not.toBe('')
    expect(document.getElementById(errorId.split(' ').find((id) => id.includes('error')) ?? '')?.textContent).toContain('（P2）')
    const lastCall = api['guideline.validate'].mock.calls.at(-1)?.[0] as { guideline: AnnualGuideline }
    expect(lastCall.guideline.categories.general.dimensions.ji.weight).toBe(35)

    await u.clear(input(JI))
    await u.type(input(JI), '40')
    await waitFor(() => expect(screen.queryByTestId('guideline-violation-P2')).toBeNull(), { timeout: 2000 })
    expect(input(JI).getAttribute('aria-invalid')).not.toBe('true')
    expect(screen.getByTestId('sum-categories.general.dimensions').textContent).toBe('合计 100 ✓')
  })

  it('saves the edited draft and has no publish button', async () => {
    const u = userEvent.setup()
    const g = defaultGuideline()
    const api = installFakeApi({
      ...handlers(['hr']),
      'guideline.saveDraft': ({ guideline }) => ok(guidelineView({ draft: draftOf(guideline as AnnualGuideline) })),
    })
    renderApp()
    await screen.findByTestId('guideline-draft')
    expect(screen.queryByTestId('guideline-publish')).toBeNull()
    expect((screen.getByTestId('guideline-save') as HTMLButtonElement).disabled).toBe(true)
    const techJi = input('categories.technical.dimensions.ji.weight')
    await u.clear(techJi)
    await u.type(techJi, '36.5')
    await u.clear(input('categories.technical.dimensions.neng.weight'))
    await u.type(input('categories.technical.dimensions.neng.weight'), '28.5')
    expectShown(screen.getByTestId('guideline-dirty'))
    await u.click(screen.getByTestId('guideline-save'))
    await waitFor(() => expect(api['guideline.saveDraft']).toHaveBeenCalled())
    const sent = api['guideline.saveDraft'].mock.calls[0]?.[0] as { year: number; guideline: AnnualGuideline }
    expect(sent.guideline.categories.technical.dimensions.ji.weight).toBe(36.5)
    expect(sent.guideline.categories.technical.dimensions.neng.weight).toBe(28.5)
    expect(sent.guideline.categories.general).toEqual(g.categories.general)
  })

  it('starts the year’s first draft from the defaults', async () => {
    const u = userEvent.setup()
    const api = installFakeApi({
      ...handlers(['hr'], guidelineView()),
      'guideline.saveDraft': () => ok(guidelineView({ draft: draftOf(defaultGuideline()) })),
    })
    renderApp()
    expect((await screen.findByTestId('guideline-state')).textContent).toBe('未发布')
    await u.click(screen.getByTestId('guideline-start-revision'))
    await waitFor(() => expect(api['guideline.saveDraft']).toHaveBeenCalledWith({ year: new Date().getFullYear() }))
    expectShown(await screen.findByTestId('guideline-draft'))
  })

  it('starts a revision of the version in force with a required reason', async () => {
    const u = userEvent.setup()
    const g = defaultGuideline()
    const api = installFakeApi({
      ...handlers(['hr'], guidelineView({ current: { ...publishedInfo({ state: 'inForce' }), guideline: g }, versions: [publishedInfo({ state: 'inForce' })] })),
      'guideline.startRevision': () => ok(guidelineView({ current: { ...publishedInfo({ state: 'inForce' }), guideline: g }, draft: draftOf(g, '改年中调整核心任务') })),
    })
    renderApp()
    await u.click(await screen.findByTestId('guideline-start-revision'))
    await u.click(screen.getByTestId('guideline-reason-submit'))
    // guideline.startRevision's own bound (min 2), in Chinese; nothing is sent.
    expectShown(screen.getByText('至少 2 个字'))
    await u.type(screen.getByTestId('guideline-reason'), '改')
    await u.click(screen.getByTestId('guideline-reason-submit'))
    expectShown(screen.getByText('至少 2 个字'))
    expect(api['guideline.startRevision']).not.toHaveBeenCalled()
    await u.type(screen.getByTestId('guideline-reason'), '年中调整核心任务')
    await u.click(screen.getByTestId('guideline-reason-submit'))
    await waitFor(() => expect(api['guideline.startRevision']).toHaveBeenCalledWith({ year: new Date().getFullYear(), reason: '改年中调整核心任务' }))
    expectShown(await screen.findByTestId('guideline-draft'))
  })
})

describe('guideline publishing (leadership group head)', () => {
  it('shows publish to the head only, disabled while the draft breaks the policy', async () => {
    const bad = defaultGuideline()
    bad.categories.general.dimensions.ji.weight = 35
    bad.categories.general.dimensions.neng.weight = 25
    installFakeApi(handlers(['leaderHead'], guidelineView({ draft: draftOf(bad) })))
    renderApp()
    const publish = (await screen.findByTestId('guideline-publish')) as HTMLButtonElement
    expect(publish.disabled).toBe(true)
    expectShown(screen.getByTestId('guideline-violation-P2'))
    // The head reads the draft; only HR edits it.
    expect(input(JI).readOnly).toBe(true)
    expect(screen.queryByTestId('guideline-save')).toBeNull()
  })

  it('a leadership group member sees the draft but no publish button', async () => {
    installFakeApi(handlers(['leader']))
    renderApp()
    expectShown(await screen.findByTestId('guideline-draft'))
    expect(screen.queryByTestId('guideline-publish')).toBeNull()
  })

  it('publishes after the confirmation and then shows the publicity period and the effective date', async () => {
    const u = userEvent.setup()
    const g = defaultGuideline()
    const published = publishedInfo()
    const api = installFakeApi({
      ...handlers(['leaderHead'], guidelineView({ draft: draftOf(g) })),
      'guideline.publish': () => ok(guidelineView({ current: { ...published, guideline: g }, versions: [published] })),
    })
    renderApp()
    const publish = (await screen.findByTestId('guideline-publish')) as HTMLButtonElement
    expect(publish.disabled).toBe(false)
    await u.click(publish)
    expectShown(screen.getByText(/将在全单位公示 5 个工作日/))
    await u.click(screen.getByTestId('confirm-ok'))
    await waitFor(() => expect(api['guideline.publish']).toHaveBeenCalledWith({ year: new Date().getFullYear() }))
    expect((await screen.findByTestId('guideline-publicity')).textContent).toBe(
      '公示期：2026年1月6日 至 2026年1月12日（5个工作日），2026年1月13日起生效',
    )
    expect(screen.getByTestId('guideline-state').textContent).toBe('公示中')
    expectShown(screen.getByTestId('guideline-version-1'))
  })
})

describe('guideline for staff', () => {
  it('shows the published guideline as a document, without drafts', async () => {
    const u = userEvent.setup()
    const g = defaultGuideline()
    const info = publishedInfo({ state: 'inForce' })
    installFakeApi({
      ...signedInAs(['staff'], 'guideline'),
      'guideline.get': () => ok(guidelineView({ current: { ...info, guideline: g }, versions: [info] })),
      'guideline.version': () => ok({ ...info, guideline: g }),
    })
    renderApp()
    expect((await screen.findByTestId('guideline-state')).textContent).toBe('已生效')
    expect(screen.getByTestId('guideline-doc-title').textContent).toBe('《2026年度绩效考核指引》')
    expect(screen.getByTestId('doc-appeal').textContent).toContain('10个工作日内')
    expect(screen.queryByTestId('guideline-draft')).toBeNull()
    expect(screen.queryByTestId('guideline-publish')).toBeNull()

    // The print view: a sheet of paper with a print button, no navigation.
    await u.click(screen.getByTestId('guideline-print'))
    expectShown(await screen.findByTestId('guideline-print-page'))
    expect(window.location.hash).toBe(`#/guideline/print/${new Date().getFullYear()}/1`)
    expectShown(await screen.findByTestId('print-button'))
    expect(screen.queryByTestId('nav-guideline')).toBeNull()
  })
})

describe('guideline editor limits (the shared constraint table, numbers from the policy in force)', () => {
  /** The hint under an input (Mantine's description, linked by aria-describedby). */
  const hintOf = (path: string) => {
    const ids = (input(path).getAttribute('aria-describedby') ?? '').split(' ')
    return ids.map((id) => document.getElementById(id)).find((el) => el?.id.includes('description'))?.textContent ?? null
  }

  it('shows each bound as the policy in force states it, and follows a changed policy value', async () => {
    installFakeApi(handlers(['hr']))
    const { unmount } = renderApp()
    await screen.findByTestId('guideline-draft', undefined, { timeout: 5000 })
    await waitFor(() => expect(hintOf('channels.leadership.weight')).toBe(`不低于 ${POLICY_CONSTRAINTS.P1_leadershipChannelMin}（P1）`))
    expect(hintOf('publicity.guidelineWorkingDays')).toBe(`不低于 ${POLICY_CONSTRAINTS.P7_publicityWorkingDaysMin} 个工作日（P7）`)
    unmount()

    // Another policy approved for the year: the editor's bounds are its numbers, not the shipped ones.
    installFakeApi({
      ...handlers(['hr']),
      'policy.get': () => ok(policyView({ constraints: { ...POLICY_CONSTRAINTS, P1_leadershipChannelMin: 55, P7_publicityWorkingDaysMin: 7, P6_excellentShareMax: 12 } })),
    })
    renderApp()
    await screen.findByTestId('guideline-draft', undefined, { timeout: 5000 })
    await waitFor(() => expect(hintOf('channels.leadership.weight')).toBe('不低于 55（P1）'))
    expect(hintOf('publicity.resultsWorkingDays')).toBe('不低于 7 个工作日（P7）')
    expect(hintOf('quota.excellentRate')).toBe('不高于 12%（P6）')
    expect(hintOf('appeal.windowWorkingDays')).toBe(`应为 ${POLICY_CONSTRAINTS.P8_appealWindowWorkingDays} 个工作日（P8）`)
  })

  it('takes an approved rate as the 优秀 bound, as main validates it', async () => {
    const g = defaultGuideline()
    g.quota.approval = { documentNumber: '人社函〔2026〕2号', rate: 25 }
    installFakeApi(handlers(['hr'], guidelineView({ draft: draftOf(g) })))
    renderApp()
    await screen.findByTestId('guideline-draft', undefined, { timeout: 5000 })
    await waitFor(() => expect(hintOf('quota.excellentRate')).toBe('不高于上级批准的 25%（P6）'))
  })

  it('takes whole days only where the guideline counts days', async () => {
    const u = userEvent.setup()
    installFakeApi(handlers(['hr']))
    renderApp()
    await screen.findByTestId('guideline-draft', undefined, { timeout: 5000 })
    await u.clear(input('publicity.guidelineWorkingDays'))
    await u.type(input('publicity.guidelineWorkingDays'), '7.5')
    expect(input('publicity.guidelineWorkingDays').value).toBe('75')
    await u.clear(input(JI))
    await u.type(input(JI), '40.25')
    expect(input(JI).value).toBe('40.25')
  })
})
