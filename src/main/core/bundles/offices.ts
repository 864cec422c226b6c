import type { KeyCardView, OfficeView, PeerKeyView } from '@shared/bundles'
import { KaoheError } from '@shared/errors'
import type { ReadableDB, Store } from '../../db/store'
import type { PeerKey } from './format/open'
import { cardFingerprint, readKeyCard, sameFingerprint, type KeyCard } from './format/keyCard'
import { ownKeyIds, ownOfficeRef } from './officeKeys'

/**
 * The offices this one exchanges packages with (DESIGN.md §5, issue 11) and their keys, as
 * registered from key cards whose fingerprint a person compared (on the registration form or by
 * phone). The rules: a unit registers exactly one superior; a superior registers units; never an
 * office of its own kind, never itself. A later card of a registered office is accepted only when
 * its previous key — a key registered here — signed it, so a card cannot replace a key by itself.
 */

export function peerKeyLookup(db: ReadableDB, keyId: string): PeerKey | null {
  const r = db.first(
    db.qb
      .selectFrom('office_peer_keys as k')
      .innerJoin('offices as o', 'o.uid', 'k.office_uid')
      .select(['k.office_uid', 'o.kind', 'k.signing_public', 'k.status'])
      .where('k.key_id', '=', keyId),
  )
  return r ? { officeUid: r.office_uid, officeKind: r.kind, signingPublic: r.signing_public, status: r.status } : null
}

export function activePeerKey(db: ReadableDB, officeUid: string): { keyId: string; encryptionRecipient: string } | null {
  const r = db.first(
    db.qb
      .selectFrom('office_peer_keys')
      .select(['key_id', 'encryption_recipient'])
      .where('office_uid', '=', officeUid)
      .where('status', '=', 'active')
      .orderBy('imported_at', 'desc')
      .limit(1),
  )
  return r ? { keyId: r.key_id, encryptionRecipient: r.encryption_recipient } : null
}

