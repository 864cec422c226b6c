import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Store, readOnlyView, type ReadableDB, type WritableDB } from '../../src/main/db/store'
import { Router, type Handlers } from '../../src/main/api/router'
import { handlers } from '../../src/main/api/handlers'
import { ADMIN_PASSWORDS, newUnit, passwordOf, tempDir } from '../support/tempUnit'

function departments(db: ReadableDB): string[] {
  return db.all(db.qb.selectFrom('departments').select('name').orderBy('name')).map((r) => r.name)
}

function addDepartment(db: WritableDB, name: string): void {
  db.run(db.qb.insertInto('departments').values({ name, code: name, sort_order: 0 }))
}

describe('read and write handles', () => {
  it('a read-only run refuses every write and writes nothing; writing works again after it', () => {
    const store = Store.open(join(tempDir(), 'h.kaohe'), randomBytes(32))
    addDepartment(store, '办公室')
    expect(() => store.readOnly(() => addDepartment(store, '人事科'))).toThrow(/readonly/)
    expect(() => store.readOnly(() => store.raw.exec("UPDATE departments SET name = '改名'"))).toThrow(/readonly/)
    expect(store.readOnly(() => departments(store))).toEqual(['办公室'])
    // Inside a transaction (an audited read): the handler cannot write, the audit entry after it can.
    store.tx(() => {
      expect(() => store.readOnly(() => addDepartment(store, '人事科'))).toThrow(/readonly/)
      addDepartment(store, '执法一科')
    })
    expect(departments(store)).toEqual(['办公室', '执法一科'])
    store.close()
  })

  it('the read-only view has no write methods, at compile time and at run time', () => {
    const store = Store.open(join(tempDir(), 'v.kaohe'), randomBytes(32))
    addDepartment(store, '办公室')
    const reader = readOnlyView(store)
    expect(departments(reader)).toEqual(['办公室'])
    expect([...reader.iterate(reader.qb.selectFrom('departments').select('code'))]).toEqual([{ code: '办公室' }])
    // @ts-expect-error a ReadableDB has no run
    expect(reader.run).toBeUndefined()
    // @ts-expect-error a ReadableDB has no tx
    expect(reader.tx).toBeUndefined()
    // @ts-expect-error a ReadableDB is not a WritableDB
    expect(() => addDepartment(reader, '人事科')).toThrow(TypeError)
    expect(departments(store)).toEqual(['办公室'])
    store.close()
  })

  it('the router runs a read method read-only: one that tries to write fails with INTERNAL and writes nothing', async () => {
    const u = await newUnit()
    await u.login('sysadmin', ADMIN_PASSWORDS.sysadmin)
    await u.ok('auth.changePassword', { oldPassword: ADMIN_PASSWORDS.sysadmin, newPassword: passwordOf('sysadmin') })
    const logged: string[] = []
    const writingRead = {
      ...handlers,
      // users.list is a read method; this stand-in tries to write before answering.
      'users.list': (ctx) => {
        addDepartment(ctx.session.store, '不该写入')
        return []
      },
    } as Handlers
    const router = new Router(u.app.state, writingRead, (msg) => logged.push(msg))
    const r = await router.call('users.list', {})
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.code).toBe('INTERNAL')
    expect(logged).toEqual([expect.stringMatching(/internal error \w+ in users\.list/)])
    const store = u.app.state.session!.store
    expect(departments(store)).toEqual([])
    // The connection writes again for the next (write) call.
    expect(store.raw.pragma('query_only', { simple: true })).toBe(0)
    const added = await u.app.call('users.add', { username: 'hr1', displayName: '人事', password: 'hr1-First-1' })
    expect(added.ok).toBe(true)
    u.app.close()
  })
})
