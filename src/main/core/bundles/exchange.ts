import { createHash } from 'node:crypto'
import type { ExportedPackage, ImportChange, ImportPreview, ImportResult, OfficeRef, PackageKind, PackageVerification, PackageView, DownwardKind, CheckOutcome } from '@shared/bundles'
import { PACKAGE_KIND_NAMES } from '@shared/bundles'
import type { FileContent } from '@shared/api/types'
import { localDate } from '@shared/dates'
import { KaoheError, errorText } from '@shared/errors'
import type { ReadableDB, Store } from '../../db/store'
import { auditHead } from '../audit/chain'
import { policyInForce, policySchema, proposePolicy } from '../policy/inForce'
import { parseGuideline } from '../guideline'
import { recordApproval } from '../annual/round'
import { importHolidayTable } from '../calendar/unitCalendar'
import { parseHolidayTableJson } from '../calendar/tables'
import { missingStatutoryDays } from '../calendar/statutory'
import { PackageCheckError, rejection } from './format/checks'
import { openPackage, type OpenContext, type OpenedPackage } from './format/open'
import { sealPackage } from './format/seal'
import type { Manifest } from './format/manifest'
import { ownKeyIds, ownOfficeRef, type OfficeSecret } from './officeKeys'
import { activePeerKey, peerKeyLookup, registeredOffice, superiorOffice } from './offices'
import { PAYLOAD_FILES, buildResultsPayload, parsePayload, type ReceiptPayload, type ResultsPayload } from './payloads'
import { storeUnitResults } from './superior'

/**
 * Export and import of sealed packages (DESIGN.md §5, issue 11). Sealing and opening are async
 * (age), so they happen first; every write then happens in ONE synchronous transaction that
 * re-checks replay and sequence against the database (another process may have imported the same
 * package meanwhile), applies the payload and records the receipt — or writes nothing.
 */

const enc = new TextEncoder()
const json = (v: unknown): Uint8Array => enc.encode(JSON.stringify(v, null, 2))
const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex')

/** Crash-test hook: KAOHE_TEST_KILL_AT=<step> kills the process there, honoured only under KAOHE_TEST_HOOKS=1. */
export type ImportStep = 'opened' | 'checked' | 'inTransaction' | 'committed'
function step(s: ImportStep): void {
  if (process.env.KAOHE_TEST_HOOKS === '1' && process.env.KAOHE_TEST_KILL_AT === s) process.kill(process.pid, 'SIGKILL')
}

function currentSecret(secrets: readonly OfficeSecret[], action: { zh: string; en: string }): OfficeSecret {
  const s = secrets.find((x) => x.status === 'current')
  if (!s) throw new KaoheError('PACKAGE_NO_KEYS', { action: action.zh, actionEn: action.en })
  return s
}

/** The next sequence on the channel out → peer, and the manifest hash it must point back to. */
function outChannel(db: ReadableDB, peerUid: string): { next: number; previousSha256: string | null } {
  const last = db.first(db.qb.selectFrom('packages').select(['sequence', 'manifest_sha256']).where('direction', '=', 'out').where('peer_uid', '=', peerUid).orderBy('sequence', 'desc').limit(1))
  return { next: (last?.sequence ?? 0) + 1, previousSha256: last?.manifest_sha256 ?? null }
}

function inChannel(db: ReadableDB, senderUid: string): { lastSequence: number; lastManifestSha256: string | null } {
  const last = db.first(db.qb.selectFrom('packages').select(['sequence', 'manifest_sha256']).where('direction', '=', 'in').where('peer_uid', '=', senderUid).orderBy('sequence', 'desc').limit(1))
  return { lastSequence: last?.sequence ?? 0, lastManifestSha256: last?.manifest_sha256 ?? null }
}

function knownIn(db: ReadableDB, packageId: string): { manifestSha256: string } | null {
  const row = db.first(db.qb.selectFrom('packages').select('manifest_sha256').where('package_id', '=', packageId).where('direction', '=', 'in'))
  return row ? { manifestSha256: row.manifest_sha256 } : null
}

