/**
 * Sealed packages (上报包 and 下发包) and the offices that exchange them (DESIGN.md §5, issue 11):
 * the types both ends of the API share. The rules are in main/core/bundles.
 */

/** What an office is: a grassroots unit (基层单位) or the higher-level office (上级机关). */
export const OFFICE_KINDS = ['unit', 'superior'] as const
export type OfficeKind = (typeof OFFICE_KINDS)[number]

/**
 * What a package carries. `results` goes up (unit → superior); `policy`, `guideline` (templates),
 * `quota` (approvals of more 优秀) and `calendar` (holiday tables) come down; `receipt` (回执) goes
 * either way, for every package received.
 */
export const PACKAGE_KINDS = ['results', 'policy', 'guideline', 'quota', 'calendar', 'receipt'] as const
export type PackageKind = (typeof PACKAGE_KINDS)[number]
export const DOWNWARD_KINDS = ['policy', 'guideline', 'quota', 'calendar'] as const
export type DownwardKind = (typeof DOWNWARD_KINDS)[number]

export const PACKAGE_KIND_NAMES: Record<PackageKind, { zh: string; en: string }> = {
  results: { zh: '年度考核结果上报包', en: 'annual results' },
  policy: { zh: '考核政策', en: 'policy' },
  guideline: { zh: '考核指引模板', en: 'guideline template' },
  quota: { zh: '优秀比例批复', en: 'quota approval' },
  calendar: { zh: '节假日安排', en: 'holiday calendar' },
  receipt: { zh: '回执', en: 'receipt' },
}

/**
 * The checks an import makes, in the order DESIGN.md §5 gives. A package that fails one is refused
 * with that check named (and the CLI exits 4); nothing is written.
 */
export const PACKAGE_CHECKS = [
  'size', // the file's size against the policy's cap; empty files
  'decrypt', // age v1: header, this office's key, every chunk's tag, truncation, appended bytes
  'zip', // entry count, names (../, absolute, \\, NUL, case collisions, duplicates), sizes, ratio
  'manifest', // format, version, critical fields, schema
  'signature', // Ed25519 over the manifest's exact bytes, by a known, unrevoked key id
  'recipient', // addressed to this office and its key
  'sender', // the key belongs to the office the manifest names; a registered office
  'direction', // the kind may travel from the sender's kind of office to ours
  'replay', // the same package id with different content
  'sequence', // the channel's sequence only moves forward
  'entries', // every entry's size and SHA-256 as the manifest says, none missing, none extra
  'content', // the payload itself validates (schema, year, people, grades, policy rules)
] as const
export type PackageCheck = (typeof PACKAGE_CHECKS)[number]

export const PACKAGE_CHECK_NAMES: Record<PackageCheck, { zh: string; en: string }> = {
  size: { zh: '文件大小', en: 'size' },
  decrypt: { zh: '解密', en: 'decryption' },
  zip: { zh: '压缩包结构', en: 'archive structure' },
  manifest: { zh: '清单格式', en: 'manifest' },
  signature: { zh: '签名', en: 'signature' },
  recipient: { zh: '收件机关', en: 'recipient' },
  sender: { zh: '发件机关', en: 'sender' },
  direction: { zh: '传递方向', en: 'direction' },
  replay: { zh: '重复导入', en: 'replay' },
  sequence: { zh: '序号', en: 'sequence' },
  entries: { zh: '文件完整性', en: 'entries' },
  content: { zh: '内容校验', en: 'content' },
}

export interface CheckOutcome {
  check: PackageCheck
  ok: boolean
  zh: string
  en: string
}

export interface OfficeRef {
  uid: string
  code: string
  name: string
  kind: OfficeKind
}

/** One of this office's own key pairs (signing Ed25519 + encryption X25519), as shown. */
export interface OwnKeyView {
  keyId: string
  fingerprint: string
  createdAt: string
  status: 'current' | 'retired' | 'revoked'
}

export interface OwnOfficeView {
  office: OfficeRef
  /** Null until the first sign-in of an account that handles packages made the keys. */
  current: OwnKeyView | null
  keys: OwnKeyView[]
  /** Whether the signed-in account holds the private keys (else it cannot sign or open packages). */
  holdsKeys: boolean
}

