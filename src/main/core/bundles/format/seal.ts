import { createHash } from 'node:crypto'
import { encryptTo } from './age'
import { signDetached } from './ed25519'
import { PackageCheckError } from './checks'
import { manifestBytes, PACKAGE_FORMAT, parseManifest, type Manifest } from './manifest'
import { writeZip } from './zip'

export interface SealInput {
  manifest: Omit<Manifest, 'format' | 'entries' | 'critical'>
  files: ReadonlyMap<string, Uint8Array>
  signing: { keyId: string; secret: Uint8Array }
  recipient: string
}

export function sha256Hex(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex')
}

/** Sign the manifest over every data/* file, zip the three parts, encrypt to the recipient office. */
export async function sealPackage(input: SealInput): Promise<{ bytes: Uint8Array; manifest: Manifest; manifestSha256: string }> {
  const names = [...input.files.keys()].sort()
  for (const n of names) if (!n.startsWith('data/')) throw new Error(`package file outside data/: ${n}`)
  const manifest: Manifest = {
    ...input.manifest,
    format: PACKAGE_FORMAT,
    entries: names.map((path) => ({ path, bytes: input.files.get(path)!.length, sha256: sha256Hex(input.files.get(path)!) })),
    critical: [],
  }
  const mBytes = manifestBytes(manifest)
  // Never send what our own reader would refuse (a bad period, id or key id from the caller).
  try {
    parseManifest(mBytes)
  } catch (e) {
    throw new Error(`sealPackage: the manifest would not pass the reader: ${e instanceof PackageCheckError ? e.en : String(e)}`)
  }
  const sig = { alg: 'ed25519', keyId: input.signing.keyId, signature: signDetached(input.signing.secret, mBytes) }
  const zip = new Map<string, Uint8Array>(input.files)
  zip.set('manifest.json', mBytes)
  zip.set('manifest.sig', new TextEncoder().encode(JSON.stringify(sig)))
  const bytes = await encryptTo(input.recipient, writeZip(zip))
  return { bytes, manifest, manifestSha256: sha256Hex(mBytes) }
}
