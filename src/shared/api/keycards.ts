import { z } from 'zod'
import type * as B from '../bundles'
import type { FileContent } from './types'
import { method } from './method'
import { fileContent, none } from './schemas'

const reason = z.string().trim().min(1).max(500)
const keyId = z.string().regex(/^[0-9a-f]{16}$/, '16 hex digits')
const officeUid = z.string().regex(/^[0-9a-f]{32}$/, '32 hex digits')
/** 12 groups of 5 digits, as typed from paper or read out on the phone; separators are ignored. */
const fingerprint = z.string().trim().min(1).max(120)

/**
 * This office's package keys and the offices it exchanges packages with (DESIGN.md §5, issue 11):
 * each office signs with an Ed25519 key and receives with an X25519 (age) key, exchanged once as a
 * key card (密钥卡) whose fingerprint is compared on paper or by phone. How to add a method:
 * docs/architecture.md, “Adding an API method”.
 */
export const keycardsMethods = {
  'keycards.own': method<B.OwnOfficeView>()({ input: none, permission: 'keycards.read', kind: 'read' }),
  /** The current key card as a file (JSON), with its fingerprint. */
  'keycards.exportCard': method<FileContent & { fingerprint: string; keyId: string }>()({
    input: none,
    permission: 'keycards.read',
    kind: 'read',
  }),
  /** The A4 registration form (密钥登记表, PDF): office, key id and the fingerprint to check on paper. */
  'keycards.registrationForm': method<FileContent>()({ input: none, permission: 'keycards.read', kind: 'read' }),
  /** Reads another office's card without registering it: its fingerprint, and what importing would do. */
  'keycards.inspect': method<B.KeyCardView>()({ input: z.object({ file: fileContent }).strict(), permission: 'keycards.manage', kind: 'read' }),
  /** Registers the card's office (or its rotated key); the fingerprint confirmed by the user must match. */
  'keycards.import': method<B.OfficeView>()({
    input: z.object({ file: fileContent, fingerprint }).strict(),
    permission: 'keycards.manage',
    kind: 'write',
  }),
  'keycards.offices': method<B.OfficeView[]>()({ input: none, permission: 'keycards.read', kind: 'read' }),
  /** New keys; the new card is signed by the old key and the new one. */
  'keycards.rotate': method<B.OwnOfficeView>()({ input: z.object({ reason }).strict(), permission: 'keycards.manage', kind: 'write' }),
  /** The own key is compromised or lost: new keys, and a card that tells the other office to revoke the old one. */
  'keycards.revokeOwn': method<B.OwnOfficeView>()({ input: z.object({ reason }).strict(), permission: 'keycards.manage', kind: 'write' }),
  /** Another office's key is no longer trusted: packages signed by it are refused from now on. */
  'keycards.revokePeer': method<B.OfficeView>()({
    input: z.object({ officeUid, keyId, reason }).strict(),
    permission: 'keycards.manage',
    kind: 'write',
  }),
}
