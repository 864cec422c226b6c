import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import type { FileContent } from '@shared/api/types'
import { officeSecrets } from '../../src/main/core/bundles/officeKeys'
import { readyUnit, type ReadyUnit } from '../support/tempUnit'

/**
 * Key cards between real units (issue 11): a unit and a superior office (a second real database
 * turned superior) make their keys at the first hr sign-in, exchange cards, register each other with
 * the fingerprint a person confirmed; mismatches, a second superior, unit↔unit and own cards are
 * refused; rotation and revocation carry over; staff hold no office secret.
 */
let unit: ReadyUnit
let sup: ReadyUnit
let sup2: ReadyUnit
let unit2: ReadyUnit

/** As `kaohe init --superior` would have made it: before any hr sign-in made the keys. */
async function makeSuperior(u: ReadyUnit, code: string): Promise<void> {
  await u.as('sysadmin')
  const store = u.app.state.session!.store
  store.run(store.qb.updateTable('unit').set({ kind: 'superior', code, name: `上级机关${code}` }))
  // readyUnit's hr1 already signed in (as a unit): start the keys afresh, as a new superior's would.
  store.run(store.qb.deleteFrom('tier_key_grants').where('tier', 'like', 'OFFICE:%'))
  store.run(store.qb.deleteFrom('office_keys'))
}

async function card(u: ReadyUnit): Promise<FileContent & { fingerprint: string; keyId: string }> {
  await u.as('hr1')
  return u.ok('keycards.exportCard')
}

const file = (c: FileContent): FileContent => ({ fileName: c.fileName, contentBase64: c.contentBase64 })

// test/support/tempUnit removes its directories after each test: the exchange is one test, its steps in order.
const steps: [string, () => Promise<void>][] = []
const step = (name: string, f: () => Promise<void>): void => void steps.push([name, f])
const section = (_name: string, f: () => void): void => f()

section('own keys', () => {
  step('are made at the first hr sign-in, survive the password change, and only hr accounts hold them', async () => {
    await unit.as('hr1')
    const own = await unit.ok('keycards.own')
    expect(own.current?.status).toBe('current')
    expect(own.holdsKeys).toBe(true)
    expect(own.current?.fingerprint).toMatch(/^(\d{5} ){11}\d{5}$/)
    const s = unit.app.state.session!
    const secrets = officeSecrets(s.store, { userId: s.user.id, ...s.keys })
    expect(secrets.map((x) => x.keyId)).toEqual([own.current!.keyId])
    // Nothing in the database (readable with the database key alone) is the secret itself.
    const dump = JSON.stringify([s.store.all(s.store.qb.selectFrom('office_keys').selectAll()), s.store.all(s.store.qb.selectFrom('tier_key_grants').selectAll())])
    expect(dump).not.toContain(secrets[0]!.identity)
    expect(dump).not.toContain(Buffer.from(secrets[0]!.signingSecret).toString('base64'))
    await unit.as('staff1')
    const staff = unit.app.state.session!
    expect(officeSecrets(staff.store, { userId: staff.user.id, ...staff.keys })).toEqual([])
    expect((await unit.err('keycards.own')).code).toBe('FORBIDDEN')
  })

  step('prints the registration form with the fingerprint', async () => {
    const c = await card(unit)
    const form = await unit.ok('keycards.registrationForm')
    const dir = mkdtempSync(join(tmpdir(), 'kaohe-form-'))
    writeFileSync(join(dir, 'f.pdf'), Buffer.from(form.contentBase64, 'base64'))
    execFileSync('pdftotext', [join(dir, 'f.pdf'), join(dir, 'f.txt')])
    const text = readFileSync(join(dir, 'f.txt'), 'utf8').replace(/\s+/g, '')
    expect(text).toContain(c.fingerprint.replace(/\s+/g, ''))
    expect(text).toContain('密钥登记表')
    expect(text).toContain(c.keyId)
  })
})

