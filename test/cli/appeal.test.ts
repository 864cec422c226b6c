import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, kaohe } from '../support/cli'

/** `kaohe appeal window|file|list|answer|route` with the built command on the demo unit (its 2025 appeals). */
let dir: string
let db: string
beforeAll(() => {
  if (!existsSync('out/cli/kaohe.js')) execFileSync('node', ['scripts/build-cli.mjs'])
  dir = mkdtempSync(join(tmpdir(), 'kaohe-cli-appeal-'))
  db = join(dir, 'demo.kaohe')
  expect(kaohe(['--db', db, 'demo']).code).toBe(0)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('kaohe appeal', () => {
  it('lists the 2025 appeals for HR, in JSON and as a table', () => {
    const r = kaohe(['--db', db, 'appeal', 'list', '--year', '2025', '--json'], as('hr'))
    expect(r.code, r.err).toBe(0)
    const list = JSON.parse(r.out) as { id: number; status: string; gradeBefore: string; gradeAfter: string | null; recused: unknown[] }[]
    expect(list.map((a) => a.status).sort()).toEqual(['refused', 'upheld'])
    expect(list.find((a) => a.status === 'upheld')).toMatchObject({ gradeBefore: '基本称职', gradeAfter: '称职' })
    const text = kaohe(['--db', db, 'appeal', 'list', '--year', '2025'], as('hr'))
    expect(text.code).toBe(0)
    expect(text.out).toContain('答复期限')
    expect(text.out).toContain('已支持')
  })

  it('shows the person their window and refuses an appeal before delivery, naming it', () => {
    const w = kaohe(['--db', db, 'appeal', 'window', '--year', '2025', '--json'], as('staff'))
    expect(w.code, w.err).toBe(0)
    const win = JSON.parse(w.out) as { open: boolean; deliveredOn: string | null }
    // The demo leaves the staff account's 2025 form unsigned for the walk-through.
    expect(win).toMatchObject({ open: false, deliveredOn: null })
    const r = kaohe(['--db', db, 'appeal', 'file', '--year', '2025', '--items', 'channel:quarterly', '--grade', '优秀', '--text', '理由'], as('staff'))
    expect(r.code).not.toBe(0)
    expect(r.err).toContain('尚未送达')
    expect(r.err).toContain('not been delivered')
    const bad = kaohe(['--db', db, 'appeal', 'file', '--year', '2025', '--items', 'channel:quarterly', '--grade', '极好', '--text', '理由'], as('staff'))
    expect(bad.code).not.toBe(0)
    expect(bad.err).toContain('--grade')
  })

  it('refuses a second answer (the answer is final) and a staff member answering', () => {
    const list = JSON.parse(kaohe(['--db', db, 'appeal', 'list', '--year', '2025', '--json'], as('hr')).out) as { id: number }[]
    const again = kaohe(['--db', db, 'appeal', 'answer', String(list[0]!.id), '--decision', 'refused', '--reason', '再答'], as('head'))
    expect(again.code).not.toBe(0)
    expect(again.err).toContain('最终结果')
    const staff = kaohe(['--db', db, 'appeal', 'answer', String(list[0]!.id), '--decision', 'refused', '--reason', '再答'], as('staff'))
    expect(staff.code).not.toBe(0)
    expect(staff.err).toContain('无权')
  })

  it('records a statutory route only for a 不称职 result', () => {
    const r = kaohe(['--db', db, 'appeal', 'route', '--year', '2025', '--staff-no', '0402', '--kind', 'review', '--on', '2026-03-02', '--body', '本机关', '--document', '复字1号'], as('hr'))
    expect(r.code).not.toBe(0)
    expect(r.err).toContain('不称职')
  })
})
