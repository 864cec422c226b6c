import { createHash } from 'node:crypto'
import { crc32 } from 'node:zlib'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { LEDGER_KINDS, type LedgerKind } from '../../src/shared/ledger'
import { localDate } from '../../src/shared/dates'
import type { FileContent, LedgerEntryView } from '../../src/shared/api/types'
import type { InputOf } from '../../src/shared/api/contract'
import type { Store } from '../../src/main/db/store'
import { countLedger, listLedger, MAX_ATTACHMENT_BYTES, PER_KIND_MAX, PER_PERSON_SCOPE_MAX, SCAN_MAX, type LedgerFilter, type LedgerScope } from '../../src/main/core/ledger'
import { readyUnit, type ReadyUnit } from '../support/tempUnit'

/** A fixed clock: "today" is whatever day 2026-06-15 noon UTC is here. */
const NOW = new Date('2026-06-15T12:00:00Z')
const TODAY = localDate(NOW)

const csv = (fileName: string, text: string): FileContent => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') })
const file = (fileName: string, bytes: Buffer): FileContent => ({ fileName, contentBase64: bytes.toString('base64') })

/**
 * 李明 (none1) heads the unit; 赵刚 (disc1) reports to him and supervises 孙丽 (staff1) and 钱伟;
 * 王芳 reports to 李明 directly: another team as far as 赵刚 is concerned.
 */
const ROSTER =
  '工号,姓名,科室,岗位,岗位类别,职级,直接主管工号,风险岗位,在职状态,入职日期\n' +
  [
    '0101,李明,办公室,主任,综合管理,一级主任科员,,否,在职,2008-09-01',
    '0102,王芳,办公室,文秘,综合管理,一级科员,0101,否,在职,2019-07-01',
    '0401,赵刚,综合执法大队,大队长,行政执法,一级主任科员,0101,是,在职,2010-03-01',
    '0402,孙丽,综合执法大队,执法队员,行政执法,二级科员,0401,是,在职,2020-08-01',
    '0403,钱伟,综合执法大队,执法队员,行政执法,二级科员,0401,是,在职,2018-08-01',
  ].join('\n') +
  '\n'

interface Team {
  u: ReadyUnit
  /** Person ids by name. */
  p: Record<'李明' | '王芳' | '赵刚' | '孙丽' | '钱伟', number>
}

async function team(): Promise<Team> {
  const u = await readyUnit({ clock: () => NOW })
  await u.as('hr1')
  await u.ok('org.roster.import', csv('花名册.csv', ROSTER))
  const people = await u.ok('org.people.list', {})
  const p = Object.fromEntries(people.map((x) => [x.name, x.id])) as Team['p']
  await u.ok('org.people.linkAccount', { personId: p.李明, userId: u.ids.none1! })
  await u.ok('org.people.linkAccount', { personId: p.赵刚, userId: u.ids.disc1! })
  await u.ok('org.people.linkAccount', { personId: p.孙丽, userId: u.ids.staff1! })
  return { u, p }
}

type AddInput = InputOf<'ledger.add'>
const entry = (personId: number, over: Partial<AddInput> = {}): AddInput => ({ personId, day: '2026-05-20', kind: 'workRecord', text: '完成市场巡查 12 户', ...over })

async function add(u: ReadyUnit, as: string, input: AddInput): Promise<LedgerEntryView> {
  await u.as(as)
  return u.ok('ledger.add', input)
}

async function lastAudit(u: ReadyUnit, action: string, outcome: 'ok' | 'denied' | 'failed') {
  await u.as('auditor')
  return (await u.ok('audit.list', { action, outcome, limit: 1 })).entries[0]
}

function storeOf(u: ReadyUnit): Store {
  const s = u.app.state.session
  if (!s) throw new Error('sign in first')
  return s.store
}

