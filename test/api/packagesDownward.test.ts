import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKaohe } from '../../src/main/api/app'
import { buildSuperiorOffice, SUPERIOR_HR_USER } from '../../src/main/core/demo/demoSuperior'
import { DEFAULT_POLICY } from '../../src/main/core/policy/defaults'
import { defaultGuideline } from '../../src/main/core/guideline/defaults'
import { locationOf } from '../../src/main/core/unit/location'
import { FAST_POLICY, client, type TestClient } from '../support/tempUnit'

/**
 * Downward packages (下发包, issue 11 item 3) between a real superior office and a real demo unit
 * that registered each other's key cards through the API, fingerprints compared: a policy (pending
 * the head's approval at the unit, like an imported one), a guideline template, a quota approval
 * and a holiday calendar each arrive with their effect and a receipt; the receipts go back and the
 * superior sees every package acknowledged. A calendar the unit's own rules refuse is refused as
 * 'content', and nothing is written.
 */
const PASSWORD = 'Kaohe@2026'
const NOW = new Date('2026-12-02T09:00:00')
const clock = () => NOW
const dir = mkdtempSync(join(tmpdir(), 'kaohe-downward-'))
let sup: TestClient
let unit: TestClient
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')

beforeAll(async () => {
  const loc = locationOf(join(dir, 'superior.kaohe'))
  buildSuperiorOffice(loc, { policy: FAST_POLICY, now: NOW })
  sup = client(createKaohe({ dbPath: loc.dbPath, policy: FAST_POLICY, clock }), loc.dbPath)
  await sup.login(SUPERIOR_HR_USER, PASSWORD)
  const unitDir = join(dir, 'unit')
  mkdirSync(unitDir)
  unit = client(createKaohe({ dataDir: unitDir, policy: FAST_POLICY, demoIfEmpty: true, clock }), unitDir)
  await unit.login('hr', PASSWORD)
  // Each registers the other's card with the fingerprint the other side shows.
  const supCard = await sup.ok('keycards.exportCard', {})
  const unitCard = await unit.ok('keycards.exportCard', {})
  await unit.ok('keycards.import', { file: { fileName: supCard.fileName, contentBase64: supCard.contentBase64 }, fingerprint: supCard.fingerprint })
  await sup.ok('keycards.import', { file: { fileName: unitCard.fileName, contentBase64: unitCard.contentBase64 }, fingerprint: unitCard.fingerprint })
}, 180_000)
afterAll(() => {
  sup?.app.close()
  unit?.app.close()
  rmSync(dir, { recursive: true, force: true })
})

async function send(input: Record<string, unknown>) {
  const [office] = await sup.ok('keycards.offices', {})
  const p = await sup.ok('bundles.exportDownward', { officeUid: office!.uid, ...input } as never)
  return { fileName: p.fileName, contentBase64: p.contentBase64 }
}

