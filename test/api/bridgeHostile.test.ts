import { writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startBridge, type Bridge } from '../../src/main/api/bridge'
import { readyUnit, tempDir, type ReadyUnit } from '../support/tempUnit'

/**
 * Issue 7 defect 12 (bridge and router parts): the loopback bridge decodes a body split inside a
 * UTF-8 character, answers malformed %-encoding with 400, and the router refuses input nested
 * thousands deep as INVALID_INPUT before its schema.
 */
const bridges: Bridge[] = []
afterEach(async () => {
  for (const b of bridges.splice(0)) await b.close()
})

async function bridgeOver(u: ReadyUnit): Promise<Bridge> {
  const dir = tempDir()
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head></head><body></body></html>')
  const b = await startBridge(u.app, { rendererDir: dir })
  bridges.push(b)
  return b
}

interface Answer {
  status: number
  body: string
}

/** One raw request; `chunks` are written one by one with chunked transfer encoding, so each arrives as its own chunk. */
function raw(b: Bridge, method: string, path: string, chunks: Buffer[] = []): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: b.port,
        method,
        path,
        headers: { 'content-type': 'application/json', 'x-kaohe-token': b.token, 'transfer-encoding': 'chunked' },
      },
      (res) => {
        const got: Buffer[] = []
        res.on('data', (c: Buffer) => got.push(c))
        res.on('end', () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(got).toString('utf8') }))
      },
    )
    req.on('error', fail)
    const next = (i: number) => {
      if (i >= chunks.length) return void req.end()
      // Each write waits for the previous one to be flushed: separate chunks on the wire.
      req.write(chunks[i]!, () => next(i + 1))
    }
    next(0)
  })
}

const deep = (levels: number): unknown => {
  let v: unknown = 1
  for (let i = 0; i < levels; i++) v = [v]
  return v
}

describe('the bridge and the router against hostile input', () => {
  it('decodes a body whose UTF-8 characters are split across chunks', async () => {
    const u = await readyUnit()
    await u.as('hr1')
    const b = await bridgeOver(u)
    const name = '中文姓名'
    const body = Buffer.from(
      JSON.stringify({ staffNo: '0901', name, departmentId: null, category: 'general', supervisorId: null, riskPost: false, status: 'active', joinedOn: null, leftOn: null, effectiveOn: '2026-01-05' }),
      'utf8',
    )
    // Cut inside 中 (three bytes: E4 B8 AD) and inside 姓.
    const first = body.indexOf(Buffer.from('中', 'utf8')) + 1
    const second = body.indexOf(Buffer.from('姓', 'utf8')) + 2
    const answer = await raw(b, 'POST', '/api/org.people.save', [body.subarray(0, first), body.subarray(first, second), body.subarray(second)])
    expect(answer.status).toBe(200)
    const result = JSON.parse(answer.body) as { ok: boolean; value: { name: string } }
    expect(result).toMatchObject({ ok: true, value: { name } })
    expect((await u.ok('org.people.list', {})).map((p) => p.name)).toContain(name)
  })

  it('answers malformed %-encoding with 400, in a method name and in a file path', async () => {
    const u = await readyUnit()
    const b = await bridgeOver(u)
    expect(await raw(b, 'POST', '/api/%E0%A4%A', [Buffer.from('{}')])).toMatchObject({ status: 400 })
    expect(await raw(b, 'POST', '/api/setup.status%', [Buffer.from('{}')])).toMatchObject({ status: 400 })
    expect(await raw(b, 'GET', '/assets/%E0%A4%A.js')).toMatchObject({ status: 400 })
    // Well-formed encoding still works.
    const ok = await raw(b, 'POST', '/api/setup%2Estatus', [Buffer.from('{}')])
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true })
  })

  it('refuses input nested 10,000 deep as INVALID_INPUT, through the router and through the bridge', async () => {
    const u = await readyUnit()
    await u.as('hr1')
    expect(await u.app.call('guideline.validate', { guideline: deep(10_000) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await u.app.call('guideline.saveDraft', { year: 2026, guideline: deep(10_000) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    // Any method, any field: the depth is checked before the schema.
    expect(await u.app.call('org.people.list', deep(10_000))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const b = await bridgeOver(u)
    // Written out by hand: JSON.stringify itself cannot nest this deep.
    const body = `{"guideline":${'['.repeat(10_000)}1${']'.repeat(10_000)}}`
    const answer = await raw(b, 'POST', '/api/guideline.validate', [Buffer.from(body)])
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    // A real guideline's depth is far below the limit.
    expect(await u.app.call('guideline.validate', { guideline: { a: { b: { c: { d: { e: { f: { g: [[1]] } } } } } } } })).not.toMatchObject({
      error: { code: 'INVALID_INPUT' },
    })
  })
})
