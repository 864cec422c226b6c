import { KaoheError } from '@shared/errors'
import { localDate } from '@shared/dates'
import type { LeadChannel, LeadLodged, LeadStatus, LeadView } from '@shared/api/integrity'
import type { ReadableDB, Store } from '../../db/store'
import { openField, sealField, sealForOffice, type T3Reader } from './t3'

/**
 * 举报线索 (whistle-blowing leads, plan §六 监督机制; RULES.md §9 T3): anyone signed in may lodge one,
 * signed or anonymous, and the kiosk takes anonymous ones; objections raised during the results'
 * publicity (公示) arrive here too (`channel: 'publicityObjection'`, lodged by core/annual). The
 * text, the reporter's identity and the conclusion are sealed for the discipline office only; the
 * row keeps the day, never the time, and no plain trace of who lodged it. A discipline-office member
 * named in a lead never sees it.
 */
const fields = (id: number) => ({ text: `lead:${id}:text`, reporter: `lead:${id}:reporter`, conclusion: `lead:${id}:conclusion` })

export function lodgeLead(
  store: Store,
  input: { channel: LeadChannel; text: string; namedPersonId?: number; reporter: string | null },
  now: Date,
): LeadLodged {
  if (input.namedPersonId !== undefined && !store.first(store.qb.selectFrom('people').select('id').where('id', '=', input.namedPersonId))) {
    throw new KaoheError('NOT_FOUND', { what: '人员 person', id: input.namedPersonId })
  }
  const day = localDate(now)
  const id = store.run(
    store.qb.insertInto('leads').values({
      lodged_on: day,
      channel: input.channel,
      reporter_t3: null,
      text_t3: '{}',
      named_person_id: input.namedPersonId ?? null,
      status: 'received',
      conclusion_t3: null,
      updated_on: day,
    }),
  ).lastInsertRowid
  const f = fields(id)
  store.run(
    store.qb
      .updateTable('leads')
      .set({ text_t3: sealForOffice(store, input.text, f.text), reporter_t3: input.reporter === null ? null : sealForOffice(store, input.reporter, f.reporter) })
      .where('id', '=', id),
  )
  return { id, lodgedOn: day }
}

function rows(db: ReadableDB) {
  return db.all(
    db.qb
      .selectFrom('leads as l')
      .leftJoin('people as p', 'p.id', 'l.named_person_id')
      .select(['l.id', 'l.lodged_on', 'l.channel', 'l.reporter_t3', 'l.text_t3', 'l.named_person_id', 'p.name', 'p.staff_no', 'l.status', 'l.conclusion_t3', 'l.updated_on'])
      .orderBy('l.id', 'desc'),
  )
}

type Row = ReturnType<typeof rows>[number]

function view(reader: T3Reader, r: Row): LeadView {
  const f = fields(r.id)
  return {
    id: r.id,
    lodgedOn: r.lodged_on,
    channel: r.channel,
    reporter: openField(reader, r.reporter_t3, f.reporter),
    text: openField(reader, r.text_t3, f.text) ?? '（无法解密：本账户尚未持有该线索的密钥）',
    namedPerson: r.named_person_id === null ? null : { id: r.named_person_id, name: r.name ?? '', staffNo: r.staff_no ?? '' },
    status: r.status,
    conclusion: openField(reader, r.conclusion_t3, f.conclusion),
    updatedOn: r.updated_on,
  }
}

/** The office's inbox, newest first; a lead naming the reader is left out. */
export function listLeads(db: ReadableDB, reader: T3Reader, readerPersonId: number | null, status?: LeadStatus): LeadView[] {
  return rows(db)
    .filter((r) => readerPersonId === null || r.named_person_id !== readerPersonId)
    .filter((r) => status === undefined || r.status === status)
    .map((r) => view(reader, r))
}

const NEXT: Record<LeadStatus, readonly LeadStatus[]> = {
  received: ['received', 'verifying', 'concluded'],
  verifying: ['verifying', 'concluded'],
  concluded: [],
}
const STATUS_ZH: Record<LeadStatus, string> = { received: '已受理', verifying: '核查中', concluded: '已办结' }

/**
 * Moves a lead on (received → verifying → concluded; concluded is final) and re-seals its fields
 * with the T3 key, so every holder can read it from now on.
 */
export function updateLead(
  store: Store,
  key: Buffer,
  input: { id: number; status: LeadStatus; conclusion?: string },
  reader: T3Reader,
  readerPersonId: number | null,
  now: Date,
): LeadView {
  const r = rows(store).find((x) => x.id === input.id)
  // A lead that names the reader does not exist for them.
  if (!r || (readerPersonId !== null && r.named_person_id === readerPersonId)) throw new KaoheError('NOT_FOUND', { what: '举报线索 lead', id: input.id })
  if (!NEXT[r.status].includes(input.status)) throw new KaoheError('LEAD_STATUS_INVALID', { from: STATUS_ZH[r.status], to: STATUS_ZH[input.status] })
  if (input.status === 'concluded' && !input.conclusion) {
    throw new KaoheError('INVALID_INPUT', { details: 'conclusion: 办结须写明核查结论 / concluding a lead needs its conclusion' })
  }
  if (input.status !== 'concluded' && input.conclusion) {
    throw new KaoheError('INVALID_INPUT', { details: 'conclusion: 只有办结时填写结论 / a conclusion is given when concluding' })
  }
  const f = fields(r.id)
  const text = openField(reader, r.text_t3, f.text)
  if (text === null) throw new KaoheError('T3_KEY_NEEDED')
  const reporter = openField(reader, r.reporter_t3, f.reporter)
  store.run(
    store.qb
      .updateTable('leads')
      .set({
        status: input.status,
        text_t3: sealField(key, text, f.text),
        reporter_t3: reporter === null ? null : sealField(key, reporter, f.reporter),
        conclusion_t3: input.conclusion ? sealField(key, input.conclusion, f.conclusion) : null,
        updated_on: localDate(now),
      })
      .where('id', '=', r.id),
  )
  return listLeads(store, reader, readerPersonId).find((x) => x.id === r.id)!
}
