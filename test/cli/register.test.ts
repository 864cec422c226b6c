import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, kaohe } from '../support/cli'

/** `kaohe register print` with the built command on the demo unit (its 2025 round is final). */
let dir: string
let db: string
beforeAll(() => {
  if (!existsSync('out/cli/kaohe.js')) execFileSync('node', ['scripts/build-cli.mjs'])
  dir = mkdtempSync(join(tmpdir(), 'kaohe-cli-register-'))
  db = join(dir, 'demo.kaohe')
  expect(kaohe(['--db', db, 'demo']).code).toBe(0)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const textOf = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')

describe('kaohe register print', () => {
  it('prints one person’s form; --json gives the path and the page count', () => {
    const out = join(dir, 'one.pdf')
    const r = kaohe(['--db', db, 'register', 'print', '--year', '2025', '--staff-no', '0402', '--out', out, '--json'], as('staff'))
    expect(r.code, r.err).toBe(0)
    const j = JSON.parse(r.out) as { file: string; pages: number; people: number }
    expect(j).toMatchObject({ file: out, people: 1 })
    expect(j.pages).toBeGreaterThanOrEqual(1)
    expect((statSync(out).mode & 0o777).toString(8)).toBe('600')
    const text = textOf(out)
    expect(text).toContain('公务员年度考核登记表')
    expect(text).toContain('（2025年度）')
    expect(text).toMatch(/考核等次：(优秀|称职|基本称职|不称职|不定等次)/)
    // Never over an existing file without --force.
    const again = kaohe(['--db', db, 'register', 'print', '--year', '2025', '--staff-no', '0402', '--out', out], as('staff'))
    expect(again.code).not.toBe(0)
    expect(kaohe(['--db', db, 'register', 'print', '--year', '2025', '--staff-no', '0402', '--out', out, '--force'], as('staff')).code).toBe(0)
  })

  it('prints everyone in one PDF for HR, with progress on stderr, names and grades in it', () => {
    const out = join(dir, 'all.pdf')
    const r = kaohe(['--db', db, 'register', 'print', '--year', '2025', '--out', out, '--json'], as('hr'))
    expect(r.code, r.err).toBe(0)
    const j = JSON.parse(r.out) as { pages: number; people: number }
    expect(j.people).toBeGreaterThan(40)
    expect(j.pages).toBeGreaterThanOrEqual(j.people)
    expect(r.err).toContain(`${j.people}/${j.people}`)
    const text = textOf(out)
    const round = JSON.parse(kaohe(['--db', db, 'annual', 'status', '--year', '2025', '--json'], as('hr')).out) as { people: { name: string; grade: string }[] }
    for (const p of round.people.slice(0, 8)) expect(text).toContain(p.name)
    expect(text.split('公务员年度考核登记表').length - 1).toBeGreaterThanOrEqual(j.people)
    expect(text).toContain('考核等次：称职')
  })

  it('refuses the whole roster to staff (exit 3) and names an unknown staff number', () => {
    const denied = kaohe(['--db', db, 'register', 'print', '--year', '2025', '--out', join(dir, 'x.pdf')], as('staff'))
    expect(denied.code).toBe(3)
    const unknown = kaohe(['--db', db, 'register', 'print', '--year', '2025', '--staff-no', '9999', '--out', join(dir, 'y.pdf')], as('hr'))
    expect(unknown.code).toBe(1)
    expect(unknown.err).toContain('9999')
  })
})
