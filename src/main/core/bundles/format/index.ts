/** The sealed-package format (DESIGN.md §5): pure functions, no database. */
export { newAgeIdentity, recipientOf, encryptTo, decryptWith } from './age'
export { newSigningKey, publicKeyOf, signDetached, verifyDetached, keyIdOf } from './ed25519'
export { PackageCheckError, rejection } from './checks'
export { writeZip, readZip, type ZipLimits } from './zip'
export { PACKAGE_FORMAT, manifestBytes, parseManifest, canonicalJson, type Manifest, type ManifestEntry } from './manifest'
export { sealPackage, sha256Hex, type SealInput } from './seal'
export { openPackage, type PeerKey, type OpenContext, type OpenedPackage, type OpenOutcome } from './open'
export { KEYCARD_FORMAT, makeKeyCard, readKeyCard, cardFingerprint, sameFingerprint, cardSigningBytes, type KeyCard } from './keyCard'