/** Every entry a list returns, following `next` until the end. */
async function allPages(u: ReadyUnit, filter: Omit<InputOf<'ledger.list'>, 'after' | 'limit'>, limit: number): Promise<LedgerEntryView[]> {
  const out: LedgerEntryView[] = []
  let after: { day: string; id: number } | undefined
  for (let i = 0; i < 10_000; i++) {
    const page = await u.ok('ledger.list', { ...filter, limit, ...(after ? { after } : {}) })
    expect(page.entries.length).toBeLessThanOrEqual(limit)
    out.push(...page.entries)
    if (!page.next) return out
    expect(page.entries.length).toBe(limit)
    after = page.next
  }
  throw new Error('paging did not end')
}

describe('writing the ledger', () => {
  it('a supervisor writes for a direct report; another team, the chain above and HR are refused and audited', async () => {
    const { u, p } = await team()
    const e = await add(u, 'disc1', entry(p.孙丽, { kind: 'taskProgress', taskRef: 'T-2026-03', progress: 40 }))
    expect(e).toMatchObject({
      personId: p.孙丽,
      personName: '孙丽',
      staffNo: '0402',
      day: '2026-05-20',
      kind: 'taskProgress',
      taskRef: 'T-2026-03',
      progress: 40,
      source: 'manual',
      author: 'disc1',
      voided: null,
      attachments: [],
    })
    const ok = await lastAudit(u, 'ledger.add', 'ok')
    expect(ok).toMatchObject({ actor: 'disc1', target: `ledgerEntry:${e.id}`, detail: { personId: p.孙丽, kind: 'taskProgress', attachments: 0 } })
    expect(JSON.stringify(ok)).not.toContain('巡查')

    for (const [as, personId] of [
      ['disc1', p.王芳],
      ['none1', p.孙丽],
      ['hr1', p.孙丽],
      ['staff1', p.孙丽],
    ] as const) {
      await u.as(as)
      expect(await u.err('ledger.add', entry(personId)), `${as} → ${personId}`).toMatchObject({ code: 'FORBIDDEN' })
      expect(await lastAudit(u, 'ledger.add', 'denied')).toMatchObject({ actor: as, outcome: 'denied' })
    }
  })

  it('refuses a day after today, a day the person was not in the unit, and progress without a task', async () => {
    const { u, p } = await team()
    await u.as('disc1')
    const tomorrow = localDate(new Date(NOW.getTime() + 86_400_000))
    expect(await u.err('ledger.add', entry(p.孙丽, { day: tomorrow }))).toMatchObject({ code: 'LEDGER_DAY_IN_FUTURE', params: { day: tomorrow, today: TODAY } })
    expect((await u.ok('ledger.add', entry(p.孙丽, { day: TODAY }))).day).toBe(TODAY)
    expect(await u.err('ledger.add', entry(p.孙丽, { day: '2020-07-31' }))).toMatchObject({ code: 'LEDGER_PERSON_NOT_IN_UNIT', params: { name: '孙丽' } })
    expect(await u.err('ledger.add', entry(p.孙丽, { progress: 50 }))).toMatchObject({ code: 'INVALID_INPUT' })
    expect(await u.err('ledger.add', entry(p.孙丽, { kind: 'gossip' as LedgerKind }))).toMatchObject({ code: 'INVALID_INPUT' })
    expect(await u.err('ledger.add', { ...entry(p.孙丽), personId: 9999 })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await lastAudit(u, 'ledger.add', 'failed')).toMatchObject({ actor: 'disc1', detail: { error: 'INVALID_INPUT' } })
  })
})