function view(db: ReadableDB, o: { uid: string; code: string; name: string; kind: 'unit' | 'superior'; registered_at: string }): OfficeView {
  const keys: PeerKeyView[] = db
    .all(db.qb.selectFrom('office_peer_keys').selectAll().where('office_uid', '=', o.uid).orderBy('imported_at', 'desc'))
    .map((k) => ({
      keyId: k.key_id,
      fingerprint: k.fingerprint,
      status: k.status,
      importedAt: k.imported_at,
      revokedAt: k.status === 'revoked' ? k.status_at : null,
      reason: k.reason,
    }))
  const last = (direction: 'in' | 'out') => {
    const p = db.first(
      db.qb.selectFrom('packages').select(['kind', 'sequence', 'at']).where('peer_uid', '=', o.uid).where('direction', '=', direction).orderBy('sequence', 'desc').limit(1),
    )
    return p ? { kind: p.kind, sequence: p.sequence, at: p.at } : null
  }
  const unack = db.first(
    db.qb
      .selectFrom('packages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('peer_uid', '=', o.uid)
      .where('direction', '=', 'out')
      .where('kind', '!=', 'receipt')
      .where('acknowledged_at', 'is', null),
  )
  return {
    uid: o.uid,
    code: o.code,
    name: o.name,
    kind: o.kind,
    registeredAt: o.registered_at,
    keyStatus: keys.some((k) => k.status === 'active') ? 'active' : 'revoked',
    keys,
    lastReceived: last('in'),
    lastSent: last('out'),
    unacknowledged: Number(unack?.n ?? 0),
  }
}

export function registeredOffice(db: ReadableDB, uid: string): OfficeView | null {
  const o = db.first(db.qb.selectFrom('offices').select(['uid', 'code', 'name', 'kind', 'registered_at']).where('uid', '=', uid))
  return o ? view(db, o) : null
}

/** At a unit: its one registered superior. */
export function superiorOffice(db: ReadableDB): OfficeView | null {
  const o = db.first(db.qb.selectFrom('offices').select(['uid', 'code', 'name', 'kind', 'registered_at']).where('kind', '=', 'superior').limit(1))
  return o ? view(db, o) : null
}

export function listOffices(db: ReadableDB): OfficeView[] {
  return db.all(db.qb.selectFrom('offices').select(['uid', 'code', 'name', 'kind', 'registered_at']).orderBy('code')).map((o) => view(db, o))
}

type Judgement = { effect: KeyCardView['effect']; refusal: { zh: string; en: string } | null }

/** What importing the card would do here, by the rules in the module comment. */
function judge(db: ReadableDB, card: KeyCard): Judgement {
  const self = ownOfficeRef(db)
  const refuse = (zh: string, en: string): Judgement => ({ effect: 'refused', refusal: { zh, en } })
  if (card.office.uid === self.uid || ownKeyIds(db).includes(card.keyId)) return refuse('这是本机关自己的密钥卡', 'this is this office’s own card')
  if (card.office.kind === self.kind) {
    return self.kind === 'unit'
      ? refuse('基层单位之间不交换上报/下发包', 'units do not exchange packages with each other')
      : refuse('上级机关之间不交换上报/下发包', 'superior offices do not exchange packages with each other')
  }
  const known = db.first(db.qb.selectFrom('office_peer_keys').select(['office_uid', 'status']).where('key_id', '=', card.keyId))
  if (known) {
    if (known.office_uid !== card.office.uid) return refuse('该密钥已登记为另一机关的密钥', 'the key is registered to another office')
    return { effect: 'known', refusal: null }
  }
  const registered = db.first(db.qb.selectFrom('offices').select('uid').where('uid', '=', card.office.uid))
  if (!registered) {
    if (self.kind === 'unit' && db.first(db.qb.selectFrom('offices').select('uid').where('kind', '=', 'superior').limit(1))) {
      return refuse('本单位已登记上级机关，只能登记一个', 'this unit already has its superior registered; only one may be')
    }
    return { effect: 'register', refusal: null }
  }
  // A registered office's new key: signed by a key of that office registered here and not revoked.
  const prev = card.previous
  const prevRow = prev ? db.first(db.qb.selectFrom('office_peer_keys').select(['office_uid', 'status', 'signing_public']).where('key_id', '=', prev.keyId)) : null
  if (!prev || !prevRow || prevRow.office_uid !== card.office.uid || prevRow.signing_public !== prev.signingPublicKey) {
    return refuse('该机关已登记，新密钥卡须由其已登记的密钥签署', 'the office is registered: a new card must be signed by its registered key')
  }
  if (prevRow.status === 'revoked' && card.revokes !== prev.keyId) {
    return refuse('签署该卡的密钥已被吊销', 'the key that signed the card is revoked')
  }
  return { effect: 'rotate', refusal: null }
}

export function inspectCard(db: ReadableDB, bytes: Uint8Array): KeyCardView {
  const card = readKeyCard(bytes)
  const j = judge(db, card)
  return {
    office: card.office,
    keyId: card.keyId,
    fingerprint: cardFingerprint(card),
    createdAt: card.createdAt,
    previousKeyId: card.previous?.keyId ?? null,
    revokesKeyId: card.revokes,
    effect: j.effect,
    refusal: j.refusal,
  }
}

/** Registers the card (or its rotated key), after the fingerprint the user confirmed matched. */
export function importCard(store: Store, bytes: Uint8Array, confirmed: string, userId: number | null, now: Date): { office: OfficeView; card: KeyCardView } {
  const card = readKeyCard(bytes)
  const fingerprint = cardFingerprint(card)
  if (!sameFingerprint(fingerprint, confirmed)) {
    throw new KaoheError('KEYCARD_FINGERPRINT_MISMATCH', { actual: fingerprint, confirmed: confirmed.trim() })
  }
  const j = judge(store, card)
  if (j.refusal) throw new KaoheError('KEYCARD_REFUSED', { reason: j.refusal.zh, reasonEn: j.refusal.en })
  const at = now.toISOString()
  if (j.effect === 'register') {
    store.run(
      store.qb.insertInto('offices').values({ uid: card.office.uid, code: card.office.code, name: card.office.name, kind: card.office.kind, registered_at: at, registered_by: userId }),
    )
  } else {
    store.run(store.qb.updateTable('offices').set({ code: card.office.code, name: card.office.name }).where('uid', '=', card.office.uid))
  }
  if (j.effect === 'rotate' && card.previous) {
    store.run(
      store.qb
        .updateTable('office_peer_keys')
        .set({ status: 'rotated', status_at: at })
        .where('office_uid', '=', card.office.uid)
        .where('status', '=', 'active'),
    )
  }
  if (card.revokes) {
    store.run(
      store.qb
        .updateTable('office_peer_keys')
        .set({ status: 'revoked', status_at: at, reason: '对方机关声明吊销 / revoked by its office' })
        .where('office_uid', '=', card.office.uid)
        .where('key_id', '=', card.revokes),
    )
  }
  if (j.effect !== 'known') {
    store.run(
      store.qb.insertInto('office_peer_keys').values({
        key_id: card.keyId,
        office_uid: card.office.uid,
        signing_public: card.signingPublicKey,
        encryption_recipient: card.encryptionRecipient,
        fingerprint,
        card: new TextDecoder().decode(bytes),
        status: 'active',
        imported_at: at,
        imported_by: userId,
        status_at: null,
        reason: null,
      }),
    )
  }
  const office = registeredOffice(store, card.office.uid)
  if (!office) throw new Error('the office just registered is missing')
  return { office, card: { ...inspectCard(store, bytes), effect: j.effect, refusal: null } }
}

/** Another office's key is no longer trusted: packages signed by it are refused from now on. */
export function revokePeer(store: Store, officeUid: string, keyId: string, reason: string, now: Date): OfficeView {
  const row = store.first(store.qb.selectFrom('office_peer_keys').select('status').where('office_uid', '=', officeUid).where('key_id', '=', keyId))
  if (!row) throw new KaoheError('KEYCARD_NOT_FOUND', { office: officeUid, keyId })
  store.run(
    store.qb.updateTable('office_peer_keys').set({ status: 'revoked', status_at: now.toISOString(), reason }).where('office_uid', '=', officeUid).where('key_id', '=', keyId),
  )
  const office = registeredOffice(store, officeUid)
  if (!office) throw new Error('the office is missing')
  return office
}