describe('downward packages', () => {
  it('policy, guideline template, quota and calendar arrive with their effect; receipts go back', { timeout: 120_000 }, async () => {
    const policy = await send({ kind: 'policy', year: 2027, file: { fileName: 'policy-2027.json', contentBase64: b64(JSON.stringify({ ...DEFAULT_POLICY, version: 'SJ-2027-1' })) } })
    const guideline = await send({ kind: 'guideline', year: 2027, file: { fileName: '县直机关通用指引.json', contentBase64: b64(JSON.stringify(defaultGuideline(2027))) } })
    const quota = await send({ kind: 'quota', year: 2026, quota: { document: '示组通〔2026〕18号', rate: 20 } })
    const table = {
      year: 2027,
      source: '测试：2027年部分节假日安排',
      holidays: [
        ['2027-01-01', '元旦'], ['2027-02-05', '春节'], ['2027-02-06', '春节'], ['2027-02-07', '春节'], ['2027-02-08', '春节'],
        ['2027-04-05', '清明节'], ['2027-05-01', '劳动节'], ['2027-05-02', '劳动节'], ['2027-05-03', '劳动节'], ['2027-06-09', '端午节'],
        ['2027-09-15', '中秋节'], ['2027-10-01', '国庆节'], ['2027-10-02', '国庆节'], ['2027-10-03', '国庆节'],
      ].map(([date, name]) => ({ date, name })),
      workdays: [{ date: '2027-04-25', name: '劳动节调休' }],
    }
    const calendar = await send({ kind: 'calendar', year: 2027, file: { fileName: '2027.json', contentBase64: b64(JSON.stringify(table)) } })

    const receipts = []
    for (const file of [policy, guideline, quota, calendar]) {
      const preview = await unit.ok('bundles.preview', { file })
      expect(preview.ok, JSON.stringify(preview.checks.filter((c) => !c.ok))).toBe(true)
      expect(preview.changes.length).toBeGreaterThan(0)
      const r = await unit.ok('bundles.import', { file })
      expect(r.alreadyImported).toBe(false)
      expect(r.receipt).not.toBeNull()
      receipts.push(r.receipt!)
    }
    // The effects, where a unit's user sees them.
    const s = unit.app.state.session!.store
    const pending = s.all(s.qb.selectFrom('policies').select(['year', 'version', 'source', 'status']).where('year', '=', 2027))
    expect(pending).toEqual([{ year: 2027, version: 'SJ-2027-1', source: 'package', status: 'pending' }])
    expect(s.all(s.qb.selectFrom('guideline_templates').select(['year', 'name']))).toEqual([{ year: 2027, name: '县直机关通用指引' }])
    expect((await unit.ok('annual.round', { year: 2026 })).approval).toMatchObject({ document: '示组通〔2026〕18号', rate: 20 })
    const cal = await unit.ok('calendar.year', { year: 2027 })
    expect(JSON.stringify(cal)).toContain('2027-04-25')

    // The same file again changes nothing and gives the same receipt.
    const again = await unit.ok('bundles.import', { file: quota })
    expect(again).toMatchObject({ alreadyImported: true, changes: [] })
    expect(again.receipt!.packageId).toBe(receipts[2]!.packageId)

    expect(await sup.ok('bundles.list', { direction: 'out', unacknowledged: true })).toHaveLength(4)
    for (const r of receipts) expect((await sup.ok('bundles.import', { file: { fileName: r.fileName, contentBase64: r.contentBase64 } })).kind).toBe('receipt')
    expect(await sup.ok('bundles.list', { direction: 'out', unacknowledged: true })).toHaveLength(0)
  })

  it('a holiday table the unit’s rules would refuse is neither sealed by the superior nor passed by a dry run', { timeout: 60_000 }, async () => {
    // A 2028 table without the statutory holidays (《全国年节及纪念日放假办法》): refused before it leaves.
    const bad = { year: 2028, source: '缺少法定节假日的表', holidays: [{ date: '2028-01-01', name: '元旦' }], workdays: [] }
    const [office] = await sup.ok('keycards.offices', {})
    const before = await sup.ok('bundles.list', {})
    const e = await sup.err('bundles.exportDownward', { officeUid: office!.uid, kind: 'calendar', year: 2028, file: { fileName: '2028.json', contentBase64: b64(JSON.stringify(bad)) } })
    expect(e.code).toBe('INVALID_INPUT')
    expect(JSON.stringify(e.params)).toContain('缺少法定节假日')
    expect(await sup.ok('bundles.list', {})).toEqual(before)
  })

  it('no reason and no file name reaches either office’s audit log (keycards and bundles writes)', { timeout: 60_000 }, async () => {
    const m = (n: number) => `ZQX${n}标记`
    const [unitOffice] = await sup.ok('keycards.offices', {})
    const [supOffice] = await unit.ok('keycards.offices', {})
    await sup.ok('keycards.rotate', { reason: m(1) })
    const card = await sup.ok('keycards.exportCard', {})
    await unit.ok('keycards.import', { file: { fileName: `${m(2)}.json`, contentBase64: card.contentBase64 }, fingerprint: card.fingerprint })
    await sup.ok('keycards.revokeOwn', { reason: m(3) })
    const policy = await sup.ok('bundles.exportDownward', {
      officeUid: unitOffice!.uid,
      kind: 'policy',
      year: 2028,
      file: { fileName: `${m(4)}.json`, contentBase64: b64(JSON.stringify({ ...DEFAULT_POLICY, version: 'SJ-2028-1' })) },
    })
    // The unit has not registered the card that revoked the old key yet: the new key is unknown to it.
    const refused = await unit.err('bundles.import', { file: { fileName: `${m(5)}.kaohe`, contentBase64: policy.contentBase64 } })
    expect(refused.params).toMatchObject({ check: 'signature' })
    await unit.ok('keycards.revokePeer', { officeUid: supOffice!.uid, keyId: supOffice!.keys.find((k) => k.status === 'active')!.keyId, reason: m(6) })
    for (const c of [sup, unit]) {
      const s = c.app.state.session!.store
      const log = JSON.stringify(s.all(s.qb.selectFrom('audit_log').selectAll()))
      for (let i = 1; i <= 6; i++) expect(log, `${m(i)} in the audit log`).not.toContain(m(i))
    }
  })
})
