import { z } from 'zod'
import { OFFICE_KINDS, PACKAGE_KINDS, type OfficeRef, type PackageKind } from '../../../../shared/bundles'
import { PackageCheckError } from './checks'

export const PACKAGE_FORMAT = 'kaohe-package/1'

export interface ManifestEntry {
  path: string
  bytes: number
  sha256: string
}

export interface Manifest {
  format: typeof PACKAGE_FORMAT
  packageId: string
  kind: PackageKind
  createdAt: string
  sender: OfficeRef & { keyId: string }
  recipient: OfficeRef & { keyId: string }
  period: string
  sequence: number
  previousSha256: string | null
  auditHead: string | null
  entries: ManifestEntry[]
  critical: string[]
}

const hex = (n: number) => z.string().regex(new RegExp(`^[0-9a-f]{${n}}$`))
const party = z.strictObject({
  uid: z.string().min(1).max(100),
  code: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  kind: z.enum(OFFICE_KINDS),
  keyId: hex(16),
})
const schema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  packageId: hex(32),
  kind: z.enum(PACKAGE_KINDS),
  createdAt: z.iso.datetime({ offset: true }),
  sender: party,
  recipient: party,
  period: z.string().regex(/^\d{4}$/),
  sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  previousSha256: hex(64).nullable(),
  auditHead: z.string().min(1).max(200).nullable(),
  entries: z
    .array(z.strictObject({ path: z.string().regex(/^data\/[A-Za-z0-9._-]{1,190}$/), bytes: z.number().int().min(0), sha256: hex(64) }))
    .max(1000),
  critical: z.array(z.string().max(100)).max(100),
})

/** Canonical JSON — keys sorted at every depth, no spaces — the exact bytes that are signed. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const o = value as Record<string, unknown>
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`
}

export function manifestBytes(m: Manifest): Uint8Array {
  return new TextEncoder().encode(canonicalJson(m))
}

function fail(zh: string, en: string): never {
  throw new PackageCheckError('manifest', zh, en)
}

/**
 * Strict: an unknown format version, a non-empty `critical` (an extension version 1 cannot know)
 * or any field not in the schema is refused, never ignored.
 */
export function parseManifest(bytes: Uint8Array): Manifest {
  let raw: unknown
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    fail('manifest.json 不是有效的 JSON', 'manifest.json is not valid JSON')
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail('manifest.json 不是对象', 'manifest.json is not an object')
  const format = (raw as { format?: unknown }).format
  if (format !== PACKAGE_FORMAT) {
    const shown = JSON.stringify(format ?? null).slice(0, 60)
    fail(`不支持的包格式版本 ${shown}（本程序读取 ${PACKAGE_FORMAT}）`, `unsupported package format ${shown} (this program reads ${PACKAGE_FORMAT})`)
  }
  const critical = (raw as { critical?: unknown }).critical
  if (Array.isArray(critical) && critical.length > 0) {
    const shown = critical.map((c) => String(c)).join(', ').slice(0, 100)
    fail(`清单要求本程序不理解的扩展：${shown}`, `the manifest requires extensions this program does not understand: ${shown}`)
  }
  const r = schema.safeParse(raw)
  if (!r.success) {
    const issue = r.error.issues[0]!
    const at = issue.path.join('.') || '(root)'
    const extra = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : null
    if (extra) fail(`清单含有未知字段 ${extra}`, `the manifest has unknown field(s) ${extra}`)
    fail(`清单字段 ${at} 无效：${issue.message}`, `manifest field ${at} is invalid: ${issue.message}`)
  }
  const m = r.data as Manifest
  if (canonicalJson(m) !== new TextDecoder().decode(bytes)) fail('manifest.json 不是规范格式', 'manifest.json is not in canonical form')
  const paths = new Set<string>()
  for (const e of m.entries) {
    if (paths.has(e.path)) fail(`清单中 ${e.path} 重复`, `the manifest lists ${e.path} twice`)
    paths.add(e.path)
  }
  return m
}
