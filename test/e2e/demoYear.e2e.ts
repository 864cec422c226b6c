import { expect, it } from 'vitest'
import { openWorld, tid, signInDemo, signOut } from './harness'

/**
 * The demo unit's year of evidence, screen by screen, as the people who use them see it: the
 * screenshots in docs/screenshots/5x are these. Each screen must show demo data, not an empty state.
 */


it('every screen of the year shows the demo unit’s evidence', async () => {
  const w = await openWorld({ demoIfEmpty: true })
  const { page } = w
  try {
    // The supervisor: home tasks, the team's ledger, monthly talks, a report's letter, the quarter.
    await signInDemo(page, 'kezhang')
    await expect.poll(() => page.getByTestId(/^task-/).count()).toBeGreaterThan(0)
    await w.shot('50-home-supervisor')
    await tid(page, 'nav-ledger').click()
    await expect.poll(() => page.getByTestId(/^ledger-row-/).count()).toBeGreaterThan(5)
    await w.shot('51-ledger-team')
    await tid(page, 'nav-talks').click()
    await expect.poll(() => page.getByTestId(/^talks-row-/).count()).toBeGreaterThan(3)
    await w.shot('52-talks-month')
    await tid(page, 'nav-commitments').click()
    await tid(page, 'commitments-tab-review').click()
    // The reports' letters, each with a button to open it.
    await expect.poll(() => page.getByTestId(/^commitments-open-/).count()).toBeGreaterThan(0)
    await w.shot('53-commitments-review')
    await tid(page, 'nav-quarterly').click()
    await tid(page, 'quarterly-quarter').locator('label').nth(1).click() // 第二季度
    await expect.poll(() => page.getByTestId(/^quarterly-row-/).count()).toBeGreaterThan(3)
    await w.shot('54-quarterly-q2-team')
    await signOut(page)

    // The staff member: their own letter and ledger.
    await signInDemo(page, 'staff')
    await tid(page, 'nav-commitments').click()
    // The staff member's own letter, approved and in its year (not the empty 未起草 state).
    await expect.poll(() => tid(page, 'commitments-my-state').textContent()).toMatch(/已通过|公示中|已生效/)
    await w.shot('55-commitments-own')
    await tid(page, 'nav-ledger').click()
    await expect.poll(() => page.getByTestId(/^ledger-row-/).count()).toBeGreaterThan(0)
    await w.shot('56-ledger-own')
    await signOut(page)

    // The leadership group head: the 9-box and the follow-ups of the failing quarters.
    await signInDemo(page, 'head')
    await tid(page, 'nav-quarterly').click()
    await tid(page, 'quarterly-quarter').locator('label').nth(1).click() // 第二季度
    await tid(page, 'quarterly-tab-ninebox').click()
    await expect.poll(() => page.getByTestId(/^ninebox-person-/).count()).toBeGreaterThan(5)
    await w.shot('57-ninebox')
    await tid(page, 'quarterly-tab-followups').click()
    await expect.poll(() => tid(page, 'quarterly-followups').textContent()).toMatch(/约谈/)
    await w.shot('58-followups')
    await signOut(page)

    // HR: imports, and the kiosk survey for the service hall.
    await signInDemo(page, 'hr')
    await tid(page, 'nav-records-import').click()
    await expect.poll(() => tid(page, 'kiosk-start-card').textContent()).toContain('现场评价')
    await w.shot('59-records-import')
    await tid(page, 'kiosk-start').click()
    // The service hall's first step: the demo unit's departments to choose from.
    await expect.poll(() => page.getByTestId(/^kiosk-dept-/).count()).toBeGreaterThan(0)
    await w.shot('60-kiosk')
  } finally {
    await w.close()
  }
})