function limitsOf(store: Store, now: Date) {
  const i = policyInForce(store, now.getFullYear()).policy.imports
  return { maxFileBytes: i.maxFileBytes, maxZipEntries: i.maxZipEntries, maxEntryUncompressedBytes: i.maxEntryUncompressedBytes, maxTotalUncompressedBytes: i.maxTotalUncompressedBytes, maxCompressionRatio: i.maxCompressionRatio }
}

function openContext(store: Store, secrets: readonly OfficeSecret[], now: Date): OpenContext {
  const self = ownOfficeRef(store)
  const live = secrets.filter((s) => s.status !== 'revoked')
  return {
    limits: limitsOf(store, now),
    self: { uid: self.uid, kind: self.kind, keyIds: ownKeyIds(store) },
    identities: live.map((s) => s.identity),
    peerKey: (keyId) => peerKeyLookup(store, keyId),
    channel: (senderUid) => inChannel(store, senderUid),
    known: (packageId) => knownIn(store, packageId),
  }
}

function fileNameOf(kind: PackageKind, from: OfficeRef, period: string, sequence: number): string {
  return `${from.code}-${kind}-${period}-${String(sequence).padStart(4, '0')}.kaohe`
}

/** A package sealed and ready to record: the out row is written by recordSealed in a transaction. */
export interface SealedOut {
  bytes: Uint8Array
  manifest: Manifest
  manifestSha256: string
  peer: OfficeRef
  summary: { zh: string; en: string }
  receiptFor: string | null
}

async function sealFor(
  store: Store,
  secrets: readonly OfficeSecret[],
  peerUid: string,
  kind: PackageKind,
  period: string,
  files: ReadonlyMap<string, Uint8Array>,
  summary: { zh: string; en: string },
  receiptFor: string | null,
  now: Date,
): Promise<SealedOut> {
  const secret = currentSecret(secrets, { zh: `签发${PACKAGE_KIND_NAMES[kind].zh}`, en: `seal a ${PACKAGE_KIND_NAMES[kind].en} package` })
  const office = registeredOffice(store, peerUid)
  const key = activePeerKey(store, peerUid)
  if (!office || !key) throw new KaoheError('PACKAGE_NO_PEER', { what: `机关 ${peerUid}`, whatEn: `office ${peerUid}`, action: '发送', actionEn: 'send to it' })
  const self = ownOfficeRef(store)
  const peer: OfficeRef = { uid: office.uid, code: office.code, name: office.name, kind: office.kind }
  const channel = outChannel(store, peerUid)
  const head = auditHead(store)
  const sealed = await sealPackage({
    manifest: {
      packageId: randomId(),
      kind,
      createdAt: now.toISOString(),
      sender: { ...self, keyId: secret.keyId },
      recipient: { ...peer, keyId: key.keyId },
      period,
      sequence: channel.next,
      previousSha256: channel.previousSha256,
      auditHead: head?.hash ?? null,
    },
    files,
    signing: { keyId: secret.keyId, secret: secret.signingSecret },
    recipient: key.encryptionRecipient,
  })
  return { bytes: sealed.bytes, manifest: sealed.manifest, manifestSha256: sealed.manifestSha256, peer, summary, receiptFor }
}

function randomId(): string {
  // 128 random bits as 32 lowercase hex digits (the manifest's packageId).
  return createHash('sha256').update(crypto.getRandomValues(new Uint8Array(32))).digest('hex').slice(0, 32)
}

