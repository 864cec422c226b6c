import { createKaohe } from '../../src/main/api/app'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FAST_POLICY, client, type TestClient } from './tempUnit'

/**
 * The demo unit with its 2026 round driven to final through the API (as test/api/annual.test.ts
 * does): the democratic round closed, the proposal made, the boundary tie decided, confirmed,
 * published and the publicity period over. The clock is the caller's, set to the day after.
 */
export const DEMO_PASSWORD = 'Kaohe@2026'

export interface FeedbackWorld {
  c: TestClient
  as(user: string): Promise<void>
  setNow(d: Date): void
  now(): Date
  dir: string
}

export async function finalDemoWorld(): Promise<FeedbackWorld> {
  let now = new Date('2026-12-02T09:00:00')
  // Kept for the whole file (tempDir's folders go after each test); the caller removes `dir`.
  const dir = mkdtempSync(join(tmpdir(), 'kaohe-feedback-'))
  const app = createKaohe({ dataDir: dir, policy: FAST_POLICY, demoIfEmpty: true, clock: () => now })
  const c = client(app, dir)
  const as = async (user: string) => {
    await c.app.call('auth.logout', {})
    await c.login(user, DEMO_PASSWORD)
  }
  now = new Date('2027-01-18T09:00:00')
  await as('hr')
  await c.ok('democratic.close', { year: 2026 })
  const proposed = await c.ok('annual.propose', { year: 2026 })
  if (proposed.boundaryTie?.length) {
    const [a, ...rest] = proposed.boundaryTie
    const pid = (staffNo: string) => proposed.people.find((p) => p.staffNo === staffNo)!.personId
    await as('leader')
    await c.ok('annual.decide', {
      year: 2026,
      changes: [{ personId: pid(a!.staffNo), grade: '优秀', reason: '并列，领导小组评议' }, ...rest.map((b) => ({ personId: pid(b.staffNo), grade: '称职' as const, reason: '并列，领导小组评议' }))],
    })
  }
  await as('head')
  await c.ok('annual.confirm', { year: 2026 })
  await as('hr')
  const published = await c.ok('annual.publish', { year: 2026 })
  now = new Date(`${published.publicity!.until}T09:00:00`)
  now.setDate(now.getDate() + 1)
  return { c, as, setNow: (d) => (now = d), now: () => now, dir }
}
