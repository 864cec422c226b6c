import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createKaohe } from '../../../src/main/api/app'
import { demoRegister } from '../../../src/main/core/demo/demoRegister'
import { FAST_POLICY, client, type TestClient } from '../../support/tempUnit'

/** The demo's register story, written through core/register by the demo builder (demoUnit.ts calls demoRegister). */
const now = new Date('2026-12-02T09:00:00')
let c: TestClient
let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kaohe-demo-register-'))
  c = client(createKaohe({ dataDir: dir, policy: FAST_POLICY, demoIfEmpty: true, clock: () => now }), dir)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('demoRegister', () => {
  it('gives everyone the personal fields and fills several 2025 forms by role, leaving the staff account’s own empty', { timeout: 60_000 }, async () => {
    await c.login('hr', 'Kaohe@2026')
    const store = c.app.state.session!.store
    // Written once, by the builder: a second run would find the submitted parts fixed.
    expect(() => store.tx(() => demoRegister(store, { now }))).toThrow(/REGISTER_PART_SUBMITTED/)
    const people = store.all(store.qb.selectFrom('people').select(['staff_no', 'gender', 'birth_month', 'political_status', 'post_since']))
    for (const p of people) {
      expect(p.gender, p.staff_no).toMatch(/^[男女]$/)
      expect(p.birth_month! < p.post_since!, p.staff_no).toBe(true)
      expect(p.political_status).toBeTruthy()
    }
    const list = await c.ok('register.list', { year: 2025 })
    const complete = list.rows.filter((r) => r.complete).map((r) => r.staffNo)
    expect(complete.length).toBeGreaterThanOrEqual(5)
    expect(complete).not.toContain('0402')
    expect(list.rows.find((r) => r.staffNo === '0403')!.parts).toMatchObject({ summary: 'submitted', supervisor: 'empty' })
    const one = await c.ok('register.get', { year: 2025, personId: list.rows.find((r) => r.staffNo === '0401')!.personId })
    expect(one.parts.supervisor.suggestedGrade).toBe(one.grade)
    expect(one.parts.head.writerName).toBeTruthy()
  })
})
