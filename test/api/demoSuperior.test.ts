import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKaohe } from '../../src/main/api/app'
import { locationOf, type UnitLocation } from '../../src/main/core/unit/location'
import {
  buildDemoSuperior,
  DEMO_RESULTS_YEAR,
  DEMO_SUPERIOR_UNITS,
  demoSuperiorLayout,
  SUPERIOR_HR_USER,
  type DemoSuperiorBuilt,
} from '../../src/main/core/demo/demoSuperior'
import { FAST_POLICY, client, type TestClient } from '../support/tempUnit'
import { kaohe } from '../support/cli'

/**
 * The demo superior office (issue 11): built in a temp folder as `kaohe demo --superior` builds it,
 * then walked as the README walks it — the superior imports the three units' 2025 packages, sees
 * three units in the consolidated view, and one receipt goes back to its unit, which then shows its
 * package acknowledged. Real encrypted databases, real files.
 */
const PASSWORD = 'Kaohe@2026'
const clock = () => new Date('2026-12-02T09:00:00')
const open = (loc: UnitLocation): TestClient => client(createKaohe({ dbPath: loc.dbPath, policy: FAST_POLICY, clock }), loc.dbPath)

let built: DemoSuperiorBuilt
const progress: string[] = []
// One folder for the whole file (the helpers' temp folders go after each test).
const dir = mkdtempSync(join(tmpdir(), 'kaohe-demo-superior-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
beforeAll(async () => {
  built = await buildDemoSuperior(demoSuperiorLayout(join(dir, 'superior.kaohe')), {
    policy: FAST_POLICY,
    now: clock(),
    open: (loc) => createKaohe({ dbPath: loc.dbPath, policy: FAST_POLICY, clock }),
    progress: (line) => progress.push(line),
  })
}, 300_000)

describe('kaohe demo --superior', () => {
  it('builds three differently seeded units, exchanges cards both ways and leaves one package per unit', { timeout: 120_000 }, async () => {
    expect(built.layout.units.map((u) => u.identity.code)).toEqual(DEMO_SUPERIOR_UNITS.map((u) => u.code))
    expect(built.fingerprints).toHaveLength(6)
    expect(built.packages).toHaveLength(3)
    expect(new Set(built.packages.map((p) => p.packageId)).size).toBe(3)
    expect(progress.length).toBeGreaterThan(3)
    for (const p of built.packages) expect(readFileSync(p.file).byteLength).toBe(p.bytes)

    // A different seed keeps the stories working: 2025 is final in every unit, the names differ.
    const names: string[][] = []
    for (const u of built.layout.units) {
      const c = open(u.location)
      try {
        await c.login('hr', PASSWORD)
        const round = await c.ok('annual.round', { year: DEMO_RESULTS_YEAR })
        expect(round.stage).toBe('final')
        const s = c.app.state.session!.store
        names.push(s.all(s.qb.selectFrom('people').select('name').orderBy('staff_no')).map((r) => r.name))
        const offices = await c.ok('keycards.offices', {})
        expect(offices.map((o) => o.kind)).toEqual(['superior'])
      } finally {
        c.app.close()
      }
    }
    expect(names[1]).not.toEqual(names[0])
    expect(names[2]).not.toEqual(names[1])
  })

  it('a crash (kill -9) at each import step leaves the superior as it was: nothing of the package, the audit chain intact', { timeout: 240_000 }, async () => {
    const p = built.packages[2]!
    const db = built.layout.superior.dbPath
    const env = { KAOHE_DB: db, KAOHE_USER: SUPERIOR_HR_USER, KAOHE_PASSWORD: PASSWORD, KAOHE_TEST_HOOKS: '1' }
    const packageRows = async () => {
      const c = open(built.layout.superior)
      try {
        await c.login(SUPERIOR_HR_USER, PASSWORD)
        const s = c.app.state.session!.store
        return JSON.stringify([
          s.all(s.qb.selectFrom('packages').selectAll().orderBy('package_id')),
          s.all(s.qb.selectFrom('package_files').select('package_id').orderBy('package_id')),
          s.all(s.qb.selectFrom('superior_unit_years').select(['unit_uid', 'year', 'package_id']).orderBy('unit_uid')),
          s.all(s.qb.selectFrom('superior_results').select(['unit_uid', 'staff_no']).orderBy('unit_uid').orderBy('staff_no')),
        ])
      } finally {
        c.app.close()
      }
    }
    const before = await packageRows()
    for (const step of ['opened', 'checked', 'inTransaction', 'committed']) {
      const r = kaohe(['package', 'import', p.file, '--json'], { ...env, KAOHE_TEST_KILL_AT: step })
      // Killed where the hook says: no exit code, no output claiming an import.
      expect(r.code, `${step}: ${r.err}`).toBeNull()
      expect(r.out).toBe('')
      expect(await packageRows(), step).toBe(before)
      const audit = kaohe(['audit', 'verify', '--json'], { KAOHE_DB: db, KAOHE_USER: 'auditor', KAOHE_PASSWORD: PASSWORD })
      expect(audit.code, `${step}: ${audit.err}${audit.out}`).toBe(0)
    }
    // And afterwards the package still imports, once, in full (the walk below imports the others).
    const ok = kaohe(['package', 'import', p.file, '--json'], env)
    expect(ok.code, ok.err).toBe(0)
    expect(JSON.parse(ok.out)).toMatchObject({ packageId: p.packageId, alreadyImported: false })
    const again = kaohe(['package', 'import', p.file, '--json'], env)
    expect(JSON.parse(again.out)).toMatchObject({ packageId: p.packageId, alreadyImported: true })
  })

  it('walks as the README does: import at the superior, consolidated view, receipt back, acknowledged', { timeout: 120_000 }, async () => {
    const sup = open(built.layout.superior)
    let receipt: { fileName: string; contentBase64: string } | null = null
    try {
      await sup.login(SUPERIOR_HR_USER, PASSWORD)
      const offices = await sup.ok('keycards.offices', {})
      expect(offices.map((o) => o.code).sort()).toEqual(DEMO_SUPERIOR_UNITS.map((u) => u.code).sort())
      for (const [i, p] of built.packages.entries()) {
        const file = { fileName: basename(p.file), contentBase64: readFileSync(p.file).toString('base64') }
        const checked = await sup.ok('bundles.verify', { file })
        expect(checked.ok).toBe(true)
        expect(checked.failed).toBeNull()
        const imported = await sup.ok('bundles.import', { file })
        expect(imported.kind).toBe('results')
        expect(imported.alreadyImported).toBe(i === 2)
        expect(imported.sender.code).toBe(p.unit.code)
        expect(imported.receipt).not.toBeNull()
        if (i === 0) receipt = { fileName: imported.receipt!.fileName, contentBase64: imported.receipt!.contentBase64 }
      }
      const view = await sup.ok('bundles.consolidated', { year: DEMO_RESULTS_YEAR })
      expect(view.units.map((u) => u.unit.code).sort()).toEqual(DEMO_SUPERIOR_UNITS.map((u) => u.code).sort())
      expect(view.units.every((u) => u.N > 40)).toBe(true)
      expect(new Set(view.rows.map((r) => r.unitUid)).size).toBe(3)
    } finally {
      sup.app.close()
    }

    // The first unit carries the receipt home: its package now shows acknowledged.
    const unit = open(built.layout.units[0]!.location)
    try {
      await unit.login('hr', PASSWORD)
      const before = await unit.ok('bundles.list', { direction: 'out' })
      expect(before.filter((p) => p.kind === 'results').map((p) => p.acknowledgedAt)).toEqual([null])
      const back = await unit.ok('bundles.import', { file: receipt! })
      expect(back.kind).toBe('receipt')
      const after = await unit.ok('bundles.list', { direction: 'out' })
      const results = after.filter((p) => p.kind === 'results')
      expect(results).toHaveLength(1)
      expect(results[0]!.packageId).toBe(built.packages[0]!.packageId)
      expect(results[0]!.acknowledgedAt).not.toBeNull()
    } finally {
      unit.app.close()
    }
    // The second unit got no receipt: still waiting.
    const other = open(locationOf(built.layout.units[1]!.location.dbPath))
    try {
      await other.login('hr', PASSWORD)
      const list = await other.ok('bundles.list', { direction: 'out', unacknowledged: true })
      expect(list.map((p) => p.packageId)).toEqual([built.packages[1]!.packageId])
    } finally {
      other.app.close()
    }
  })
})