/** A key card (密钥卡) read from a file, before or after registration. */
export interface KeyCardView {
  office: OfficeRef
  keyId: string
  fingerprint: string
  createdAt: string
  /** A rotation: the card is also signed by this earlier key, which then stands replaced. */
  previousKeyId: string | null
  /** A revocation notice: this earlier key is to be treated as revoked. */
  revokesKeyId: string | null
  /** What importing it would do here. */
  effect: 'register' | 'rotate' | 'known' | 'refused'
  /** Why `refused` (wrong kind of office, a second superior, own card). */
  refusal: { zh: string; en: string } | null
}

export interface PeerKeyView {
  keyId: string
  fingerprint: string
  status: 'active' | 'rotated' | 'revoked'
  importedAt: string
  revokedAt: string | null
  reason: string | null
}

/** A registered office on the other end (the superior, at a unit; each unit, at the superior). */
export interface OfficeView extends OfficeRef {
  registeredAt: string
  keyStatus: 'active' | 'revoked'
  keys: PeerKeyView[]
  lastReceived: { kind: PackageKind; sequence: number; at: string } | null
  lastSent: { kind: PackageKind; sequence: number; at: string } | null
  /** Packages sent to it that no receipt has acknowledged yet. */
  unacknowledged: number
}

/** One package in this office's log, sent or received. */
export interface PackageView {
  packageId: string
  direction: 'out' | 'in'
  kind: PackageKind
  peer: OfficeRef
  sequence: number
  period: string
  manifestSha256: string
  bytes: number
  at: string
  /** Out: when a receipt came back. In: when the receipt for it was issued. */
  acknowledgedAt: string | null
  /** A short description in both languages ("2025 年度 38 人", "政策 2027-1"). */
  summary: { zh: string; en: string }
}

/** What reading a package found, without importing (`package verify`). */
export interface PackageVerification {
  ok: boolean
  /** Every check in PACKAGE_CHECKS order, up to and including the first that failed. */
  checks: CheckOutcome[]
  failed: PackageCheck | null
  packageId: string | null
  kind: PackageKind | null
  sender: OfficeRef | null
  recipient: OfficeRef | null
  sequence: number | null
  period: string | null
  /** Imported before, with the same content: importing again changes nothing, re-issues the receipt. */
  alreadyImported: boolean
  bytes: number
}

/** One line of a dry run: what an import would change. */
export interface ImportChange {
  what: string
  zh: string
  en: string
}

export interface ImportPreview extends PackageVerification {
  changes: ImportChange[]
}

export interface ImportResult {
  packageId: string
  kind: PackageKind
  sender: OfficeRef
  alreadyImported: boolean
  changes: ImportChange[]
  /** The receipt to carry back (none for a receipt). */
  receipt: { packageId: string; fileName: string; contentBase64: string } | null
}

export interface ExportedPackage {
  packageId: string
  fileName: string
  contentBase64: string
  kind: PackageKind
  recipient: OfficeRef
  sequence: number
  bytes: number
  manifestSha256: string
}

/** At the superior: one unit's year as its latest results package gave it. */
export interface UnitYearView {
  unit: OfficeRef
  year: number
  packageId: string
  receivedAt: string
  N: number
  K: number
  excellent: number
  approval: { document: string; count: number | null; rate: number | null } | null
  counts: Record<'优秀' | '称职' | '基本称职' | '不称职' | '不定等次', number>
  /** 优秀 above K without an approval that allows it: shown red. */
  overQuota: boolean
  appeals: { filed: number; upheld: number; refused: number }
}

export interface ConsolidatedRow {
  unitUid: string
  unitName: string
  staffNo: string
  name: string
  department: string | null
  post: string
  rank: string
  grade: string
  T: number | null
  democratic: number | null
  leadership: number | null
  quarterly: number | null
}

export interface ConsolidatedView {
  year: number
  units: UnitYearView[]
  rows: ConsolidatedRow[]
}
