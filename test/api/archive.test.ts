import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKaohe } from '../../src/main/api/app'
import { FAST_POLICY, client, tempDir, type TestClient } from '../support/tempUnit'

/**
 * The growth archive (成长档案, RULES.md §8) on the demo unit, whose 2024 and 2025 rounds are final
 * and 2023 grades were recorded from before Kaohe: the person's years, the access rule (self,
 * supervisor chain, HR, leadership group — never a colleague), the PDF read back as text, and HR's
 * edits of the suggestion table, audited without their words.
 */
const PASSWORD = 'Kaohe@2026'
const now = new Date('2026-12-02T09:00:00')
let c: TestClient
const as = async (user: string) => {
  await c.app.call('auth.logout', {})
  await c.login(user, PASSWORD)
}

// One unit for the whole file (tempDir's folders go after each test).
const dir = mkdtempSync(join(tmpdir(), 'kaohe-archive-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

beforeAll(() => {
  c = client(createKaohe({ dataDir: dir, policy: FAST_POLICY, demoIfEmpty: true, clock: () => now }), dir)
}, 120_000)

describe('the growth archive (demo unit)', () => {
  it('shows a person every final year, their prior grade, channels and dimension profile', { timeout: 60_000 }, async () => {
    await as('hr')
    const people = await c.ok('archive.people', {})
    expect(people.length).toBeGreaterThan(40)
    const staff = people.find((p) => p.staffNo === '0402')!
    const arc = await c.ok('archive.show', { personId: staff.personId })
    expect(arc.person).toMatchObject({ staffNo: '0402' })
    const kaohe = arc.years.filter((y) => y.source === 'kaohe')
    // 2026 is still open in the demo: only the two final years, plus 2023 from before Kaohe.
    expect(kaohe.map((y) => y.year)).toEqual([2024, 2025])
    expect(arc.years.find((y) => y.year === 2023)).toMatchObject({ source: 'prior' })
    const store = c.app.state.session!.store
    for (const y of kaohe) {
      const g = store.first(store.qb.selectFrom('annual_grades').select(['grade', 't']).where('year', '=', y.year).where('person_id', '=', staff.personId))!
      expect(y.grade).toBe(g.grade)
      expect(y.T).toBe(g.t)
      expect(y.channels!.leadership).toEqual(expect.any(Number))
      expect(y.dimensions).toHaveLength(5)
      expect(y.dimensions.every((d) => d.score !== null)).toBe(true)
    }
    // Someone in the unit has a training need in a final year, with a suggestion from the table.
    let needs = 0
    for (const p of people.slice(0, 60)) needs += (await c.ok('archive.show', { personId: p.personId })).needs.length
    expect(needs).toBeGreaterThan(0)
  })

  it('shows the other pieces’ records: the year’s feedback form, follow-ups and flags', { timeout: 60_000 }, async () => {
    await as('hr')
    await c.ok('feedback.generate', { year: 2025 })
    await c.ok('outcomes.generate', { year: 2025 })
    const store = c.app.state.session!.store
    // A 基本称职 of 2025 has a follow-up (rectification) as well as a form.
    const basic = store.first(store.qb.selectFrom('annual_grades').select('person_id').where('year', '=', 2025).where('grade', '=', '基本称职'))!
    const arc = await c.ok('archive.show', { personId: basic.person_id })
    expect(arc.forms.map((f) => [f.year, f.grade])).toContainEqual([2025, '基本称职'])
    expect(arc.followups.filter((f) => f.year === 2025).length).toBeGreaterThan(0)
    expect(arc.flags.map((f) => f.year)).toEqual([2024, 2025])
    expect(arc.appeals).toEqual([])
  })

  it('is open to the person and their supervisor chain, HR and the leadership group, not to a colleague', { timeout: 60_000 }, async () => {
    await as('hr')
    const people = await c.ok('archive.people', {})
    const id = (staffNo: string) => people.find((p) => p.staffNo === staffNo)!.personId
    await as('staff')
    expect((await c.ok('archive.people', {})).map((p) => p.staffNo)).toEqual(['0402'])
    expect((await c.ok('archive.show', { personId: id('0402') })).person.staffNo).toBe('0402')
    expect((await c.err('archive.show', { personId: id('0401') })).code).toBe('FORBIDDEN')
    expect((await c.err('archive.print', { personId: id('0201') })).code).toBe('FORBIDDEN')
    await as('kezhang')
    // 0401 supervises 0402.
    expect((await c.ok('archive.people', {})).map((p) => p.staffNo)).toContain('0402')
    expect((await c.ok('archive.show', { personId: id('0402') })).person.staffNo).toBe('0402')
    expect((await c.err('archive.show', { personId: id('0201') })).code).toBe('FORBIDDEN')
    await as('jijian')
    // The discipline office is a leader too (demo: discipline + leader).
    expect((await c.ok('archive.show', { personId: id('0402') })).person.staffNo).toBe('0402')
    await as('auditor')
    expect((await c.err('archive.show', { personId: id('0402') })).code).toBe('FORBIDDEN')
  })

  it('prints an A4 PDF whose Chinese is real text', { timeout: 60_000 }, async () => {
    await as('hr')
    const staff = (await c.ok('archive.people', {})).find((p) => p.staffNo === '0402')!
    const r = await c.ok('archive.print', { personId: staff.personId })
    expect(r.fileName).toContain('0402')
    const file = join(tempDir(), 'archive.pdf')
    writeFileSync(file, Buffer.from(r.contentBase64, 'base64'))
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    for (const s of ['公务员个人成长档案', staff.name, '工号：0402', '历年考核结果', '2024', '2025', 'T 与各维度得分趋势', '维度画像', '培训需求']) expect(text).toContain(s)
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89/)
  })

  it('lets HR edit the suggestion table; the edit is audited with its key, never its words', { timeout: 60_000 }, async () => {
    await as('hr')
    const before = await c.ok('archive.suggestions', {})
    expect(before.find((s) => s.key === 'innovation')!.suggestion).toContain('赴先进地区跟班学习')
    const after = await c.ok('archive.setSuggestion', { key: 'innovation', suggestion: '到省级试点单位跟班学习三个月' })
    expect(after.find((s) => s.key === 'innovation')).toMatchObject({ suggestion: '到省级试点单位跟班学习三个月', updatedBy: expect.any(String) })
    expect((await c.err('archive.setSuggestion', { key: 'nope', suggestion: 'x' })).code).toBe('NOT_FOUND')
    expect((await c.err('archive.setSuggestion', { key: 'innovation', suggestion: '  ' })).code).toBe('INVALID_INPUT')
    const store = c.app.state.session!.store
    const rows = store.all(store.qb.selectFrom('audit_log').select(['action', 'target', 'detail']).where('action', '=', 'archive.setSuggestion'))
    expect(rows.some((r) => r.target === 'trainingSuggestion:innovation')).toBe(true)
    expect(JSON.stringify(rows)).not.toContain('省级试点')
    await as('leader')
    expect((await c.err('archive.setSuggestion', { key: 'innovation', suggestion: 'x' })).code).toBe('FORBIDDEN')
  })
})
