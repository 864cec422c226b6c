import { describe, expect, it } from 'vitest'
import type { FileContent } from '../../src/shared/api/types'
import { readyUnit, passwordOf, type ReadyUnit } from '../support/tempUnit'
import { integrityInputs } from '../../src/main/core/integrity/inputs'

const NOW = new Date('2026-06-10T10:00:00Z')
const csv = (fileName: string, text: string): FileContent => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') })

/** 赵刚 is disc1, 钱伟 is disc2 (both discipline office); 孙丽 (staff1) holds a risk post. */
const ROSTER =
  '工号,姓名,科室,岗位,岗位类别,职级,直接主管工号,风险岗位,在职状态,入职日期\n' +
  [
    '0101,李明,办公室,主任,综合管理,一级主任科员,,否,在职,2008-09-01',
    '0301,赵刚,纪检室,纪检员,综合管理,一级主任科员,0101,否,在职,2010-03-01',
    '0302,钱伟,纪检室,纪检员,综合管理,二级科员,0101,否,在职,2018-08-01',
    '0402,孙丽,综合执法大队,执法队员,行政执法,二级科员,0101,是,在职,2020-08-01',
  ].join('\n') +
  '\n'

async function unit(): Promise<{ u: ReadyUnit; p: Record<string, number> }> {
  const u = await readyUnit({ clock: () => NOW })
  await u.as('sysadmin')
  const disc2 = await u.ok('users.add', { username: 'disc2', displayName: '钱伟', password: 'disc2-First-1' })
  await u.as('secadmin')
  await u.ok('roles.grant', { userId: disc2.id, role: 'discipline' })
  await u.login('disc2', 'disc2-First-1')
  await u.ok('auth.changePassword', { oldPassword: 'disc2-First-1', newPassword: passwordOf('disc2') })
  // disc1, who holds the T3 key, hands it over at sign-in.
  await u.as('disc1')
  await u.as('hr1')
  await u.ok('org.roster.import', csv('花名册.csv', ROSTER))
  const p = Object.fromEntries((await u.ok('org.people.list', {})).map((x) => [x.name, x.id]))
  await u.ok('org.people.linkAccount', { personId: p.赵刚!, userId: u.ids.disc1! })
  await u.ok('org.people.linkAccount', { personId: p.钱伟!, userId: disc2.id })
  await u.ok('org.people.linkAccount', { personId: p.孙丽!, userId: u.ids.staff1! })
  return { u, p }
}

const store = (u: ReadyUnit) => u.app.state.session!.store
const raw = (u: ReadyUnit, sql: string) => store(u).raw.prepare(sql).all() as Record<string, unknown>[]