/** Writes the out row and its bytes; refuses if the channel moved since sealing (another export). */
export function recordSealed(store: Store, s: SealedOut, actorId: number | null, now: Date): ExportedPackage {
  store.tx(() => {
    const channel = outChannel(store, s.peer.uid)
    if (channel.next !== s.manifest.sequence || channel.previousSha256 !== s.manifest.previousSha256) {
      throw new KaoheError('PACKAGE_CONFLICT', { reason: `发往 ${s.peer.name} 的序号已变为 ${channel.next}`, reasonEn: `the sequence to ${s.peer.name} is now ${channel.next}` })
    }
    store.run(
      store.qb.insertInto('packages').values({
        package_id: s.manifest.packageId,
        direction: 'out',
        kind: s.manifest.kind,
        peer_uid: s.peer.uid,
        sequence: s.manifest.sequence,
        period: s.manifest.period,
        manifest_sha256: s.manifestSha256,
        previous_sha256: s.manifest.previousSha256,
        bytes: s.bytes.byteLength,
        summary: JSON.stringify(s.summary),
        receipt_for: s.receiptFor,
        at: now.toISOString(),
        by_user: actorId,
        acknowledged_at: null,
      }),
    )
    store.run(store.qb.insertInto('package_files').values({ package_id: s.manifest.packageId, content: Buffer.from(s.bytes) }))
  })
  return exported(s.manifest, s.manifestSha256, s.peer, s.bytes)
}

function exported(m: Manifest, manifestSha256: string, peer: OfficeRef, bytes: Uint8Array): ExportedPackage {
  return {
    packageId: m.packageId,
    fileName: fileNameOf(m.kind, m.sender, m.period, m.sequence),
    contentBase64: Buffer.from(bytes).toString('base64'),
    kind: m.kind,
    recipient: peer,
    sequence: m.sequence,
    bytes: bytes.byteLength,
    manifestSha256,
  }
}

function requireKind(store: Store, kind: 'unit' | 'superior', action: { zh: string; en: string }): OfficeRef {
  const self = ownOfficeRef(store)
  if (self.kind !== kind) throw new KaoheError('PACKAGE_WRONG_OFFICE', { kind: self.kind === 'unit' ? '基层单位' : '上级机关', kindEn: self.kind === 'unit' ? 'unit' : 'superior office', action: action.zh, actionEn: action.en })
  return self
}

// ---------------------------------------------------------------------------------------------
// Export

/** Seals the year's final results for the registered superior (no write yet). */
export async function sealResults(store: Store, secrets: readonly OfficeSecret[], year: number, now: Date): Promise<SealedOut> {
  const self = requireKind(store, 'unit', { zh: '上报年度考核结果', en: 'send annual results' })
  const superior = superiorOffice(store)
  if (!superior) throw new KaoheError('PACKAGE_NO_PEER', { what: '上级机关', whatEn: 'superior office', action: '上报', actionEn: 'send results' })
  const payload = buildResultsPayload(store, year, self, localDate(now))
  const files = new Map([[PAYLOAD_FILES.results, json(payload)]])
  return sealFor(store, secrets, superior.uid, 'results', String(year), files, resultsSummary(payload), null, now)
}

function resultsSummary(p: ResultsPayload): { zh: string; en: string } {
  return { zh: `${p.year} 年度 ${p.N} 人，优秀 ${p.counts['优秀']} 人`, en: `${p.year}: ${p.N} people, ${p.counts['优秀']} 优秀` }
}

export async function exportResultsPackage(store: Store, secrets: OfficeSecret[], year: number, actorId: number | null, now: Date): Promise<ExportedPackage> {
  return recordSealed(store, await sealResults(store, secrets, year, now), actorId, now)
}

export interface DownwardInput {
  officeUid: string
  kind: DownwardKind
  year: number
  file?: FileContent | undefined
  quota?: { document: string; count?: number | undefined; rate?: number | undefined } | undefined
}

function fileTextOf(file: FileContent): string {
  return Buffer.from(file.contentBase64, 'base64').toString('utf8')
}

