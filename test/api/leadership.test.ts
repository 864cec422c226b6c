import { describe, expect, it } from 'vitest'
import type { FileContent } from '../../src/shared/api/types'
import { readyUnit, passwordOf, type ReadyUnit } from '../support/tempUnit'
import { leadershipInputs } from '../../src/main/core/leadership/inputs'

/** Late in 2026: the 2026 guideline published now is in force at the year's end. */
const NOW = new Date('2026-06-10T10:00:00Z')
const csv = (fileName: string, text: string): FileContent => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') })

/** 李明 (head1) heads the group, 王芳 (lead2) is a member; 王芳 and 孙丽 are declared close relatives. */
const ROSTER =
  '工号,姓名,科室,岗位,岗位类别,职级,直接主管工号,风险岗位,在职状态,入职日期\n' +
  [
    '0101,李明,办公室,主任,综合管理,一级主任科员,,否,在职,2008-09-01',
    '0102,王芳,办公室,副主任,综合管理,一级科员,0101,否,在职,2019-07-01',
    '0401,赵刚,综合执法大队,大队长,行政执法,一级主任科员,0101,是,在职,2010-03-01',
    '0402,孙丽,综合执法大队,执法队员,行政执法,二级科员,0401,是,在职,2020-08-01',
  ].join('\n') +
  '\n'

const ALL_GENERAL = { political_stance: 90, professional_ethics: 88, policy_drafting: 85, innovation: 80, initiative: 86, special_contribution: 75 }

async function unit(): Promise<{ u: ReadyUnit; p: Record<string, number> }> {
  const u = await readyUnit({ clock: () => NOW })
  await u.as('sysadmin')
  const lead2 = await u.ok('users.add', { username: 'lead2', displayName: '王芳', password: 'lead2-First-1' })
  await u.as('secadmin')
  await u.ok('roles.grant', { userId: lead2.id, role: 'leader' })
  await u.login('lead2', 'lead2-First-1')
  await u.ok('auth.changePassword', { oldPassword: 'lead2-First-1', newPassword: passwordOf('lead2') })
  await u.as('hr1')
  await u.ok('org.roster.import', csv('花名册.csv', ROSTER))
  const p = Object.fromEntries((await u.ok('org.people.list', {})).map((x) => [x.name, x.id]))
  await u.ok('org.people.linkAccount', { personId: p.李明!, userId: u.ids.head1! })
  await u.ok('org.people.linkAccount', { personId: p.王芳!, userId: lead2.id })
  await u.ok('org.leadership.set', { headId: p.李明!, memberIds: [p.王芳!], disciplineIds: [], effectiveOn: '2026-01-01' })
  await u.ok('guideline.saveDraft', { year: 2026 })
  await u.as('head1')
  await u.ok('guideline.publish', { year: 2026 })
  await u.as('hr1')
  await u.ok('leadership.declareRelative', { personA: p.孙丽!, personB: p.王芳!, relation: '配偶' })
  return { u, p }
}

