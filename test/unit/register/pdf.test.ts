import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { REGISTER_PARTS, REGISTER_PART_LABELS, type RegisterFormView, type RegisterPart, type RegisterPartView } from '../../../src/shared/register'
import { bodyText, monthText, registerPdf, signLine, unitAndPost } from '../../../src/main/core/register/pdf'
import { registerMethods } from '../../../src/shared/api/register'

const dir = mkdtempSync(join(tmpdir(), 'kaohe-register-pdf-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function part(p: RegisterPart, text: string, submittedAt: string | null = '2026-03-04T07:00:00.000Z', suggestedGrade: string | null = null): RegisterPartView {
  return { part: p, text, status: submittedAt ? 'submitted' : 'draft', suggestedGrade, writerName: '某人', writtenAt: submittedAt, submittedAt }
}

export function form(over: Partial<RegisterFormView> = {}, texts: Partial<Record<RegisterPart, string>> = {}): RegisterFormView {
  const parts = Object.fromEntries(REGISTER_PARTS.map((p) => [p, part(p, texts[p] ?? '', texts[p] ? '2026-03-04T07:00:00.000Z' : null)])) as Record<RegisterPart, RegisterPartView>
  return {
    year: 2025,
    personId: 1,
    staffNo: '0402',
    name: '阿依古丽·买买提',
    gender: '女',
    birthMonth: '1990-07',
    politicalStatus: '中共党员',
    postSince: '2021-03',
    unitName: '示范区市场监督管理局',
    departmentName: '执法一科',
    post: '科员',
    rank: '一级科员',
    grade: '称职',
    stage: 'final',
    parts,
    quarterlyStart: '',
    editable: [],
    ...over,
  }
}

/** The PDF's text without white space (labels wrap in their cells); `raw` keeps the order it was drawn in. */
const text = (pdf: Buffer, name: string, raw = false) => {
  const f = join(dir, name)
  writeFileSync(f, pdf)
  return execFileSync('pdftotext', [...(raw ? ['-raw'] : []), f, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
}

describe('the printed register form', () => {
  it('writes months, dates and lines the way the official form does', () => {
    expect(monthText('1990-07')).toBe('1990.07')
    expect(monthText(null)).toBe('')
    expect(signLine('sign', null)).toMatch(/^签名：\u3000+年\u3000\u3000月\u3000\u3000日$/)
    expect(signLine('seal', '2026-03-04T07:00:00.000Z')).toMatch(/^（盖章）\u30002026 年 3 月 4 日$/)
    const f = form({}, { supervisor: '工作认真', committee: '同意' })
    f.parts.supervisor.suggestedGrade = '称职'
    expect(bodyText(f, 'supervisor')).toBe('工作认真\n考核等次建议：称职')
    expect(bodyText(f, 'committee')).toBe('考核等次：称职\n同意')
    expect(bodyText(form({ grade: null }), 'committee')).toBe('')
    expect(unitAndPost(f)).toBe('示范区市场监督管理局 执法一科 科员 一级科员')
  })

  it('prints every label and the person’s particulars as real text, one page for a short form', async () => {
    const { pdf, pages } = await registerPdf([form({}, { summary: '全年完成巡查 120 户次。', duties: '市场巡查' })])
    expect(pages).toBe(1)
    const t = text(pdf, 'one.pdf')
    for (const label of ['公务员年度考核登记表', '（2025年度）', '姓名', '性别', '出生年月', '政治面貌', '任现职时间', '单位及职务职级', '从事或分管工作']) expect(t).toContain(label)
    for (const p of REGISTER_PARTS.filter((x) => x !== 'duties')) expect(t).toContain(REGISTER_PART_LABELS[p].zh)
    for (const v of ['阿依古丽·买买提', '女', '1990.07', '中共党员', '2021.03', '全年完成巡查120户次。', '2026年3月4日', '（盖章）']) expect(t).toContain(v)
  })

  it('runs a long summary on to the next page, marked （续）, losing nothing; each person starts a page', async () => {
    const long = Array.from({ length: 180 }, (_, i) => `第${i + 1}项工作按期完成，群众满意。`).join('')
    expect(long.length).toBeLessThanOrEqual(3000)
    const progress: string[] = []
    const { pdf, pages } = await registerPdf([form({}, { summary: long }), form({ name: '张明', staffNo: '0403' })], { onProgress: (d, n) => progress.push(`${d}/${n}`) })
    expect(progress).toEqual(['1/2', '2/2'])
    expect(pages).toBeGreaterThanOrEqual(3)
    const t = text(pdf, 'long.pdf', true)
    const next = '公务员年度考核登记表（2025年度）·阿依古丽·买买提（续）个人总结（续）'
    expect(t).toContain(next)
    // The summary is all there, in order, once the continuation's heading is taken out.
    expect(t.split(next).join('')).toContain(long)
    expect(t.split('公务员年度考核登记表（2025年度）').length - 1).toBeGreaterThanOrEqual(2)
    expect(t).toContain('张明')
  })
})

describe('the contract’s limits on a part', () => {
  it('refuses a text over the part’s limit, naming the part', () => {
    const r = registerMethods['register.saveOwn'].input.safeParse({ year: 2025, personId: 1, part: 'opinion', text: '意'.repeat(301) })
    expect(r.success).toBe(false)
    expect(JSON.stringify(r.error?.issues)).toContain('本人意见')
    expect(registerMethods['register.saveOwn'].input.safeParse({ year: 2025, personId: 1, part: 'summary', text: '总'.repeat(3000) }).success).toBe(true)
    // The person cannot name a part that is not theirs.
    expect(registerMethods['register.saveOwn'].input.safeParse({ year: 2025, personId: 1, part: 'supervisor', text: 'x' }).success).toBe(false)
    expect(registerMethods['register.saveHr'].input.safeParse({ year: 2025, personId: 1, part: 'summary', text: 'x' }).success).toBe(false)
    expect(registerMethods['register.saveSupervisor'].input.safeParse({ year: 2025, personId: 1, text: 'x', suggestedGrade: '良好' }).success).toBe(false)
  })
})