/** Seals a downward package for one unit (superior only); the content is checked here as the unit will. */
export async function sealDownward(store: Store, secrets: readonly OfficeSecret[], input: DownwardInput, now: Date): Promise<SealedOut> {
  requireKind(store, 'superior', { zh: `下发${PACKAGE_KIND_NAMES[input.kind].zh}`, en: `send a ${PACKAGE_KIND_NAMES[input.kind].en}` })
  const office = registeredOffice(store, input.officeUid)
  if (!office || office.kind !== 'unit') throw new KaoheError('PACKAGE_NO_PEER', { what: `基层单位 ${input.officeUid}`, whatEn: `unit ${input.officeUid}`, action: '下发', actionEn: 'send to it' })
  const needFile = (): FileContent => {
    if (!input.file) throw new KaoheError('INVALID_INPUT', { details: `${PACKAGE_KIND_NAMES[input.kind].zh}须附文件 / a ${PACKAGE_KIND_NAMES[input.kind].en} package needs a file` })
    return input.file
  }
  let payload: unknown
  let summary: { zh: string; en: string }
  switch (input.kind) {
    case 'policy': {
      const f = needFile()
      payload = { year: input.year, fileName: f.fileName, text: fileTextOf(f) }
      summary = { zh: `${input.year} 年度考核政策`, en: `${input.year} policy` }
      break
    }
    case 'calendar': {
      const f = needFile()
      payload = { year: input.year, fileName: f.fileName, text: fileTextOf(f) }
      summary = { zh: `${input.year} 年节假日安排`, en: `${input.year} holiday calendar` }
      break
    }
    case 'guideline': {
      const f = needFile()
      let body: unknown
      try {
        body = JSON.parse(fileTextOf(f))
      } catch (e) {
        throw new KaoheError('INVALID_INPUT', { details: `${f.fileName}: ${(e as Error).message}` })
      }
      payload = { year: input.year, name: f.fileName.replace(/\.json$/i, ''), body }
      summary = { zh: `${input.year} 年度考核指引模板`, en: `${input.year} guideline template` }
      break
    }
    case 'quota': {
      const q = input.quota
      if (!q) throw new KaoheError('INVALID_INPUT', { details: '优秀比例批复须给出文号及人数或比例 / a quota needs a document and a count or rate' })
      payload = { year: input.year, document: q.document, count: q.count ?? null, rate: q.rate ?? null }
      summary = { zh: `${input.year} 年度优秀比例批复（${q.document}）`, en: `${input.year} quota approval (${q.document})` }
      break
    }
  }
  const bytes = json(payload)
  const checked = contentProblem(input.kind, bytes)
  if (checked) throw new KaoheError('INVALID_INPUT', { details: checked.zh })
  return sealFor(store, secrets, office.uid, input.kind, String(input.year), new Map([[PAYLOAD_FILES[input.kind], bytes]]), summary, null, now)
}

export async function exportDownward(store: Store, secrets: OfficeSecret[], input: DownwardInput, actorId: number | null, now: Date): Promise<ExportedPackage> {
  return recordSealed(store, await sealDownward(store, secrets, input, now), actorId, now)
}

/** A stored out package's file again (resend), or the receipt issued for an 'in' package. */
export function storedOut(store: Store, packageId: string): ExportedPackage {
  const row = store.first(store.qb.selectFrom('packages as p').innerJoin('package_files as f', 'f.package_id', 'p.package_id').selectAll('p').select('f.content').where('p.package_id', '=', packageId).where('p.direction', '=', 'out'))
  if (!row) throw new KaoheError('PACKAGE_NOT_FOUND', { packageId, what: '已发送的包', whatEn: 'sent package' })
  const office = registeredOffice(store, row.peer_uid)
  const peer: OfficeRef = office ? { uid: office.uid, code: office.code, name: office.name, kind: office.kind } : { uid: row.peer_uid, code: '', name: '', kind: 'unit' }
  const self = ownOfficeRef(store)
  const bytes = new Uint8Array(row.content)
  return {
    packageId: row.package_id,
    fileName: fileNameOf(row.kind, self, row.period, row.sequence),
    contentBase64: Buffer.from(bytes).toString('base64'),
    kind: row.kind,
    recipient: peer,
    sequence: row.sequence,
    bytes: bytes.byteLength,
    manifestSha256: row.manifest_sha256,
  }
}

export function receiptFor(store: Store, packageId: string): ExportedPackage {
  const row = store.first(store.qb.selectFrom('packages').select('package_id').where('receipt_for', '=', packageId).where('direction', '=', 'out').where('kind', '=', 'receipt'))
  if (!row) throw new KaoheError('PACKAGE_NOT_FOUND', { packageId, what: '收到的包的回执', whatEn: 'receipt for a received package' })
  return storedOut(store, row.package_id)
}

