import { z } from 'zod'
import { DOWNWARD_KINDS, type CheckOutcome, type OfficeKind, type PackageCheck, type PackageKind } from '../../../../shared/bundles'
import { decryptWith } from './age'
import { PackageCheckError } from './checks'
import { verifyDetached } from './ed25519'
import { parseManifest, type Manifest } from './manifest'
import { sha256Hex } from './seal'
import { readZip, type ZipLimits } from './zip'

export interface PeerKey {
  officeUid: string
  officeKind: OfficeKind
  signingPublic: string
  status: 'active' | 'rotated' | 'revoked'
}

export interface OpenContext {
  limits: ZipLimits
  self: { uid: string; kind: OfficeKind; keyIds: readonly string[] }
  identities: readonly string[]
  peerKey(keyId: string): PeerKey | null
  channel(senderUid: string): { lastSequence: number; lastManifestSha256: string | null }
  known(packageId: string): { manifestSha256: string } | null
}

export interface OpenedPackage {
  manifest: Manifest
  manifestSha256: string
  files: Map<string, Uint8Array>
  alreadyImported: boolean
  bytes: number
}

export type OpenOutcome =
  | { ok: true; opened: OpenedPackage; checks: CheckOutcome[] }
  | { ok: false; failed: PackageCheckError; checks: CheckOutcome[]; manifest: Manifest | null; bytes: number }

const KIND_NAMES: Record<OfficeKind, { zh: string; en: string }> = {
  unit: { zh: '基层单位', en: 'a unit' },
  superior: { zh: '上级机关', en: 'a superior office' },
}

const sigSchema = z.strictObject({ alg: z.literal('ed25519'), keyId: z.string().regex(/^[0-9a-f]{16}$/), signature: z.string().max(200) })

/** Which kind of office may send a kind of package to which (DESIGN.md §5). */
function allowedDirection(kind: PackageKind, from: OfficeKind, to: OfficeKind): boolean {
  if (kind === 'results') return from === 'unit' && to === 'superior'
  if ((DOWNWARD_KINDS as readonly string[]).includes(kind)) return from === 'superior' && to === 'unit'
  return from !== to // receipt: either way, between the two kinds
}

/**
 * Every check of PACKAGE_CHECKS up to 'entries', in order, stopping at the first that fails. Never
 * throws: anything unexpected fails the check that was running.
 */