describe('reading the ledger', () => {
  it('the person reads their own, supervisors their chain, HR and the leadership group everyone', async () => {
    const { u, p } = await team()
    await add(u, 'disc1', entry(p.孙丽, { text: '孙丽 的记录' }))
    await add(u, 'disc1', entry(p.钱伟, { text: '钱伟 的记录' }))
    await add(u, 'none1', entry(p.王芳, { text: '王芳 的记录' }))
    await add(u, 'none1', entry(p.赵刚, { text: '赵刚 的记录' }))
    const names = async (as: string, filter: InputOf<'ledger.list'> = {}) => {
      await u.as(as)
      return (await u.ok('ledger.list', filter)).entries.map((e) => e.personName).sort()
    }
    expect(await names('staff1')).toEqual(['孙丽'])
    expect(await names('staff1', { personId: p.孙丽 })).toEqual(['孙丽'])
    expect(await names('disc1')).toEqual(['孙丽', '赵刚', '钱伟'])
    expect(await names('none1')).toEqual(['孙丽', '王芳', '赵刚', '钱伟'])
    expect(await names('none1', { personId: p.孙丽 })).toEqual(['孙丽'])
    expect(await names('hr1')).toEqual(['孙丽', '王芳', '赵刚', '钱伟'])
    expect(await names('head1', { personId: p.王芳 })).toEqual(['王芳'])

    for (const [as, personId] of [
      ['staff1', p.钱伟],
      ['disc1', p.王芳],
      ['sysadmin', undefined],
    ] as const) {
      await u.as(as)
      expect(await u.err('ledger.list', personId ? { personId } : {}), as).toMatchObject({ code: 'FORBIDDEN' })
    }
  })
})

describe('voiding', () => {
  it('voids with a reason; voided entries are hidden unless asked for, never deleted, and cannot be voided twice', async () => {
    const { u, p } = await team()
    const keep = await add(u, 'disc1', entry(p.孙丽, { text: '保留' }))
    const wrong = await add(u, 'disc1', entry(p.孙丽, { text: '记错了人' }))

    // Only the direct supervisor voids: the person and the chain above are refused, and the refusal is audited.
    for (const as of ['staff1', 'none1']) {
      await u.as(as)
      expect(await u.err('ledger.void', { entryId: wrong.id, reason: '不应作废' })).toMatchObject({ code: 'FORBIDDEN' })
      expect(await lastAudit(u, 'ledger.void', 'denied')).toMatchObject({ actor: as, target: `ledgerEntry:${wrong.id}`, detail: { error: 'FORBIDDEN' } })
    }
    await u.as('hr1')
    expect(await u.err('ledger.void', { entryId: wrong.id, reason: '不应作废' })).toMatchObject({ code: 'FORBIDDEN' })

    await u.as('disc1')
    expect(await u.err('ledger.void', { entryId: wrong.id, reason: '' })).toMatchObject({ code: 'INVALID_INPUT' })
    const voided = await u.ok('ledger.void', { entryId: wrong.id, reason: '记录对象有误' })
    expect(voided.voided).toMatchObject({ by: 'disc1', reason: '记录对象有误' })
    expect(await u.err('ledger.void', { entryId: wrong.id, reason: '再次作废' })).toMatchObject({ code: 'LEDGER_ALREADY_VOIDED', params: { id: wrong.id } })
    expect(await u.err('ledger.void', { entryId: 99_999, reason: '不存在' })).toMatchObject({ code: 'NOT_FOUND' })

    await u.as('staff1')
    expect((await u.ok('ledger.list', {})).entries.map((e) => e.id)).toEqual([keep.id])
    const all = (await u.ok('ledger.list', { includeVoided: true })).entries
    expect(all.map((e) => e.id).sort()).toEqual([keep.id, wrong.id].sort())
    expect(all.find((e) => e.id === wrong.id)!.voided).toMatchObject({ reason: '记录对象有误', by: 'disc1' })
    const count = storeOf(u).raw.prepare('SELECT count(*) AS n FROM ledger_entries').get() as { n: number }
    expect(count.n).toBe(2)
    const audit = await lastAudit(u, 'ledger.void', 'ok')
    expect(audit).toMatchObject({ actor: 'disc1', target: `ledgerEntry:${wrong.id}` })
  })

  it('an imported entry cannot be voided, even by the direct supervisor; the list says which entries can', async () => {
    const { u, p } = await team()
    const manual = await add(u, 'disc1', entry(p.孙丽, { text: '手工记录' }))
    expect(manual.voidable).toBe(true)
    const store = storeOf(u)
    const imported = Number(
      store.raw
        .prepare(`INSERT INTO ledger_entries (person_id, day, kind, text, source, author_id, created_at) VALUES (?, '2026-05-21', 'systemData', '系统导入的办件数据', 'import', ?, ?)`)
        .run(p.孙丽, u.ids.disc1!, NOW.toISOString()).lastInsertRowid,
    )

    const listed = (await u.ok('ledger.list', {})).entries
    expect(listed.map((e) => [e.id, e.source, e.voidable])).toEqual([
      [imported, 'import', false],
      [manual.id, 'manual', true],
    ])

    const refused = await u.err('ledger.void', { entryId: imported, reason: '导入有误' })
    expect(refused).toMatchObject({ code: 'LEDGER_NOT_VOIDABLE', params: { id: imported } })
    const row = storeOf(u).raw.prepare('SELECT voided_at, void_reason FROM ledger_entries WHERE id = ?').get(imported)
    expect(row).toEqual({ voided_at: null, void_reason: null })
    expect(await lastAudit(u, 'ledger.void', 'failed')).toMatchObject({ actor: 'disc1', target: `ledgerEntry:${imported}`, detail: { error: 'LEDGER_NOT_VOIDABLE' } })

    // Once voided, a hand-written entry is no longer voidable either.
    await u.as('disc1')
    const voided = await u.ok('ledger.void', { entryId: manual.id, reason: '记录有误' })
    expect(voided.voidable).toBe(false)
  })
})