// ---------------------------------------------------------------------------------------------
// Verify and import

/** The content check as far as it needs no write: schema, and the rules each importer applies. */
function contentProblem(kind: PackageKind, bytes: Uint8Array | undefined): { zh: string; en: string } | null {
  if (!bytes) return { zh: `缺少 ${PAYLOAD_FILES[kind]}`, en: `${PAYLOAD_FILES[kind]} is missing` }
  const parsed = parsePayload(kind, bytes)
  if (!parsed.ok) return { zh: parsed.reason, en: parsed.reason }
  if (kind === 'policy') {
    const v = parsed.value as { text: string }
    let body: unknown
    try {
      body = JSON.parse(v.text)
    } catch (e) {
      return { zh: `政策文件不是有效的 JSON：${(e as Error).message}`, en: `the policy file is not valid JSON: ${(e as Error).message}` }
    }
    const r = policySchema.safeParse(body)
    if (!r.success) {
      const list = r.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')
      return { zh: `政策文件：${list}`, en: `policy file: ${list}` }
    }
  }
  if (kind === 'guideline') {
    const r = parseGuideline((parsed.value as { body: unknown }).body)
    if (!r.ok) {
      const list = r.violations.slice(0, 10).map((v) => JSON.stringify(v)).join('; ')
      return { zh: `考核指引：${list}`, en: `guideline: ${list}` }
    }
  }
  if (kind === 'calendar') {
    const r = parseHolidayTableJson((parsed.value as { text: string }).text)
    if (!r.ok) return { zh: r.errors.map((e) => e.zh).join('；'), en: r.errors.map((e) => e.en).join('; ') }
    // The unit's own import rule, here too: the superior cannot seal, and a dry run already shows, what the import would refuse.
    const missing = missingStatutoryDays(r.table)
    if (missing) return { zh: `${r.table.year} 年节假日表缺少法定节假日：${missing.zh}（${missing.law.zh}）`, en: `the ${r.table.year} holiday table lacks statutory holidays: ${missing.en} (${missing.law.en})` }
  }
  return null
}

function contentCheck(opened: OpenedPackage): PackageCheckError | null {
  const kind = opened.manifest.kind
  const problem = contentProblem(kind, opened.files.get(PAYLOAD_FILES[kind]))
  if (problem) return new PackageCheckError('content', problem.zh, problem.en)
  if (kind === 'results') {
    const p = JSON.parse(Buffer.from(opened.files.get(PAYLOAD_FILES.results)!).toString('utf8')) as ResultsPayload
    if (p.unit.uid !== opened.manifest.sender.uid) return new PackageCheckError('content', `结果所属单位 ${p.unit.name} 不是发件单位`, `the results are of ${p.unit.name}, not the sender`)
    if (String(p.year) !== opened.manifest.period) return new PackageCheckError('content', `结果年度 ${p.year} 与清单 ${opened.manifest.period} 不符`, `results year ${p.year} but the manifest says ${opened.manifest.period}`)
  }
  return null
}

interface Opened {
  outcome: Awaited<ReturnType<typeof openPackage>>
  checks: CheckOutcome[]
  failed: PackageCheckError | null
}

async function openAndCheck(store: Store, secrets: readonly OfficeSecret[], file: Uint8Array, now: Date): Promise<Opened> {
  const outcome = await openPackage(file, openContext(store, secrets, now))
  if (!outcome.ok) return { outcome, checks: outcome.checks, failed: outcome.failed }
  const bad = contentCheck(outcome.opened)
  const checks = [...outcome.checks, bad ? { check: 'content' as const, ok: false, zh: bad.zh, en: bad.en } : { check: 'content' as const, ok: true, zh: '内容有效', en: 'content valid' }]
  return { outcome, checks, failed: bad }
}