describe('leadership evaluation sheets', () => {
  it('recuse each member from themself and from a declared close relative, and record it', async () => {
    const { u, p } = await unit()
    await u.as('head1')
    const mine = await u.ok('leadership.mySheets', { year: 2026 })
    expect(mine.people.filter((x) => x.recused).map((x) => [x.name, x.recused])).toEqual([['李明', 'self']])
    expect(mine).toMatchObject({ raterName: '李明', submitted: 0, total: 3 })
    await u.as('lead2')
    const hers = await u.ok('leadership.mySheets', { year: 2026 })
    expect(hers.people.filter((x) => x.recused).map((x) => [x.name, x.recused])).toEqual([
      ['王芳', 'self'],
      ['孙丽', 'relative'],
    ])
    expect(await u.err('leadership.saveSheet', { year: 2026, personId: p.孙丽!, scores: {} })).toMatchObject({ code: 'LEADERSHIP_RECUSED', params: { rater: '王芳', name: '孙丽' } })
    expect((await u.ok('leadership.sheet', { year: 2026, personId: p.孙丽! })).indicators).toEqual([])

    await u.as('hr1')
    const progress = await u.ok('leadership.open', { year: 2026 })
    expect(progress.recusals.map((r) => [r.raterName, r.personName, r.reason])).toEqual([
      ['李明', '李明', 'self'],
      ['王芳', '王芳', 'self'],
      ['王芳', '孙丽', 'relative'],
    ])
    expect(progress.members).toEqual([
      expect.objectContaining({ name: '李明', submitted: 0, total: 3 }),
      expect.objectContaining({ name: '王芳', submitted: 0, total: 2 }),
    ])
    // Staff cannot see the sheets at all.
    await u.as('staff1')
    expect(await u.err('leadership.mySheets', { year: 2026 })).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('shows the person’s rated indicators beside the evidence; submit needs every score and then locks', async () => {
    const { u, p } = await unit()
    await u.as('head1')
    await u.ok('ledger.add', { personId: p.王芳!, day: '2026-03-02', kind: 'outstanding', text: '防汛值守表现突出' })
    await u.as('head1')
    const sheet = await u.ok('leadership.sheet', { year: 2026, personId: p.王芳! })
    expect(sheet.indicators.map((i) => i.name)).toEqual(['政治立场', '职业道德', '政策解读与文稿', '创新攻坚', '担当作为', '特色贡献'])
    expect(sheet.evidence.ledger).toEqual([{ day: '2026-03-02', kind: 'outstanding', text: '防汛值守表现突出' }])
    expect(sheet.evidence.quarterly.map((q) => q.quarter)).toEqual([1, 2, 3, 4])
    const names = sheet.evidence.metrics.map((m) => m.name)
    expect(names).toEqual(expect.arrayContaining(['培训考核', '出勤纪律', '核心任务', '服务评价', '纪律遵守', '风险防控']))
    // No exam, no task, no response: N/A, shown as such (null, with its flag).
    const training = sheet.evidence.metrics.find((m) => m.name === '培训考核')!
    expect(training).toMatchObject({ score: null, flags: ['NO_EXAMS'] })

    expect(await u.err('leadership.saveSheet', { year: 2026, personId: p.王芳!, scores: { bogus: 80 } })).toMatchObject({ code: 'LEADERSHIP_UNKNOWN_INDICATOR' })
    const draft = await u.ok('leadership.saveSheet', { year: 2026, personId: p.王芳!, scores: { political_stance: 90 } })
    expect(draft.status).toBe('draft')
    expect(draft.indicators.find((i) => i.id === 'political_stance')?.score).toBe(90)
    const incomplete = await u.err('leadership.saveSheet', { year: 2026, personId: p.王芳!, scores: {}, submit: true })
    expect(incomplete).toMatchObject({ code: 'LEADERSHIP_INCOMPLETE', params: { name: '王芳' } })
    expect(String(incomplete.params?.missing)).toContain('职业道德')
    const done = await u.ok('leadership.saveSheet', { year: 2026, personId: p.王芳!, scores: ALL_GENERAL, submit: true })
    expect(done).toMatchObject({ status: 'submitted', submittedAt: NOW.toISOString() })
    expect(await u.err('leadership.saveSheet', { year: 2026, personId: p.王芳!, scores: { political_stance: 60 } })).toMatchObject({ code: 'LEADERSHIP_SUBMITTED' })
    expect((await u.ok('leadership.mySheets', { year: 2026 })).submitted).toBe(1)
    // The audit entry names the sheet, never the scores.
    await u.as('auditor')
    const entry = (await u.ok('audit.list', { action: 'leadership.saveSheet', outcome: 'ok', limit: 1 })).entries[0]
    expect(entry).toMatchObject({ actor: 'head1', target: `person:${p.王芳}`, detail: { submitted: true } })
    expect(JSON.stringify(entry)).not.toContain('"90"')
  })

  it('gives the engine the submitted, non-recused members’ scores only; drafts and pending sheets are listed', async () => {
    const { u, p } = await unit()
    await u.as('head1')
    await u.ok('leadership.saveSheet', { year: 2026, personId: p.赵刚!, scores: { ...ALL_GENERAL, political_stance: 92 }, submit: true })
    await u.ok('leadership.saveSheet', { year: 2026, personId: p.孙丽!, scores: { political_stance: 70 } })
    await u.as('lead2')
    await u.ok('leadership.saveSheet', { year: 2026, personId: p.赵刚!, scores: { ...ALL_GENERAL, political_stance: 81.5 }, submit: true })
    const inputs = leadershipInputs(u.app.state.session!.store, 2026)
    expect(inputs.ratings.get(p.赵刚!)?.get('political_stance')).toEqual([92, 81.5])
    expect(inputs.ratings.has(p.孙丽!)).toBe(false)
    expect(inputs.pendingSheets).toEqual([
      { raterName: '李明', count: 2 },
      { raterName: '王芳', count: 1 },
    ])
  })

  it('imports a meeting’s score sheet: row-level errors in both languages, a dry run, then the sheets', async () => {
    const { u, p } = await unit()
    const header = '工号,姓名,评分人,政治立场,职业道德,政策解读与文稿,创新攻坚,担当作为,特色贡献\n'
    const bad = csv(
      '评分表.csv',
      header +
        '0401,赵刚,李明,90,88,85,80,86,75\n' +
        '0402,孙丽,王芳,90,88,85,80,86,75\n' +
        '0401,赵刚,张三,90,88,85,80,86,75\n' +
        '0999,无名,李明,90,88,85,80,86,75\n' +
        '0402,孙丽,李明,101,88,85,80,,75\n',
    )
    await u.as('hr1')
    const preview = await u.ok('leadership.previewScores', { year: 2026, file: bad })
    expect(preview.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, '评分人', 'SCORES_RECUSED'],
      [4, '评分人', 'SCORES_NOT_MEMBER'],
      [5, '工号', 'SCORES_UNKNOWN_STAFF_NO'],
      [6, '政治立场', 'SCORES_BAD_SCORE'],
      [6, '担当作为', 'SCORES_MISSING_SCORE'],
    ])
    expect(preview.errors[0]).toMatchObject({ zh: '王芳 须回避对 孙丽 的评分（近亲属）', en: expect.stringContaining('recused') })
    expect(await u.err('leadership.importScores', { year: 2026, file: bad })).toMatchObject({ code: 'LEADERSHIP_IMPORT_INVALID', params: { count: 5, row: 3 } })
    expect(leadershipInputs(u.app.state.session!.store, 2026).ratings.size).toBe(0)

    const good = csv('评分表.csv', header + '0401,赵刚,李明,90,88,85,80,86,75\n0402,孙丽,0101,70.5,88,85,80,86,75\n')
    const dry = await u.ok('leadership.previewScores', { year: 2026, file: good })
    expect(dry).toMatchObject({ rows: 2, sheets: 2, errors: [] })
    expect(leadershipInputs(u.app.state.session!.store, 2026).ratings.size).toBe(0)
    expect(await u.ok('leadership.importScores', { year: 2026, file: good })).toEqual({ sheets: 2 })
    const inputs = leadershipInputs(u.app.state.session!.store, 2026)
    expect(inputs.ratings.get(p.孙丽!)?.get('political_stance')).toEqual([70.5])
    await u.as('head1')
    expect((await u.ok('leadership.sheet', { year: 2026, personId: p.赵刚! })).status).toBe('submitted')
  })
})