// ---- Attachments ---------------------------------------------------------------------------

/** A minimal zip (stored, no compression) with the given parts: what .docx/.xlsx are made of. */
function zip(parts: Record<string, string>): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, text] of Object.entries(parts)) {
    const data = Buffer.from(text, 'utf8')
    const nameBytes = Buffer.from(name, 'utf8')
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, data)
    centrals.push(central, nameBytes)
    offset += 30 + nameBytes.length + data.length
  }
  const dir = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(parts).length, 8)
  end.writeUInt16LE(Object.keys(parts).length, 10)
  end.writeUInt32LE(dir.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, dir, end])
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1')
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('0000000d49484452', 'hex'), Buffer.alloc(64, 7)])
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0', 'latin1'), Buffer.alloc(64, 3), Buffer.from([0xff, 0xd9])])
const DOCX = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' })
const TXT = Buffer.from('防汛值班记录：\n6 月 12 日夜间巡堤 3 次，无险情。\n', 'utf8')

async function xlsxBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('成绩').addRow(['姓名', '成绩'])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe('attachments', () => {
  it('accepts the allowed types, stores a fingerprint and gives back the same bytes to those in scope only', async () => {
    const { u, p } = await team()
    const files = { '巡查照片.png': PNG, '现场.JPG': JPEG, 'scan.jpeg': JPEG, '通报.pdf': PDF, '说明.docx': DOCX, '成绩.xlsx': await xlsxBytes(), '值班.txt': TXT }
    const e = await add(u, 'none1', entry(p.王芳, { kind: 'volunteer', attachments: Object.entries(files).map(([n, b]) => file(n, b)) }))
    expect(e.attachments.map((a) => [a.fileName, a.mime, a.size])).toEqual([
      ['巡查照片.png', 'image/png', PNG.length],
      ['现场.JPG', 'image/jpeg', JPEG.length],
      ['scan.jpeg', 'image/jpeg', JPEG.length],
      ['通报.pdf', 'application/pdf', PDF.length],
      ['说明.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', DOCX.length],
      ['成绩.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', files['成绩.xlsx'].length],
      ['值班.txt', 'text/plain', TXT.length],
    ])
    const audit = await lastAudit(u, 'ledger.add', 'ok')
    expect(audit?.detail).toMatchObject({ attachments: 7 })
    expect(JSON.stringify(audit)).not.toContain(PDF.toString('base64').slice(0, 16))

    await u.as('hr1')
    const stored = storeOf(u).raw.prepare('SELECT id, sha256 FROM ledger_attachments ORDER BY id').all() as { id: number; sha256: string }[]
    for (const [i, a] of e.attachments.entries()) {
      const bytes = Object.values(files)[i]!
      expect(stored[i]!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
      for (const as of ['hr1', 'none1', 'head1']) {
        await u.as(as)
        const got = await u.ok('ledger.attachment', { attachmentId: a.id })
        expect(got.fileName).toBe(a.fileName)
        expect(Buffer.from(got.contentBase64, 'base64').equals(bytes), `${as} ${a.fileName}`).toBe(true)
      }
    }
    // Outside the person's scope: another team's supervisor, a colleague; an administrator at the router.
    for (const as of ['disc1', 'staff1']) {
      await u.as(as)
      expect(await u.err('ledger.attachment', { attachmentId: e.attachments[0]!.id })).toMatchObject({ code: 'FORBIDDEN' })
      expect(await lastAudit(u, 'ledger.attachment', 'denied')).toMatchObject({
        actor: as,
        target: `ledgerAttachment:${e.attachments[0]!.id}`,
        detail: { error: 'FORBIDDEN' },
      })
    }
    await u.as('sysadmin')
    expect(await u.err('ledger.attachment', { attachmentId: e.attachments[0]!.id })).toMatchObject({ code: 'FORBIDDEN' })
    await u.as('hr1')
    expect(await u.err('ledger.attachment', { attachmentId: 99_999 })).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('refuses a wrong extension, content that is not what the extension says, and files too large; nothing is stored', async () => {
    const { u, p } = await team()
    await u.as('disc1')
    const refused = async (attachments: FileContent[]) => (await u.err('ledger.add', entry(p.孙丽, { attachments }))).code
    expect(await refused([file('照片.pdf', PNG)])).toBe('LEDGER_ATTACHMENT_TYPE')
    expect(await refused([file('通报.png', PDF)])).toBe('LEDGER_ATTACHMENT_TYPE')
    expect(await refused([file('说明.docx', await xlsxBytes())])).toBe('LEDGER_ATTACHMENT_TYPE')
    expect(await refused([file('说明.xlsx', DOCX)])).toBe('LEDGER_ATTACHMENT_TYPE')
    expect(await refused([file('tool.exe', Buffer.from('MZ\x90\x00', 'latin1'))])).toBe('LEDGER_ATTACHMENT_TYPE')
    expect(await refused([file('noext', TXT)])).toBe('LEDGER_ATTACHMENT_TYPE')
    expect(await refused([file('gbk.txt', Buffer.from([0xb7, 0xc0, 0xd1, 0xb4, 0xff]))])).toBe('LEDGER_ATTACHMENT_TYPE')
    expect(await refused([file('binary.txt', Buffer.from('abc\0def'))])).toBe('LEDGER_ATTACHMENT_TYPE')
    expect(await refused([file('empty.pdf', Buffer.alloc(0))])).toBe('LEDGER_ATTACHMENT_TYPE')
    expect(await refused([file('ok.pdf', PDF), file('bad.jpg', PNG)])).toBe('LEDGER_ATTACHMENT_TYPE')
    expect(await refused([{ fileName: 'x.txt', contentBase64: '***not base64***' }])).toBe('INVALID_INPUT')

    const big = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES - PDF.length + 1, 0x20)])
    const tooBig = await u.err('ledger.add', entry(p.孙丽, { attachments: [file('大文件.pdf', big)] }))
    expect(tooBig).toMatchObject({ code: 'LEDGER_ATTACHMENT_TOO_LARGE', params: { fileName: '大文件.pdf', limitMb: 5 } })
    const justFits = big.subarray(0, MAX_ATTACHMENT_BYTES)
    const five = Array.from({ length: 5 }, (_, i) => file(`part${i}.pdf`, justFits))
    expect(await u.err('ledger.add', entry(p.孙丽, { attachments: five }))).toMatchObject({ code: 'LEDGER_ATTACHMENTS_TOO_LARGE', params: { limitMb: 20 } })

    const raw = storeOf(u).raw
    expect(raw.prepare('SELECT count(*) AS n FROM ledger_entries').get()).toEqual({ n: 0 })
    expect(raw.prepare('SELECT count(*) AS n FROM ledger_attachments').get()).toEqual({ n: 0 })
    // Exactly at the limit is fine.
    expect((await u.ok('ledger.add', entry(p.孙丽, { attachments: [file('刚好.pdf', justFits)] }))).attachments[0]!.size).toBe(MAX_ATTACHMENT_BYTES)
  })
})