function verification(o: Opened): PackageVerification {
  const m = o.outcome.ok ? o.outcome.opened.manifest : o.outcome.manifest
  const ref = (r: Manifest['sender'] | undefined): OfficeRef | null => (r ? { uid: r.uid, code: r.code, name: r.name, kind: r.kind } : null)
  return {
    ok: o.failed === null,
    checks: o.checks,
    failed: o.failed?.check ?? null,
    packageId: m?.packageId ?? null,
    kind: m?.kind ?? null,
    sender: ref(m?.sender),
    recipient: ref(m?.recipient),
    sequence: m?.sequence ?? null,
    period: m?.period ?? null,
    alreadyImported: o.outcome.ok ? o.outcome.opened.alreadyImported : false,
    bytes: o.outcome.ok ? o.outcome.opened.bytes : o.outcome.bytes,
  }
}

export async function verifyPackage(store: Store, secrets: OfficeSecret[], file: Uint8Array): Promise<PackageVerification> {
  return verification(await openAndCheck(store, secrets, file, new Date()))
}

/** What importing would change, in words (dry run and the import's own result). */
function changesOf(opened: OpenedPackage): ImportChange[] {
  const m = opened.manifest
  const data = JSON.parse(Buffer.from(opened.files.get(PAYLOAD_FILES[m.kind])!).toString('utf8')) as Record<string, unknown>
  switch (m.kind) {
    case 'results': {
      const p = data as unknown as ResultsPayload
      return [{ what: `superior_unit_years:${p.unit.uid}:${p.year}`, zh: `${p.unit.name} ${p.year} 年度结果：${p.N} 人，优秀 ${p.counts['优秀']} 人（替换此前收到的）`, en: `${p.unit.name} ${p.year} results: ${p.N} people, ${p.counts['优秀']} 优秀 (replacing any received before)` }]
    }
    case 'receipt': {
      const r = data as unknown as ReceiptPayload
      return [{ what: `package:${r.packageId}`, zh: `确认已送达：包 ${r.packageId}`, en: `acknowledges package ${r.packageId}` }]
    }
    case 'policy':
      return [{ what: `policy:${String(data.year)}`, zh: `${String(data.year)} 年度考核政策，待主要负责人批准`, en: `${String(data.year)} policy, pending the head's approval` }]
    case 'guideline':
      return [{ what: `guideline_template:${String(data.year)}`, zh: `${String(data.year)} 年度考核指引模板“${String(data.name)}”`, en: `${String(data.year)} guideline template "${String(data.name)}"` }]
    case 'quota':
      return [{ what: `annual_approval:${String(data.year)}`, zh: `${String(data.year)} 年度优秀比例批复（${String(data.document)}）`, en: `${String(data.year)} quota approval (${String(data.document)})` }]
    case 'calendar':
      return [{ what: `calendar:${String(data.year)}`, zh: `${String(data.year)} 年节假日安排`, en: `${String(data.year)} holiday calendar` }]
  }
}

/** Prepared import: opened and checked, and the receipt sealed; applyImport writes it in one transaction. */
export interface PreparedImport {
  opened: OpenedPackage
  checks: CheckOutcome[]
  receipt: SealedOut | null
  now: Date
}

export async function prepareImport(store: Store, secrets: readonly OfficeSecret[], file: Uint8Array, now: Date): Promise<PreparedImport> {
  const o = await openAndCheck(store, secrets, file, now)
  step('opened')
  if (!o.outcome.ok) throw rejection(o.outcome.failed, o.checks)
  if (o.failed) throw rejection(o.failed, o.checks)
  step('checked')
  const opened = o.outcome.opened
  const m = opened.manifest
  let receipt: SealedOut | null = null
  if (m.kind !== 'receipt' && !opened.alreadyImported) {
    const payload: ReceiptPayload = { packageId: m.packageId, manifestSha256: opened.manifestSha256, kind: m.kind, importedAt: now.toISOString() }
    receipt = await sealFor(store, secrets, m.sender.uid, 'receipt', m.period, new Map([[PAYLOAD_FILES.receipt, json(payload)]]), { zh: `回执：${PACKAGE_KIND_NAMES[m.kind].zh} ${m.period}`, en: `receipt: ${PACKAGE_KIND_NAMES[m.kind].en} ${m.period}` }, m.packageId, now)
  }
  return { opened, checks: o.checks, receipt, now }
}