export async function openPackage(file: Uint8Array, ctx: OpenContext): Promise<OpenOutcome> {
  const checks: CheckOutcome[] = []
  let manifest: Manifest | null = null
  let current: PackageCheck = 'size'
  const pass = (zh: string, en: string): void => {
    checks.push({ check: current, ok: true, zh, en })
  }
  const fail = (zh: string, en: string): never => {
    throw new PackageCheckError(current, zh, en)
  }
  try {
    current = 'size'
    if (file.length === 0) fail('文件为空', 'the file is empty')
    if (file.length > ctx.limits.maxFileBytes) fail(`文件 ${file.length} 字节，超过上限 ${ctx.limits.maxFileBytes} 字节`, `the file is ${file.length} bytes, over the limit of ${ctx.limits.maxFileBytes}`)
    pass(`文件 ${file.length} 字节`, `${file.length} bytes`)

    current = 'decrypt'
    const zipBytes = await decryptWith(ctx.identities, file)
    pass('已用本机关密钥解密，所有数据块完整', 'decrypted with this office’s key; every chunk intact')

    current = 'zip'
    const files = readZip(zipBytes, ctx.limits)
    pass(`压缩包含 ${files.size} 个文件，结构正常`, `the archive holds ${files.size} well-formed entries`)

    current = 'manifest'
    const mBytes = files.get('manifest.json')
    if (!mBytes) fail('包内没有 manifest.json', 'the package has no manifest.json')
    manifest = parseManifest(mBytes!)
    const m = manifest
    const manifestSha256 = sha256Hex(mBytes!)
    pass(`清单格式 ${m.format}，包 ${m.packageId}`, `manifest ${m.format}, package ${m.packageId}`)

    current = 'signature'
    const sigBytes = files.get('manifest.sig')
    if (!sigBytes) fail('包内没有签名 manifest.sig', 'the package has no signature manifest.sig')
    let sigRaw: unknown
    try {
      sigRaw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(sigBytes!))
    } catch {
      fail('manifest.sig 不是有效的 JSON', 'manifest.sig is not valid JSON')
    }
    const sp = sigSchema.safeParse(sigRaw)
    if (!sp.success) fail('manifest.sig 格式不符', 'manifest.sig does not have the expected form')
    const sig = sp.data!
    const key = ctx.peerKey(sig.keyId)
    if (!key) fail(`签名密钥 ${sig.keyId} 不是已登记机关的密钥`, `signing key ${sig.keyId} belongs to no registered office`)
    if (key!.status === 'revoked') fail(`签名密钥 ${sig.keyId} 已被吊销`, `signing key ${sig.keyId} has been revoked`)
    if (!verifyDetached(key!.signingPublic, mBytes!, sig.signature)) fail(`清单的签名无效（密钥 ${sig.keyId}）`, `the manifest’s signature does not verify (key ${sig.keyId})`)
    pass(`签名有效（密钥 ${sig.keyId}${key!.status === 'rotated' ? '，已轮换的旧密钥' : ''}）`, `signature valid (key ${sig.keyId}${key!.status === 'rotated' ? ', a rotated earlier key' : ''})`)

    current = 'recipient'
    if (m.recipient.uid !== ctx.self.uid) fail(`包是发给 ${m.recipient.name}（${m.recipient.code}）的，不是本机关`, `the package is addressed to ${m.recipient.name} (${m.recipient.code}), not this office`)
    if (!ctx.self.keyIds.includes(m.recipient.keyId)) fail(`包是发给本机关密钥 ${m.recipient.keyId} 的，该密钥不在使用中`, `the package is addressed to key ${m.recipient.keyId}, which this office does not hold in use`)
    pass(`收件机关为本机关（密钥 ${m.recipient.keyId}）`, `addressed to this office (key ${m.recipient.keyId})`)

    current = 'sender'
    if (m.sender.keyId !== sig.keyId) fail(`清单所列发件密钥 ${m.sender.keyId} 不是签名密钥 ${sig.keyId}`, `the manifest names sender key ${m.sender.keyId}, but ${sig.keyId} signed it`)
    if (m.sender.uid !== key!.officeUid) fail(`清单声称发件机关为 ${m.sender.name}（${m.sender.code}），但签名密钥属于另一机关`, `the manifest claims sender ${m.sender.name} (${m.sender.code}), but the signing key belongs to another office`)
    pass(`发件机关 ${m.sender.name}（${m.sender.code}）`, `sender ${m.sender.name} (${m.sender.code})`)

    current = 'direction'
    if (m.sender.kind !== key!.officeKind) fail(`清单称发件方为${KIND_NAMES[m.sender.kind].zh}，但其登记为${KIND_NAMES[key!.officeKind].zh}`, `the manifest says the sender is ${KIND_NAMES[m.sender.kind].en}, but it is registered as ${KIND_NAMES[key!.officeKind].en}`)
    if (m.recipient.kind !== ctx.self.kind) fail(`清单称收件方为${KIND_NAMES[m.recipient.kind].zh}，但本机关是${KIND_NAMES[ctx.self.kind].zh}`, `the manifest says the recipient is ${KIND_NAMES[m.recipient.kind].en}, but this office is ${KIND_NAMES[ctx.self.kind].en}`)
    if (!allowedDirection(m.kind, key!.officeKind, ctx.self.kind)) {
      fail(`“${m.kind}”类包不能由${KIND_NAMES[key!.officeKind].zh}发给${KIND_NAMES[ctx.self.kind].zh}`, `a '${m.kind}' package may not travel from ${KIND_NAMES[key!.officeKind].en} to ${KIND_NAMES[ctx.self.kind].en}`)
    }
    pass(`由${KIND_NAMES[key!.officeKind].zh}发给${KIND_NAMES[ctx.self.kind].zh}`, `from ${KIND_NAMES[key!.officeKind].en} to ${KIND_NAMES[ctx.self.kind].en}`)

    current = 'replay'
    const known = ctx.known(m.packageId)
    const alreadyImported = known !== null
    if (known && known.manifestSha256 !== manifestSha256) fail(`包 ${m.packageId} 已导入过，但内容不同`, `package ${m.packageId} was imported before with different content`)
    pass(alreadyImported ? `包 ${m.packageId} 已导入过，内容相同` : '新包', alreadyImported ? `package ${m.packageId} was imported before, same content` : 'a new package')

    current = 'sequence'
    if (alreadyImported) {
      pass(`序号 ${m.sequence}（已导入）`, `sequence ${m.sequence} (already imported)`)
    } else {
      const ch = ctx.channel(m.sender.uid)
      if (m.sequence <= ch.lastSequence) fail(`序号 ${m.sequence} 不大于此前已导入的 ${ch.lastSequence}`, `sequence ${m.sequence} is not above ${ch.lastSequence}, already imported`)
      if (m.sequence === ch.lastSequence + 1) {
        const expected = ch.lastSequence === 0 ? null : ch.lastManifestSha256
        if (m.previousSha256 !== expected) fail(`序号 ${m.sequence} 的前一包摘要与本机关导入的第 ${ch.lastSequence} 号包不符（分叉）`, `sequence ${m.sequence} names a previous package other than number ${ch.lastSequence} imported here (a fork)`)
        pass(`序号 ${m.sequence}，接续第 ${ch.lastSequence} 号`, `sequence ${m.sequence}, following ${ch.lastSequence}`)
      } else {
        const gap = m.sequence - ch.lastSequence - 1
        pass(`序号 ${m.sequence}，其前有 ${gap} 个包未在本机关导入（第 ${ch.lastSequence + 1}–${m.sequence - 1} 号）`, `sequence ${m.sequence}; ${gap} earlier package(s) (${ch.lastSequence + 1}–${m.sequence - 1}) were not imported here`)
      }
    }

    current = 'entries'
    const listed = new Set(m.entries.map((e) => e.path))
    for (const name of files.keys()) {
      if (name === 'manifest.json' || name === 'manifest.sig') continue
      if (!listed.has(name)) fail(`包内的 ${name} 不在清单中`, `${name} is in the package but not in the manifest`)
    }
    const data = new Map<string, Uint8Array>()
    for (const e of m.entries) {
      const content = files.get(e.path)
      if (!content) fail(`清单中的 ${e.path} 不在包内`, `${e.path} is in the manifest but not in the package`)
      if (content!.length !== e.bytes) fail(`清单中 ${e.path} 的大小与内容不符`, `the size of ${e.path} differs from the manifest`)
      if (sha256Hex(content!) !== e.sha256) fail(`清单中 ${e.path} 的 SHA-256 与内容不符`, `the SHA-256 of ${e.path} differs from the manifest`)
      data.set(e.path, content!)
    }
    pass(`${m.entries.length} 个数据文件与清单一致`, `${m.entries.length} data file(s) match the manifest`)

    return { ok: true, opened: { manifest: m, manifestSha256, files: data, alreadyImported, bytes: file.length }, checks }
  } catch (e) {
    const failed =
      e instanceof PackageCheckError
        ? e
        : new PackageCheckError(current, `检查时出现意外错误：${e instanceof Error ? e.message : String(e)}`, `unexpected error during the check: ${e instanceof Error ? e.message : String(e)}`)
    checks.push({ check: failed.check, ok: false, zh: failed.zh, en: failed.en })
    return { ok: false, failed, checks, manifest, bytes: file.length }
  }
}