// ---- Filters, paging, export -----------------------------------------------------------------

interface Seeded {
  id: number
  person: number
  day: string
  kind: LedgerKind
  text: string
  voided: boolean
}

const TEXTS = ['日常巡查', '参加防汛值班', '完成 50% 的整改', 'Audit of Market_Stall records', '会议纪要：部署安全检查', '群众投诉处理']

/** Many entries straight into the table, with repeated days so paging must break ties by id. */
function seed(store: Store, people: number[], authorId: number, n: number): Seeded[] {
  let s = 7
  const rand = (k: number) => ((s = (s * 1103515245 + 12345) >>> 0) >>> 16) % k
  const insert = store.raw.prepare(
    `INSERT INTO ledger_entries (person_id, day, kind, text, source, author_id, created_at, voided_at, voided_by, void_reason)
     VALUES (?, ?, ?, ?, 'import', ?, ?, ?, ?, ?)`,
  )
  const out: Seeded[] = []
  store.tx(() => {
    for (let i = 0; i < n; i++) {
      const person = people[rand(people.length)]!
      const day = `2026-0${1 + rand(5)}-${String(1 + rand(6) * 5).padStart(2, '0')}`
      const kind = LEDGER_KINDS[rand(5)]!
      const text = `${TEXTS[rand(TEXTS.length)]} #${i}`
      const voided = rand(10) === 0
      const r = insert.run(person, day, kind, text, authorId, NOW.toISOString(), voided ? NOW.toISOString() : null, voided ? authorId : null, voided ? '录入错误' : null)
      out.push({ id: Number(r.lastInsertRowid), person, day, kind, text, voided })
    }
  })
  return out
}

