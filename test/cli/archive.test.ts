import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, kaohe } from '../support/cli'

/** `kaohe archive show|print` with the built command on the demo unit (2024 and 2025 final). */
let dir: string
let db: string
beforeAll(() => {
  if (!existsSync('out/cli/kaohe.js')) execFileSync('node', ['scripts/build-cli.mjs'])
  dir = mkdtempSync(join(tmpdir(), 'kaohe-cli-archive-'))
  db = join(dir, 'demo.kaohe')
  expect(kaohe(['--db', db, 'demo']).code).toBe(0)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('kaohe archive', () => {
  it('shows a person’s archive as a table and as JSON', () => {
    const text = kaohe(['--db', db, 'archive', 'show', '0402'], as('hr'))
    expect(text.code, text.err).toBe(0)
    expect(text.out).toContain('成长档案 / growth archive')
    expect(text.out).toContain('0402')
    expect(text.out).toMatch(/2024 +本系统/)
    expect(text.out).toMatch(/2023 +往年登记/)
    const json = kaohe(['--db', db, 'archive', 'show', '0402', '--json'], as('hr'))
    expect(json.code, json.err).toBe(0)
    const v = JSON.parse(json.out) as { person: { staffNo: string }; years: { year: number; source: string }[] }
    expect(v.person.staffNo).toBe('0402')
    expect(v.years.filter((y) => y.source === 'kaohe').map((y) => y.year)).toEqual([2024, 2025])
  })

  it('lets the person see their own and refuses a colleague’s; an unknown staff number is named', () => {
    expect(kaohe(['--db', db, 'archive', 'show', '0402'], as('staff')).code).toBe(0)
    const other = kaohe(['--db', db, 'archive', 'show', '0401'], as('staff'))
    expect(other.code).toBe(1)
    expect(other.err).toContain('0401')
    const none = kaohe(['--db', db, 'archive', 'show', '9999'], as('hr'))
    expect(none.err).toContain('9999')
    expect(kaohe(['--db', db, 'archive', 'show'], as('hr')).code).toBe(2)
  })

  it('prints the A4 PDF, 0600, and never over an existing file without --force', () => {
    const out = join(dir, 'a.pdf')
    const r = kaohe(['--db', db, 'archive', 'print', '0402', '--out', out], as('hr'))
    expect(r.code, r.err).toBe(0)
    expect(statSync(out).mode & 0o777).toBe(0o600)
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })
    expect(text).toContain('公务员个人成长档案')
    const again = kaohe(['--db', db, 'archive', 'print', '0402', '--out', out], as('hr'))
    expect(again.code).not.toBe(0)
    expect(kaohe(['--db', db, 'archive', 'print', '0402', '--out', out, '--force'], as('hr')).code).toBe(0)
  })
})
