import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { PERMISSIONS, type PermissionRule } from '../../src/shared/access/permissions'
import { contract, SLICES, type Capability, type MethodName } from '../../src/shared/api/contract'
import { METHOD_FLAGS, method, type AnyMethodDef } from '../../src/shared/api/method'
import { METHOD_NAMES } from '../../src/shared/api/methodNames'
import { handlers, HANDLERS_BY_CAPABILITY } from '../../src/main/api/handlers'
import { ROUTER_SETS } from '../../src/main/api/router'
import { authorize, type Actor } from '../../src/main/core/access/authorize'

/**
 * A method is declared once, in its capability's slice (src/shared/api/<capability>.ts); every
 * other list of methods is derived from the slices. These tests fail when one disagrees (the
 * method labels of the UI: test/renderer/methodLabels.test.ts).
 */
const capabilities = Object.keys(SLICES) as Capability[]
const sliceOf = (c: Capability) => SLICES[c] as Record<string, AnyMethodDef>
const declared = capabilities.flatMap((c) => Object.keys(sliceOf(c)))

describe('the slices', () => {
  it('declare each method in exactly one slice, and the contract is their union', () => {
    expect(new Set(declared).size, 'a method declared in two slices').toBe(declared.length)
    expect(Object.keys(contract).sort()).toEqual([...declared].sort())
    for (const c of capabilities) for (const [m, def] of Object.entries(sliceOf(c))) expect(contract[m as MethodName], m).toBe(def)
  })

  it('are what methodNames.ts (the preload’s list) lists, in the same order', () => {
    expect([...METHOD_NAMES]).toEqual(declared)
  })

  it('give every method a schema, a known permission and a kind', () => {
    for (const m of METHOD_NAMES) {
      const def: AnyMethodDef = contract[m]
      expect(def.input, m).toBeInstanceOf(z.ZodType)
      expect(Object.keys(PERMISSIONS), m).toContain(def.permission)
      expect(['read', 'write'], m).toContain(def.kind)
    }
  })

  it('give a subject to every method whose permission a relation grants, and none to the others', () => {
    for (const m of METHOD_NAMES) {
      const def: AnyMethodDef = contract[m]
      const rule: PermissionRule = PERMISSIONS[def.permission]
      if (rule.relations?.length) expect(def.subject, `${m} (${def.permission}) needs a subject`).toBeDefined()
      else expect(def.subject, `${m} (${def.permission}) is granted by role only`).toBeUndefined()
      // A subject key must be a field of the input, holding a number.
      if (typeof def.subject === 'string') {
        const shape = (def.input as z.ZodObject).shape as Record<string, z.ZodType>
        expect(Object.keys(shape), m).toContain(def.subject)
        expect(shape[def.subject]!.safeParse(7).success, `${m}.${def.subject} takes a person id`).toBe(true)
      }
    }
  })
})

describe('what is derived from the slices', () => {
  it('has a handler for every method of every slice, in that capability’s handler module', () => {
    expect(Object.keys(HANDLERS_BY_CAPABILITY).sort()).toEqual([...capabilities].sort())
    for (const c of capabilities) {
      const module = HANDLERS_BY_CAPABILITY[c] as Record<string, unknown>
      for (const m of Object.keys(sliceOf(c))) {
        const h = module[m]
        expect(typeof h === 'function' || (typeof h === 'object' && h !== null && 'prepare' in h && 'run' in h), `${c}: ${m}`).toBe(true)
      }
    }
    expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort())
  })

  it('gives the router exactly the flagged methods as its sets', () => {
    for (const flag of METHOD_FLAGS) {
      const flagged = METHOD_NAMES.filter((m) => (contract[m] as AnyMethodDef)[flag] === true)
      expect([...ROUTER_SETS[flag]].sort(), flag).toEqual(flagged.sort())
    }
  })

  it('lets a kiosk session, a locked one and one that must change its password call only what they need', () => {
    expect([...ROUTER_SETS.kioskAllowed].sort()).toEqual(['auth.session', 'democratic.ballotBegin', 'democratic.ballotSubmit', 'kiosk.exit', 'kiosk.officials', 'kiosk.rate', 'leads.lodgeAtKiosk', 'setup.status'])
    expect([...ROUTER_SETS.allowedWhileLocked].sort()).toEqual(['auth.lock', 'auth.logout', 'auth.session', 'auth.unlock'])
    expect([...ROUTER_SETS.allowedBeforePasswordChange].sort()).toEqual(['auth.changePassword', 'auth.lock', 'auth.logout', 'auth.session'])
    expect([...ROUTER_SETS.outsideTransaction]).toEqual(['backup.create'])
  })
})

describe('a relation-based permission', () => {
  const supervisor: Actor = { userId: 5, username: 'sup', roles: ['supervisor'], personId: 10 }
  const relationsTo = (personId: number) => new Set(personId === 11 ? (['supervisor', 'supervisorChain'] as const) : [])

  it('is refused when checked without a subject, not silently allowed', () => {
    expect(authorize(supervisor, 'ledger.write')).toBe(false)
    expect(authorize(supervisor, 'quarterly.rate')).toBe(false)
  })

  it('holds for the person the relation is to, and not for another', () => {
    expect(authorize(supervisor, 'ledger.write', { personId: 11, relationsTo })).toBe(true)
    expect(authorize(supervisor, 'ledger.write', { personId: 12, relationsTo })).toBe(false)
  })

  it('lets a scoped call through to be narrowed, but never for an administrator or an unlinked account', () => {
    expect(authorize(supervisor, 'ledger.read', 'scoped')).toBe(true)
    expect(authorize({ ...supervisor, personId: null }, 'ledger.read', 'scoped')).toBe(false)
    expect(authorize({ ...supervisor, roles: ['sysadmin'] }, 'ledger.read', 'scoped')).toBe(false)
  })

  it('is still granted outright by a role that holds it, without a subject', () => {
    expect(authorize({ userId: 6, username: 'hr', roles: ['hr'], personId: null }, 'ledger.read')).toBe(true)
  })

  it('cannot be declared without a typed subject (checked by tsc, which compiles this file)', () => {
    const input = z.object({ personId: z.number().int(), year: z.number().int(), text: z.string(), quarter: z.literal(1) }).strict()
    const ok = method<null>()({ input, permission: 'ledger.write', kind: 'write', subject: 'personId' })
    // @ts-expect-error a misspelt subject is not a key of the input
    method<null>()({ input, permission: 'ledger.write', kind: 'write', subject: 'personID' })
    // @ts-expect-error a subject must hold a number (a person id), not text
    method<null>()({ input, permission: 'ledger.write', kind: 'write', subject: 'text' })
    // @ts-expect-error a relation-based permission without a subject
    method<null>()({ input, permission: 'ledger.write', kind: 'write' })
    // @ts-expect-error a permission granted by role only takes no subject
    method<null>()({ input, permission: 'ledger.import', kind: 'write', subject: 'personId' })
    const list = method<null>()({ input, permission: 'ledger.read', kind: 'read', subject: { scope: 'list' } })
    expect([ok.subject, list.subject]).toEqual(['personId', { scope: 'list' }])
  })
})