function expected(rows: Seeded[], visible: ReadonlySet<number> | 'all', f: LedgerFilter): number[] {
  return rows
    .filter(
      (r) =>
        (visible === 'all' || visible.has(r.person)) &&
        (f.personId === undefined || r.person === f.personId) &&
        (!f.kinds?.length || f.kinds.includes(r.kind)) &&
        (!f.from || r.day >= f.from) &&
        (!f.to || r.day <= f.to) &&
        (!f.text || r.text.toLowerCase().includes(f.text.toLowerCase())) &&
        (f.includeVoided || !r.voided),
    )
    .sort((a, b) => (a.day === b.day ? b.id - a.id : a.day < b.day ? 1 : -1))
    .map((r) => r.id)
}

describe('the ledger list', () => {
  it('filters by person, kinds, dates and text, and pages by (day, id) with nothing missing or repeated', async () => {
    const { u, p } = await team()
    await u.as('hr1')
    const rows = seed(storeOf(u), Object.values(p), u.ids.hr1!, 420)
    const filters: Omit<InputOf<'ledger.list'>, 'after' | 'limit'>[] = [
      {},
      { includeVoided: true },
      { personId: p.孙丽 },
      { personId: p.钱伟, kinds: ['workRecord', 'taskProgress'], includeVoided: true },
      { kinds: ['meetingMinutes'] },
      { kinds: ['workRecord', 'outstanding'], from: '2026-02-01', to: '2026-04-11' },
      { kinds: ['workRecord', 'meetingMinutes', 'systemData', 'taskProgress', 'outstanding'] },
      { from: '2026-03-06', to: '2026-03-06' },
      { text: '防汛' },
      { text: '50%' },
      { text: 'market_stall' },
      { text: '_' },
      { text: '不存在的内容' },
      { personId: p.王芳, text: '巡查', from: '2026-02-01' },
    ]
    const chain = new Set([p.李明, p.王芳, p.赵刚, p.孙丽, p.钱伟])
    const actors: [string, ReadonlySet<number> | 'all'][] = [
      ['hr1', 'all'],
      ['none1', chain],
      ['disc1', new Set([p.赵刚, p.孙丽, p.钱伟])],
      ['staff1', new Set([p.孙丽])],
    ]
    for (const [as, visible] of actors) {
      await u.as(as)
      for (const f of filters) {
        if (f.personId !== undefined && visible !== 'all' && !visible.has(f.personId)) continue
        const want = expected(rows, visible, f)
        for (const limit of [7, 500]) {
          const got = (await allPages(u, f, limit)).map((e) => e.id)
          expect(got, `${as} ${JSON.stringify(f)} limit ${limit}`).toEqual(want)
        }
      }
    }
    // The seeded filters are not all empty (the test would prove nothing).
    expect(expected(rows, 'all', { text: '50%' }).length).toBeGreaterThan(10)
    expect(expected(rows, 'all', { text: '_' }).length).toBeGreaterThan(10)
    expect(expected(rows, 'all', { text: '_' }).length).toBeLessThan(rows.length / 2)
  })

  it('reads wide scopes, many kinds and sparse filters through the other query shapes with the same result', async () => {
    const { u, p } = await team()
    await u.as('hr1')
    const store = storeOf(u)
    const rows = seed(store, Object.values(p), u.ids.hr1!, 300)
    // A scope wider than the per-person threshold (ids of people who have no entries pad it out).
    const wide: LedgerScope = [p.孙丽, p.王芳, ...Array.from({ length: PER_PERSON_SCOPE_MAX + 5 }, (_, i) => 10_000 + i)]
    const manyKinds = LEDGER_KINDS.slice(0, PER_KIND_MAX + 1)
    const cases: [LedgerScope, LedgerFilter][] = [
      [wide, {}],
      [wide, { kinds: ['workRecord'] }],
      [wide, { kinds: manyKinds }],
      [wide, { text: '防汛' }],
      ['all', { kinds: manyKinds, text: '巡查' }],
      ['all', { kinds: ['meetingMinutes', 'outstanding'], text: '#1' }],
      ['all', { kinds: [...LEDGER_KINDS] }],
      ['all', { text: '防汛', from: '2026-02-01', includeVoided: true }],
      [[p.孙丽, p.钱伟], { text: '50%' }],
      [[p.孙丽, p.钱伟, p.王芳], { kinds: ['systemData'] }],
      [[], {}],
    ]
    // A small scan bound makes sparse filters stop early: short pages, but nothing lost or repeated.
    let shortPages = 0
    for (const scanMax of [SCAN_MAX, 40, 7]) {
      for (const [scope, f] of cases) {
        const got: number[] = []
        let after: { day: string; id: number } | undefined
        for (let n = 0; n < 1000; n++) {
          const page = listLedger(store, scope, { ...f, after, limit: 9 }, scanMax)
          got.push(...page.entries.map((e) => e.id))
          if (!page.next) break
          if (page.entries.length < 9) shortPages++
          after = page.next
        }
        const visible = scope === 'all' ? 'all' : new Set(scope)
        expect(got, JSON.stringify([scope.length, f, scanMax])).toEqual(expected(rows, visible, f))
      }
    }
    expect(shortPages).toBeGreaterThan(0)
  })

  it('the first page, when asked, carries the total the filters select, counted up to a bound', async () => {
    const { u, p } = await team()
    await u.as('hr1')
    const store = storeOf(u)
    const rows = seed(store, Object.values(p), u.ids.hr1!, 300)
    const cases: [LedgerScope, LedgerFilter][] = [
      ['all', {}],
      ['all', { includeVoided: true }],
      ['all', { kinds: ['workRecord', 'meetingMinutes'], from: '2026-02-01', to: '2026-04-11' }],
      [[p.孙丽, p.钱伟], {}],
      [[p.孙丽, p.钱伟], { personId: p.钱伟, kinds: ['taskProgress'] }],
      [[p.孙丽], { personId: p.王芳 }],
    ]
    for (const [scope, f] of cases) {
      const want = expected(rows, scope === 'all' ? 'all' : new Set(scope), f).length
      const first = listLedger(store, scope, { ...f, limit: 5, withTotal: true })
      expect(first.total, JSON.stringify([scope, f])).toEqual({ count: want, exact: true })
      // Later pages and callers that do not ask carry no total.
      expect(listLedger(store, scope, { ...f, limit: 5 }).total).toBeUndefined()
      if (first.next) expect(listLedger(store, scope, { ...f, limit: 5, after: first.next, withTotal: true }).total).toBeUndefined()
    }
    expect(expected(rows, 'all', {}).length).toBeGreaterThan(100)
    // Past the bound the count says "more than"; a text filter is not counted (it would scan everything).
    expect(countLedger(store, 'all', {}, 40)).toEqual({ count: 40, exact: false })
    expect(countLedger(store, 'all', { text: '防汛' })).toBeUndefined()
    // Through the API, as the renderer asks for it.
    const page = await u.ok('ledger.list', { limit: 10, withTotal: true })
    expect(page.total).toEqual({ count: expected(rows, 'all', {}).length, exact: true })
  })

  it('exports the filtered, scoped list as a real workbook with voided rows marked', async () => {
    const { u, p } = await team()
    await add(u, 'disc1', entry(p.孙丽, { day: '2026-05-02', kind: 'outstanding', text: '抢险救灾表现突出', taskRef: 'T-9', progress: 100 }))
    const wrong = await add(u, 'disc1', entry(p.孙丽, { day: '2026-05-01', text: '误录' }))
    await add(u, 'disc1', entry(p.钱伟, { day: '2026-05-03', text: '钱伟的条目' }))
    await u.ok('ledger.void', { entryId: wrong.id, reason: '误录作废' })

    const read = async (f: FileContent) => {
      expect(f.fileName).toMatch(/^台账-\d{4}-\d{2}-\d{2}\.xlsx$/)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(Buffer.from(f.contentBase64, 'base64') as unknown as ArrayBuffer)
      const ws = wb.getWorksheet('台账')!
      const values: unknown[][] = []
      ws.eachRow((row) => values.push((row.values as unknown[]).slice(1)))
      return values
    }
    await u.as('hr1')
    const sheet = await read(await u.ok('ledger.export', { personId: p.孙丽, includeVoided: true }))
    expect(sheet[0]).toEqual(['日期', '姓名', '工号', '类型', '内容', '关联任务', '进度', '记录人', '状态'])
    expect(sheet.slice(1)).toEqual([
      ['2026-05-02', '孙丽', '0402', '突出表现', '抢险救灾表现突出', 'T-9', 100, 'disc1', '有效'],
      ['2026-05-01', '孙丽', '0402', '工作记录', '误录', undefined, undefined, 'disc1', '已作废：误录作废'],
    ])
    const audit = await lastAudit(u, 'ledger.export', 'ok')
    expect(audit).toMatchObject({ actor: 'hr1', detail: { personId: p.孙丽, rows: 2, includeVoided: true } })

    await u.as('staff1')
    const own = await read(await u.ok('ledger.export', {}))
    expect(own.slice(1).map((r) => r[4])).toEqual(['抢险救灾表现突出'])
    await u.as('staff1')
    expect(await u.err('ledger.export', { personId: p.钱伟 })).toMatchObject({ code: 'FORBIDDEN' })
  })
})
