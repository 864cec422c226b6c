import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, kaohe } from '../support/cli'

/**
 * `kaohe form …` with the built command on the demo unit, whose 2025 results are final: HR creates
 * the forms, the 科长 writes and signs (password from KAOHE_SIGNER_PASSWORD), the person signs at
 * the 科长's desk, the PDF is written 0600 and never over a file, the code verifies.
 */
let dir: string
let db: string
beforeAll(() => {
  if (!existsSync('out/cli/kaohe.js')) execFileSync('node', ['scripts/build-cli.mjs'])
  dir = mkdtempSync(join(tmpdir(), 'kaohe-cli-form-'))
  db = join(dir, 'demo.kaohe')
  expect(kaohe(['--db', db, 'demo']).code).toBe(0)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const run = (args: string[], env: Record<string, string>) => kaohe(['--db', db, ...args], env)

describe('kaohe form', () => {
  it('generate, write, sign (wrong password refused), print, verify', { timeout: 120_000 }, () => {
    const gen = run(['form', 'generate', '--year', '2025', '--json'], as('hr'))
    expect(gen.code, gen.err).toBe(0)
    const listed = run(['form', 'list', '--year', '2025', '--json'], as('kezhang'))
    expect(listed.code, listed.err).toBe(0)
    const rows = JSON.parse(listed.out) as { id: number; staffNo: string; status: string; verificationCode: string }[]
    const form = rows.find((r) => r.staffNo === '0402' && r.status === 'draft')!
    expect(form).toBeDefined()
    const id = String(form.id)

    const wrote = run(['form', 'write', '--form', id, '--strengths', '窗口服务耐心细致', '--weaknesses', '业务知识更新偏慢', '--improvements', '参加法规培训', '--date', '2026-03-02'], as('kezhang'))
    expect(wrote.code, wrote.err).toBe(0)
    const wrong = run(['form', 'sign', '--form', id, '--as', 'interviewer'], { ...as('kezhang'), KAOHE_SIGNER_PASSWORD: 'not-my-password' })
    expect(wrong.code).toBe(3)
    expect(wrong.err).toContain('AUTH_FAILED')
    expect(wrong.err).toContain('还可尝试')
    const signed = run(['form', 'sign', '--form', id, '--as', 'interviewer', '--signature', resolve('test/fixtures/feedback/signature.png'), '--json'], { ...as('kezhang'), KAOHE_SIGNER_PASSWORD: 'Kaohe@2026' })
    expect(signed.code, signed.err).toBe(0)
    expect(JSON.parse(signed.out).status).toBe('interviewerSigned')
    const sealed = run(['form', 'sign', '--form', id, '--as', 'person', '--signer', 'staff', '--json'], { ...as('kezhang'), KAOHE_SIGNER_PASSWORD: 'Kaohe@2026' })
    expect(sealed.code, sealed.err).toBe(0)
    const view = JSON.parse(sealed.out) as { status: string; verificationCode: string; content: { person: { name: string } }; seal: { sha256: string } }
    expect(view.status).toBe('sealed')

    const pdf = join(dir, 'form.pdf')
    const printed = run(['form', 'print', '--form', id, '--out', pdf], as('staff'))
    expect(printed.code, printed.err).toBe(0)
    expect(statSync(pdf).mode & 0o777).toBe(0o600)
    const again = run(['form', 'print', '--form', id, '--out', pdf], as('staff'))
    expect(again.code).toBe(4)
    expect(again.err).toContain('EXPORT_TARGET_EXISTS')
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
    expect(text).toContain('绩效反馈表')
    expect(text).toContain(view.content.person.name)
    expect(text).toContain(view.verificationCode)
    expect(text).toContain(view.seal.sha256)

    const verified = run(['form', 'verify', view.verificationCode, '--json'], as('hr'))
    expect(verified.code, verified.err).toBe(0)
    expect(JSON.parse(verified.out)).toMatchObject({ state: 'current', version: 1 })
    const human = run(['form', 'verify', view.verificationCode], as('staff'))
    expect(human.out).toContain('有效')

    // A colleague's form is not the staff account's to see.
    const other = rows.find((r) => r.staffNo !== '0402')!
    const denied = run(['form', 'show', '--form', String(other.id)], as('staff'))
    expect(denied.code).toBe(3)
    expect(denied.err).toContain('FORBIDDEN')
  })
})
