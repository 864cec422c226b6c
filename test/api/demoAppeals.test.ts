import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKaohe } from '../../src/main/api/app'
import { appealsOf } from '../../src/main/core/appeals'
import { demoAppeals } from '../../src/main/core/demo/demoAppeals'
import { demoFeedback } from '../../src/main/core/demo/demoFeedback'
import { formsOf } from '../../src/main/core/feedback'
import { FAST_POLICY, client, type TestClient } from '../support/tempUnit'

/** The demo's 2025 appeals story: one upheld (grade raised, new form version), one refused, in March 2026. */
let c: TestClient
let dir: string
const now = new Date('2026-12-02T09:00:00')
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kaohe-demo-appeals-'))
  c = client(createKaohe({ dataDir: dir, policy: FAST_POLICY, demoIfEmpty: true, clock: () => now }), dir)
  await c.login('hr', 'Kaohe@2026')
}, 180_000)
afterAll(() => {
  c.app.state.session?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('demoAppeals', () => {
  it('writes one upheld and one refused 2025 appeal through core/appeals', { timeout: 60_000 }, async () => {
    const store = c.app.state.session!.store
    const already = store.all(store.qb.selectFrom('appeals').select('id').where('year', '=', 2025)).length
    // Until the demo builder calls them itself (after demoHistory): the forms, then the appeals.
    if (store.all(store.qb.selectFrom('feedback_forms').select('id').where('year', '=', 2025)).length === 0) demoFeedback(store, { now })
    if (already === 0) expect(demoAppeals(store, { now })).toEqual({ filed: 2, upheld: 1, refused: 1 })
    const list = await c.ok('appeals.list', { year: 2025 })
    expect(list.map((a) => a.status).sort()).toEqual(['refused', 'upheld'])
    for (const a of list) {
      expect(a.filedOn.slice(0, 7)).toBe('2026-03')
      expect(a.answeredOn!.slice(0, 7)).toBe('2026-03')
      expect(a.answeredOn! <= a.dueOn).toBe(true)
      expect(a.filedOn <= a.windowUntil).toBe(true)
    }
    const up = list.find((a) => a.status === 'upheld')!
    expect(up).toMatchObject({ gradeBefore: '基本称职', gradeAfter: '称职' })
    expect(formsOf(store, up.personId).filter((f) => f.year === 2025).map((f) => [f.version, f.status])).toEqual([[2, 'draft'], [1, 'voided']])
    expect(appealsOf(store, up.personId)[0]).toMatchObject({ id: up.id, status: 'upheld' })
    const grade = store.first(store.qb.selectFrom('annual_grades').select(['grade', 'reason']).where('year', '=', 2025).where('person_id', '=', up.personId))!
    expect(grade.grade).toBe('称职')
  })
})