describe('special integrity review (T3)', () => {
  it('the discipline office sees the details; HR and the leadership group see the outcome only; T3 reads are audited', async () => {
    const { u, p } = await unit()
    await u.as('disc1')
    expect(await u.err('integrity.recordReview', { year: 2026, personId: p.孙丽!, status: 'completed' })).toMatchObject({ code: 'INTEGRITY_REVIEW_INVALID' })
    expect(await u.err('integrity.recordReview', { year: 2026, personId: p.孙丽!, status: 'completed', finding: 'minor' })).toMatchObject({ code: 'INTEGRITY_REVIEW_INVALID' })
    await u.ok('integrity.recordReview', { year: 2026, personId: p.孙丽!, status: 'pending', details: '调取执法记录仪' })
    const done = await u.ok('integrity.recordReview', { year: 2026, personId: p.孙丽!, status: 'completed', finding: 'minor', minorCount: 2, details: '两次未按规定出示证件' })
    expect(done).toMatchObject({ status: 'completed', finding: 'minor', minorCount: 2, details: '两次未按规定出示证件' })
    const list = await u.ok('integrity.reviews', { year: 2026 })
    // Risk posts first.
    expect(list[0]).toMatchObject({ name: '孙丽', riskPost: true, details: '两次未按规定出示证件' })
    // The database holds the details sealed, never as text.
    expect(JSON.stringify(raw(u, 'SELECT details_t3 FROM integrity_reviews'))).not.toContain('出示证件')

    for (const who of ['hr1', 'head1']) {
      await u.as(who)
      expect(await u.err('integrity.reviews', { year: 2026 })).toMatchObject({ code: 'FORBIDDEN' })
      const outcomes = await u.ok('integrity.outcomes', { year: 2026 })
      const sun = outcomes.reviews.find((r) => r.personId === p.孙丽)!
      expect(sun).toMatchObject({ status: 'completed', finding: 'minor', minorCount: 2 })
      expect(sun).not.toHaveProperty('details')
      expect(JSON.stringify(outcomes)).not.toContain('出示证件')
    }
    await u.as('auditor')
    const reads = await u.ok('audit.list', { action: 'integrity.reviews', outcome: 'ok', limit: 5 })
    expect(reads.entries[0]).toMatchObject({ actor: 'disc1', action: 'integrity.reviews' })
    const write = (await u.ok('audit.list', { action: 'integrity.recordReview', outcome: 'ok', limit: 1 })).entries[0]
    expect(write).toMatchObject({ actor: 'disc1', target: `person:${p.孙丽}` })
    expect(JSON.stringify(write)).not.toContain('出示证件')
    expect(integrityInputs(store(u), 2026).get(p.孙丽!)?.review).toEqual({ status: 'completed', outcome: { finding: 'minor', count: 2 } })
  })

  it('keeps sanctions from the policy’s table and open investigations for the engine', async () => {
    const { u, p } = await unit()
    await u.as('disc1')
    expect(await u.err('integrity.addSanction', { personId: p.孙丽!, sanction: '罚站', decidedOn: '2026-05-01' })).toMatchObject({ code: 'INTEGRITY_SANCTION_UNKNOWN' })
    const s = await u.ok('integrity.addSanction', { personId: p.孙丽!, sanction: '诫勉', decidedOn: '2026-05-01', documentNo: '纪字〔2026〕3号', details: '违规收受礼品' })
    expect(s).toMatchObject({ sanction: '诫勉', effect: 'notExcellent', effectiveFrom: '2026-05-01', effectiveTo: null, details: '违规收受礼品' })
    await u.ok('integrity.addSanction', { personId: p.孙丽!, sanction: '记过', decidedOn: '2025-11-20' })
    const inv = await u.ok('integrity.openInvestigation', { personId: p.李明!, openedOn: '2026-06-01', details: '立案审查' })
    let inputs = integrityInputs(store(u), 2026)
    expect(inputs.get(p.孙丽!)).toMatchObject({ sanctions: ['诫勉'], sanctionsLastYear: ['记过'], underInvestigation: false })
    expect(inputs.get(p.李明!)).toMatchObject({ sanctions: [], underInvestigation: true, review: { status: 'none' } })
    await u.ok('integrity.closeInvestigation', { id: inv.id, closedOn: '2026-06-05' })
    inputs = integrityInputs(store(u), 2026)
    expect(inputs.get(p.李明!)?.underInvestigation).toBe(false)
    expect(JSON.stringify(raw(u, 'SELECT details_t3 FROM sanctions'))).not.toContain('礼品')
    await u.as('hr1')
    const outcomes = await u.ok('integrity.outcomes', { year: 2026 })
    expect(outcomes.sanctions).toEqual([{ personId: p.孙丽, name: '孙丽', sanction: '诫勉', decidedOn: '2026-05-01', effect: 'notExcellent' }])
    expect(await u.err('integrity.sanctions', {})).toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('whistle-blowing leads (举报线索)', () => {
  it('only the discipline office reads a lead; the person named never sees it; the reporter is T3; an anonymous kiosk lead has none', async () => {
    const { u, p } = await unit()
    await u.as('staff1')
    const signed = await u.ok('leads.lodge', { text: '赵刚在检查中收受购物卡', namedPersonId: p.赵刚! })
    expect(signed).toEqual({ id: expect.any(Number), lodgedOn: '2026-06-10' })
    await u.ok('leads.lodge', { text: '某窗口吃拿卡要', anonymous: true })
    expect(await u.err('leads.list', {})).toMatchObject({ code: 'FORBIDDEN' })
    await u.as('hr1')
    await u.ok('kiosk.start', {})
    await u.ok('leads.lodgeAtKiosk', { text: '办事窗口态度差' })
    // While the kiosk runs nothing else is possible, as for the kiosk survey.
    expect(await u.err('leads.list', {})).toMatchObject({ code: 'KIOSK_MODE' })
    await u.ok('kiosk.exit', { password: passwordOf('hr1') })
    expect(await u.err('leads.list', {})).toMatchObject({ code: 'FORBIDDEN' })

    // Nothing readable in the rows: no text, no reporter, not even who lodged it.
    const rows = JSON.stringify(raw(u, 'SELECT * FROM leads'))
    for (const secret of ['购物卡', '吃拿卡要', '态度差', 'staff1']) expect(rows).not.toContain(secret)

    // 赵刚 (disc1) is named: his inbox does not hold that lead, and he cannot act on it.
    await u.as('disc1')
    const his = await u.ok('leads.list', {})
    expect(his.map((l) => l.text).sort()).toEqual(['办事窗口态度差', '某窗口吃拿卡要'])
    expect(await u.err('leads.update', { id: signed.id, status: 'verifying' })).toMatchObject({ code: 'NOT_FOUND' })

    await u.as('disc2')
    const all = await u.ok('leads.list', {})
    expect(all.map((l) => [l.channel, l.reporter, l.text])).toEqual([
      ['kiosk', null, '办事窗口态度差'],
      ['signedIn', null, '某窗口吃拿卡要'],
      ['signedIn', 'staff1（staff1）', '赵刚在检查中收受购物卡'],
    ])
    expect(all[2]!.namedPerson).toMatchObject({ name: '赵刚' })
    await u.ok('leads.update', { id: signed.id, status: 'verifying' })
    expect(await u.err('leads.update', { id: signed.id, status: 'concluded' })).toMatchObject({ code: 'INVALID_INPUT' })
    const concluded = await u.ok('leads.update', { id: signed.id, status: 'concluded', conclusion: '经核查，反映问题不属实' })
    expect(concluded).toMatchObject({ status: 'concluded', conclusion: '经核查，反映问题不属实', reporter: 'staff1（staff1）' })
    expect(await u.err('leads.update', { id: signed.id, status: 'verifying' })).toMatchObject({ code: 'LEAD_STATUS_INVALID' })
    expect(JSON.stringify(raw(u, 'SELECT * FROM leads'))).not.toContain('不属实')

    // Every access is audited, and no entry holds the text.
    await u.as('auditor')
    const lodged = await u.ok('audit.list', { action: 'leads.lodge', outcome: 'ok', limit: 5 })
    expect(lodged.entries.filter((e) => e.action === 'leads.lodge')).toHaveLength(2)
    const listed = await u.ok('audit.list', { action: 'leads.list', outcome: 'ok', limit: 5 })
    expect(listed.entries.map((e) => e.actor)).toEqual(['disc2', 'disc1'])
    const kiosk = await u.ok('audit.list', { action: 'leads.lodgeAtKiosk', outcome: 'ok', limit: 5 })
    expect(kiosk.entries).toHaveLength(1)
    const everything = JSON.stringify(await u.ok('audit.list', { limit: 200 }))
    for (const secret of ['购物卡', '吃拿卡要', '态度差', '不属实']) expect(everything).not.toContain(secret)
  })
})
