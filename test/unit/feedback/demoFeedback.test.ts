import { describe, expect, it } from 'vitest'
import { createKaohe } from '../../../src/main/api/app'
import { demoFeedback } from '../../../src/main/core/demo/demoFeedback'
import { deliveredOn, formsOf } from '../../../src/main/core/feedback'
import { canonicalJson, isPng, normaliseCode } from '../../../src/main/core/feedback/canonical'
import { FAST_POLICY, client, tempDir } from '../../support/tempUnit'

describe('the canonical serialisation and codes', () => {
  it('sorts keys at every level, drops undefined, keeps arrays in order, no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' }, u: undefined })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}')
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }))
    expect(() => canonicalJson({ a: Number.NaN })).toThrow()
  })
  it('reads codes forgivingly and checks PNG magic', () => {
    expect(normaliseCode(' abcd efgh-jkmn ')).toBe('ABCD-EFGH-JKMN')
    expect(isPng(Buffer.from('GIF89a-----------------------'))).toBe(false)
  })
})

describe('demoFeedback (2025)', () => {
  it('writes forms sealed by interviewer and person, one refusal with a witness, a few unsigned; the seals verify', { timeout: 180_000 }, async () => {
    const dir = tempDir()
    const app = createKaohe({ dataDir: dir, policy: FAST_POLICY, demoIfEmpty: true, clock: () => new Date('2026-12-02T09:00:00') })
    const c = client(app, dir)
    await c.login('hr', 'Kaohe@2026')
    const session = app.state.session!
    const store = session.store
    const already = store.all(store.qb.selectFrom('feedback_forms').select('id')).length
    const out = store.tx(() => demoFeedback(store, { now: new Date('2026-12-02T09:00:00'), audit: session.audit }))
    session.anchorAudit()
    const rows = await c.ok('feedback.list', { year: 2025 })
    expect(rows.length).toBeGreaterThan(40)
    if (already === 0) expect(out.forms).toBe(rows.length)
    const count = (s: string) => rows.filter((r) => r.status === s).length
    expect(count('sealed')).toBeGreaterThan(rows.length / 2)
    expect(count('refused')).toBe(1)
    expect(count('draft')).toBeGreaterThanOrEqual(2)
    expect(count('interviewerSigned')).toBeGreaterThanOrEqual(1)
    expect(rows.find((r) => r.staffNo === '0402')!.status).toBe('draft')
    const refused = rows.find((r) => r.status === 'refused')!
    expect(deliveredOn(store, 2025, refused.personId)! >= '2026-02-01').toBe(true)
    for (const r of rows.filter((x) => x.status === 'sealed' || x.status === 'refused').slice(0, 5)) {
      expect(await c.ok('feedback.verify', { code: r.verificationCode })).toMatchObject({ state: 'current', problems: [] })
      expect(formsOf(store, r.personId)[0]!.deliveredOn! < '2026-04-01').toBe(true)
    }
    await c.app.call('auth.logout', {})
  })
})