section('registering offices', () => {
  step('refuses a mismatched fingerprint, naming both, then registers with the right one', async () => {
    const s = await card(sup)
    await unit.as('hr1')
    const view = await unit.ok('keycards.inspect', { file: file(s) })
    expect(view.effect).toBe('register')
    expect(view.fingerprint).toBe(s.fingerprint)
    const wrong = s.fingerprint.replace(/^\d/, (d) => String((Number(d) + 1) % 10))
    const e = await unit.err('keycards.import', { file: file(s), fingerprint: wrong })
    expect(e.code).toBe('KEYCARD_FINGERPRINT_MISMATCH')
    expect(JSON.stringify(e.params)).toContain(s.fingerprint)
    expect(JSON.stringify(e.params)).toContain(wrong)
    expect(await unit.ok('keycards.offices')).toEqual([])
    const o = await unit.ok('keycards.import', { file: file(s), fingerprint: s.fingerprint.replace(/ /g, '-') })
    expect(o.kind).toBe('superior')
    expect(o.keys.map((k) => [k.keyId, k.status])).toEqual([[s.keyId, 'active']])
    // and the superior registers the unit
    const u = await card(unit)
    await sup.as('hr1')
    const ou = await sup.ok('keycards.import', { file: file(u), fingerprint: u.fingerprint })
    expect(ou.kind).toBe('unit')
  })

  step('refuses a second superior, a unit at a unit, and the own card', async () => {
    const s2 = await card(sup2)
    const u2 = await card(unit2)
    const own = await card(unit)
    expect((await unit.ok('keycards.inspect', { file: file(s2) })).effect).toBe('refused')
    expect((await unit.err('keycards.import', { file: file(s2), fingerprint: s2.fingerprint })).code).toBe('KEYCARD_REFUSED')
    expect((await unit.err('keycards.import', { file: file(u2), fingerprint: u2.fingerprint })).code).toBe('KEYCARD_REFUSED')
    expect((await unit.err('keycards.import', { file: file(own), fingerprint: own.fingerprint })).code).toBe('KEYCARD_REFUSED')
    const s1 = await card(sup)
    await sup2.as('hr1')
    expect((await sup2.err('keycards.import', { file: file(s1), fingerprint: s1.fingerprint })).code).toBe('KEYCARD_REFUSED')
    expect((await unit.ok('keycards.offices')).length).toBe(1)
  })

  step('accepts the superior’s rotated card (old key rotated) and its revocation (old key revoked)', async () => {
    const before = await card(sup)
    const rotated = await sup.ok('keycards.rotate', { reason: '年度更换' })
    expect(rotated.keys.map((k) => k.status)).toEqual(['current', 'retired'])
    const after = await card(sup)
    expect(after.keyId).not.toBe(before.keyId)
    await unit.as('hr1')
    expect((await unit.ok('keycards.inspect', { file: file(after) })).effect).toBe('rotate')
    expect((await unit.err('keycards.import', { file: file(after), fingerprint: before.fingerprint })).code).toBe('KEYCARD_FINGERPRINT_MISMATCH')
    const o = await unit.ok('keycards.import', { file: file(after), fingerprint: after.fingerprint })
    expect(Object.fromEntries(o.keys.map((k) => [k.keyId, k.status]))).toEqual({ [before.keyId]: 'rotated', [after.keyId]: 'active' })

    await sup.as('hr1')
    const revoked = await sup.ok('keycards.revokeOwn', { reason: '电脑丢失' })
    expect(revoked.keys.find((k) => k.keyId === after.keyId)?.status).toBe('revoked')
    const third = await card(sup)
    await unit.as('hr1')
    const o2 = await unit.ok('keycards.import', { file: file(third), fingerprint: third.fingerprint })
    const st = Object.fromEntries(o2.keys.map((k) => [k.keyId, k.status]))
    expect(st[after.keyId]).toBe('revoked')
    expect(st[third.keyId]).toBe('active')
  })

  step('revokes a peer key with a reason', async () => {
    await sup.as('hr1')
    const [o] = await sup.ok('keycards.offices')
    const key = o!.keys[0]!.keyId
    const r = await sup.ok('keycards.revokePeer', { officeUid: o!.uid, keyId: key, reason: '对方报告泄露' })
    expect(r.keys[0]).toMatchObject({ keyId: key, status: 'revoked', reason: '对方报告泄露' })
    expect(r.keyStatus).toBe('revoked')
  })
})

it('exchanges key cards between a real unit and real superiors', { timeout: 300_000 }, async () => {
  ;[unit, sup, sup2, unit2] = await Promise.all([readyUnit(), readyUnit(), readyUnit(), readyUnit()])
  await makeSuperior(sup, 'SUP-01')
  await makeSuperior(sup2, 'SUP-02')
  for (const [name, f] of steps) {
    try {
      await f()
    } catch (e) {
      throw new Error(`step “${name}”: ${(e as Error).message}`, { cause: e })
    }
  }
})