function asContentError(e: unknown, checks: CheckOutcome[]): unknown {
  if (e instanceof KaoheError && e.code !== 'PACKAGE_CONFLICT' && e.code !== 'PACKAGE_REJECTED') {
    // The importer's own refusal (a policy rule, a round's stage, a holiday table) in its own words.
    const api = e.toApiError()
    return rejection(new PackageCheckError('content', errorText(api, 'zh'), errorText(api, 'en')), checks)
  }
  return e
}

/** Writes an import in ONE transaction: the 'in' row, its effect, the receipt's 'out' row and bytes. */
export function applyImport(store: Store, p: PreparedImport, actorId: number | null): ImportResult {
  const m = p.opened.manifest
  const sender: OfficeRef = { uid: m.sender.uid, code: m.sender.code, name: m.sender.name, kind: m.sender.kind }
  const changes = changesOf(p.opened)
  const again = (): ImportResult => ({ packageId: m.packageId, kind: m.kind, sender, alreadyImported: true, changes: [], receipt: m.kind === 'receipt' ? null : receiptOf(receiptFor(store, m.packageId)) })
  if (p.opened.alreadyImported) return again()
  const now = p.now
  let raced = false
  store.tx(() => {
    // Re-checked here: another process may have imported this or another package meanwhile.
    const known = knownIn(store, m.packageId)
    if (known) {
      if (known.manifestSha256 !== p.opened.manifestSha256) throw rejection(new PackageCheckError('replay', `包 ${m.packageId} 已以不同内容导入`, `package ${m.packageId} was imported with other content`), p.checks)
      raced = true
      return
    }
    const ch = inChannel(store, m.sender.uid)
    if (m.sequence <= ch.lastSequence) throw rejection(new PackageCheckError('sequence', `序号 ${m.sequence} 不大于已导入的 ${ch.lastSequence}`, `sequence ${m.sequence} is not above ${ch.lastSequence} already imported`), p.checks)
    if (m.sequence === ch.lastSequence + 1 && m.previousSha256 !== ch.lastManifestSha256) throw rejection(new PackageCheckError('sequence', '上一包的摘要与已导入的不符', 'the previous package hash does not match what was imported'), p.checks)
    store.run(
      store.qb.insertInto('packages').values({
        package_id: m.packageId,
        direction: 'in',
        kind: m.kind,
        peer_uid: m.sender.uid,
        sequence: m.sequence,
        period: m.period,
        manifest_sha256: p.opened.manifestSha256,
        previous_sha256: m.previousSha256,
        bytes: p.opened.bytes,
        summary: JSON.stringify(changes[0] ? { zh: changes[0].zh, en: changes[0].en } : { zh: '', en: '' }),
        receipt_for: null,
        at: now.toISOString(),
        by_user: actorId,
        acknowledged_at: p.receipt ? now.toISOString() : null,
      }),
    )
    try {
      applyEffect(store, p.opened, actorId, now)
    } catch (e) {
      throw asContentError(e, p.checks)
    }
    if (p.receipt) recordSealed(store, p.receipt, actorId, now)
    step('inTransaction')
  })
  step('committed')
  if (raced) return again()
  return { packageId: m.packageId, kind: m.kind, sender, alreadyImported: false, changes, receipt: p.receipt ? receiptOf(exported(p.receipt.manifest, p.receipt.manifestSha256, p.receipt.peer, p.receipt.bytes)) : null }
}

function receiptOf(e: ExportedPackage): ImportResult['receipt'] {
  return { packageId: e.packageId, fileName: e.fileName, contentBase64: e.contentBase64 }
}

function applyEffect(store: Store, opened: OpenedPackage, actorId: number | null, now: Date): void {
  const m = opened.manifest
  const data = JSON.parse(Buffer.from(opened.files.get(PAYLOAD_FILES[m.kind])!).toString('utf8')) as Record<string, unknown>
  switch (m.kind) {
    case 'results':
      storeUnitResults(store, m.sender.uid, m.packageId, Buffer.from(opened.files.get(PAYLOAD_FILES.results)!).toString('utf8'), now)
      return
    case 'receipt': {
      const r = data as unknown as ReceiptPayload
      const out = store.first(store.qb.selectFrom('packages').select(['manifest_sha256', 'kind']).where('package_id', '=', r.packageId).where('direction', '=', 'out').where('peer_uid', '=', m.sender.uid))
      if (!out || out.manifest_sha256 !== r.manifestSha256 || out.kind !== r.kind) {
        throw rejection(new PackageCheckError('content', `回执所确认的包 ${r.packageId} 不是发往该机关的包`, `the receipt acknowledges ${r.packageId}, not a package sent to that office`), [])
      }
      store.run(store.qb.updateTable('packages').set({ acknowledged_at: r.importedAt }).where('package_id', '=', r.packageId).where('direction', '=', 'out'))
      return
    }
    case 'policy': {
      const year = data.year as number
      const created = proposePolicy(store, year, { fileName: String(data.fileName), contentBase64: Buffer.from(String(data.text), 'utf8').toString('base64') }, actorId as number, now)
      // The same rules and approval flow as `kaohe policy import`; only the source says where it came from.
      store.run(store.qb.updateTable('policies').set({ source: 'package' }).where('id', '=', created.id))
      return
    }
    case 'guideline':
      store.run(store.qb.insertInto('guideline_templates').values({ package_id: m.packageId, year: data.year as number, name: String(data.name), body: JSON.stringify(data.body), received_at: now.toISOString() }))
      return
    case 'quota': {
      const q = data as { year: number; document: string; count: number | null; rate: number | null }
      recordApproval(store, q.year, { document: q.document, count: q.count ?? undefined, rate: q.rate ?? undefined }, actorId as number, now, localDate(now))
      return
    }
    case 'calendar':
      importHolidayTable(store, { fileName: String(data.fileName), contentBase64: Buffer.from(String(data.text), 'utf8').toString('base64') }, actorId, now)
      return
  }
}

export async function importPackage(store: Store, secrets: OfficeSecret[], file: Uint8Array, opts: { actorId: number | null; now: Date; dryRun?: boolean }): Promise<ImportResult | ImportPreview> {
  if (opts.dryRun) return previewImport(store, secrets, file, opts.now)
  return applyImport(store, await prepareImport(store, secrets, file, opts.now), opts.actorId)
}

export async function previewImport(store: Store, secrets: readonly OfficeSecret[], file: Uint8Array, now: Date): Promise<ImportPreview> {
  const o = await openAndCheck(store, secrets, file, now)
  const v = verification(o)
  const changes = o.outcome.ok && !o.failed && !o.outcome.opened.alreadyImported ? changesOf(o.outcome.opened) : []
  return { ...v, changes }
}

// ---------------------------------------------------------------------------------------------
// The log

export function listPackages(db: ReadableDB, filter: { direction?: 'in' | 'out' | undefined; officeUid?: string | undefined; unacknowledged?: boolean | undefined }): PackageView[] {
  let q = db.qb.selectFrom('packages as p').leftJoin('offices as o', 'o.uid', 'p.peer_uid').selectAll('p').select(['o.code', 'o.name', 'o.kind as peer_kind'])
  if (filter.direction) q = q.where('p.direction', '=', filter.direction)
  if (filter.officeUid) q = q.where('p.peer_uid', '=', filter.officeUid)
  if (filter.unacknowledged) q = q.where('p.direction', '=', 'out').where('p.kind', '!=', 'receipt').where('p.acknowledged_at', 'is', null)
  return db.all(q.orderBy('p.at', 'desc').orderBy('p.sequence', 'desc')).map((r) => ({
    packageId: r.package_id,
    direction: r.direction,
    kind: r.kind,
    peer: { uid: r.peer_uid, code: r.code ?? '', name: r.name ?? '', kind: r.peer_kind ?? 'unit' },
    sequence: r.sequence,
    period: r.period,
    manifestSha256: r.manifest_sha256,
    bytes: r.bytes,
    at: r.at,
    acknowledgedAt: r.acknowledged_at,
    summary: JSON.parse(r.summary) as { zh: string; en: string },
  }))
}

export { sha256 as packageSha256 }
