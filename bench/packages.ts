/**
 * bench/packages: sealed packages (issue 11, DESIGN.md §5).
 *
 * 1. seal: a results payload of 20,000 people sealed as a package (ZIP, manifest, Ed25519
 *    signature, age encryption) — ms and bytes/s — against the same run's baseline, raw age
 *    encryption (encryptTo) of the same payload bytes; ratio = ours ÷ raw age (aim ≥ 0.5).
 * 2. import: a real superior office (encrypted database, its HR account signed in through the API)
 *    with 200 registered unit offices (keys and cards made with the format functions, registered
 *    with keycards.import), each unit's 2025 results package sealed with sealPackage and imported
 *    with bundles.import (every check, one transaction each) — ms per package.
 * 3. fuzz: mutated copies of a valid, not yet imported package (bytes flipped, cut, appended,
 *    spliced) fed to bundles.import; none may be imported.
 *
 *   npm run bench -- packages
 *   BENCH_UNITS=50 BENCH_FUZZ=500 npm run bench -- packages
 *   BENCH_PARTS=seal npm run bench -- packages      (only part 1)
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Result } from '../src/shared/errors'
import type { ImportResult, OfficeRef } from '../src/shared/bundles'
import { createKaohe } from '../src/main/api/app'
import { DEFAULT_POLICY, type Policy } from '../src/main/core/policy/defaults'
import { locationOf } from '../src/main/core/unit/location'
import { buildSuperiorOffice, SUPERIOR_HR_USER } from '../src/main/core/demo/demoSuperior'
import { DEMO_PASSWORD } from '../src/main/core/demo/demoUnit'
import { encryptTo, newAgeIdentity } from '../src/main/core/bundles/format/age'
import { newSigningKey, keyIdOf } from '../src/main/core/bundles/format/ed25519'
import { cardFingerprint, makeKeyCard, readKeyCard } from '../src/main/core/bundles/format/keyCard'
import { sealPackage } from '../src/main/core/bundles/format/seal'
import { GRADES, type Grade, type ResultsPayload } from '../src/main/core/bundles/payloads'
import { POST_CATEGORIES } from '../src/shared/guideline/model'
import { openPackage } from '../src/main/core/bundles/format/open'
import { contextFor, fuzzCases, world } from '../test/support/packageFuzz'

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 20_000)
const UNITS = Number(process.env.BENCH_UNITS ?? 200)
const FUZZ = Number(process.env.BENCH_FUZZ ?? 2_000)
const FORMAT_FUZZ = Number(process.env.BENCH_FORMAT_FUZZ ?? 5_000)
const YEAR = 2025
// The key slots' cost is not what this measures; the import path is.
const POLICY: Policy = { ...DEFAULT_POLICY, security: { ...DEFAULT_POLICY.security, scryptLog2N: 12 } }

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6
const r1 = (x: number) => Math.round(x * 10) / 10
const r3 = (x: number) => Math.round(x * 1000) / 1000
const hex = (n: number) => randomBytes(n).toString('hex')

/** A results payload of n people, as exportResultsPackage writes data/results.json (payloads.ts). */
function benchResultsPayload(unit: OfficeRef, year: number, n: number): ResultsPayload {
  const K = Math.floor(n * 0.2)
  const people: ResultsPayload['people'] = Array.from({ length: n }, (_, i) => {
    const grade: Grade = i < K ? '优秀' : i % 10 === 9 ? '基本称职' : '称职'
    return {
      staffNo: `B${String(i + 1).padStart(6, '0')}`,
      name: `人员${i + 1}`,
      department: `科室${1 + (i % 20)}`,
      post: '科员',
      rank: '一级科员',
      category: POST_CATEGORIES[i % POST_CATEGORIES.length]!,
      grade,
      proposed: grade,
      status: 'graded',
      T: r1(95 - (i * 30) / n),
      channels: { democratic: r1(90 - (i % 17)), leadership: r1(88 - (i % 13)), quarterly: r1(85 - (i % 11)) },
      dimensions: ['德', '能', '勤', '绩', '廉'].map((dimension, d) => ({ dimension, leadership: r1(80 + ((i + d) % 20)), democratic: r1(78 + ((i + d) % 21)) })),
      note: null,
    }
  })
  const counts = Object.fromEntries(GRADES.map((g) => [g, people.filter((p) => p.grade === g).length])) as ResultsPayload['counts']
  return {
    year,
    unit,
    N: n,
    K,
    quota: { zh: `优秀不超过 ${K} 人（20%）`, en: `at most ${K} 优秀 (20%)` },
    approval: null,
    guidelineVersion: 1,
    inputsSha256: hex(32),
    counts,
    people,
    appeals: [],
  }
}

interface UnitOffice {
  ref: OfficeRef
  keyId: string
  secret: Uint8Array
}

function newUnit(i: number): UnitOffice & { card: Uint8Array; fingerprint: string } {
  const signing = newSigningKey()
  const age = newAgeIdentity()
  const ref: OfficeRef = { uid: hex(16), code: `BENCH-${String(i).padStart(3, '0')}`, name: `基准测试县第${i}局`, kind: 'unit' }
  const { card, bytes } = makeKeyCard(
    { office: ref, signingPublicKey: signing.publicKey, encryptionRecipient: age.recipient, createdAt: new Date().toISOString(), previous: null, revokes: null },
    signing.secret,
  )
  return { ref, keyId: keyIdOf(signing.publicKey), secret: signing.secret, card: bytes, fingerprint: cardFingerprint(card) }
}

async function seal(unit: UnitOffice, to: { ref: OfficeRef; keyId: string; recipient: string }, payload: Uint8Array) {
  return sealPackage({
    manifest: {
      packageId: hex(16),
      kind: 'results',
      createdAt: new Date().toISOString(),
      sender: { ...unit.ref, keyId: unit.keyId },
      recipient: { ...to.ref, keyId: to.keyId },
      period: String(YEAR),
      sequence: 1,
      previousSha256: null,
      auditHead: null,
    },
    files: new Map([['data/results.json', payload]]),
    signing: { keyId: unit.keyId, secret: unit.secret },
    recipient: to.recipient,
  })
}

async function sealBench() {
  const signing = newSigningKey()
  const own: UnitOffice = { ref: { uid: hex(16), code: 'BENCH-BIG', name: '基准测试大单位', kind: 'unit' }, keyId: keyIdOf(signing.publicKey), secret: signing.secret }
  const superiorAge = newAgeIdentity()
  const to = { ref: { uid: hex(16), code: 'BENCH-SJ', name: '基准测试上级机关', kind: 'superior' as const }, keyId: hex(8), recipient: superiorAge.recipient }
  const payload = new TextEncoder().encode(JSON.stringify(benchResultsPayload(own.ref, YEAR, PEOPLE)))
  // One warm-up each, then the median of five.
  const runs = async (f: () => Promise<unknown>) => {
    await f()
    const times: number[] = []
    for (let i = 0; i < 5; i++) {
      const t0 = process.hrtime.bigint()
      await f()
      times.push(ms(t0))
    }
    return times.sort((a, b) => a - b)[2]!
  }
  let sealedBytes = 0
  const oursMs = await runs(async () => {
    sealedBytes = (await seal(own, to, payload)).bytes.byteLength
  })
  const ageMs = await runs(() => encryptTo(to.recipient, payload))
  const ours = payload.byteLength / (oursMs / 1000)
  const raw = payload.byteLength / (ageMs / 1000)
  return {
    people: PEOPLE,
    payloadBytes: payload.byteLength,
    packageBytes: sealedBytes,
    sealMs: r1(oursMs),
    sealMBps: r1(ours / 1e6),
    baselineAgeMs: r1(ageMs),
    baselineAgeMBps: r1(raw / 1e6),
    ratio: r3(ours / raw),
    aim: 0.5,
    withinAim: ours / raw >= 0.5,
  }
}

async function call<T>(app: { call(m: string, i: unknown): Promise<Result<unknown>> }, method: string, input: unknown): Promise<T> {
  const r = await app.call(method, input)
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`)
  return r.value as T
}

async function importBench() {
  const dir = mkdtempSync(join(tmpdir(), 'kaohe-bench-packages-'))
  try {
    const loc = locationOf(join(dir, 'superior.kaohe'))
    buildSuperiorOffice(loc, { policy: POLICY, now: new Date() })
    const app = createKaohe({ dbPath: loc.dbPath, policy: POLICY })
    try {
      await call(app, 'auth.login', { username: SUPERIOR_HR_USER, password: DEMO_PASSWORD })
      const card = await call<{ contentBase64: string }>(app, 'keycards.exportCard', {})
      const own = readKeyCard(Buffer.from(card.contentBase64, 'base64'))
      const to = { ref: own.office, keyId: own.keyId, recipient: own.encryptionRecipient }

      const units = Array.from({ length: UNITS + 1 }, (_, i) => newUnit(i + 1))
      let t0 = process.hrtime.bigint()
      for (const u of units) {
        await call(app, 'keycards.import', { file: { fileName: `${u.ref.code}.kaohe-keycard`, contentBase64: Buffer.from(u.card).toString('base64') }, fingerprint: u.fingerprint })
      }
      const registerMs = ms(t0)

      const sealed = await Promise.all(units.map(async (u) => (await seal(u, to, new TextEncoder().encode(JSON.stringify(benchResultsPayload(u.ref, YEAR, 40))))).bytes))
      const file = (bytes: Uint8Array) => ({ fileName: 'bench.kaohe-package', contentBase64: Buffer.from(bytes).toString('base64') })
      const times: number[] = []
      for (const bytes of sealed.slice(0, UNITS)) {
        t0 = process.hrtime.bigint()
        const r = await call<ImportResult>(app, 'bundles.import', { file: file(bytes) })
        times.push(ms(t0))
        if (r.alreadyImported || r.kind !== 'results') throw new Error('import did not import')
      }
      const view = await call<{ units: unknown[] }>(app, 'bundles.consolidated', { year: YEAR })
      times.sort((a, b) => a - b)

      // The fuzz: the last unit's package, never imported, mutated.
      const valid = sealed[UNITS]!
      let rand = 11
      const next = () => (rand = (rand * 1103515245 + 12345) >>> 0) / 4294967296
      const at = (n: number) => Math.floor(next() * n)
      const mutate = (i: number): Uint8Array => {
        const b = Uint8Array.from(valid)
        switch (i % 5) {
          case 0: // one bit
            b[at(b.length)]! ^= 1 << at(8)
            return b
          case 1: // several bytes
            for (let k = 0; k < 1 + at(16); k++) b[at(b.length)] = at(256)
            return b
          case 2: // cut short
            return b.slice(0, at(b.length))
          case 3: // bytes appended
            return Uint8Array.from([...b, ...randomBytes(1 + at(64))])
          default: {
            // a span copied over another place
            const from = at(b.length)
            const len = 1 + at(256)
            b.copyWithin(at(b.length), from, from + len)
            return b
          }
        }
      }
      let imported = 0
      let fed = 0
      const refusedBy: Record<string, number> = {}
      t0 = process.hrtime.bigint()
      for (let i = 0; i < FUZZ; i++) {
        const m = mutate(i)
        if (Buffer.from(m).equals(Buffer.from(valid))) continue
        fed++
        const r = await app.call('bundles.import', { file: file(m) })
        if (r.ok) imported++
        else {
          const check = String(r.error.params?.check ?? r.error.code)
          refusedBy[check] = (refusedBy[check] ?? 0) + 1
        }
      }
      const fuzzMs = ms(t0)
      return {
        import: {
          units: UNITS,
          registerMsPerCard: r1(registerMs / units.length),
          importMsPerPackageMedian: r1(times[Math.floor(times.length / 2)]!),
          importMsPerPackageP95: r1(times[Math.floor(times.length * 0.95)]!),
          importMsTotal: r1(times.reduce((a, b) => a + b, 0)),
          consolidatedUnits: view.units.length,
        },
        fuzz: { cases: fed, imported, refusedBy, msPerCase: r3(fuzzMs / fed) },
      }
    } finally {
      app.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The format fuzz of test/support/packageFuzz.ts with more cases than CI: half mutate the file,
 * half the inner zip re-encrypted to the superior (those reach zip, manifest and signature).
 */
async function formatFuzz() {
  const w = world()
  const cases = await fuzzCases(w, FORMAT_FUZZ, 20261202)
  let opened = 0
  const refusedBy: Record<string, number> = {}
  const t0 = process.hrtime.bigint()
  for (const c of cases) {
    const r = await openPackage(c.file, contextFor(w, w.superior))
    if (r.ok) opened++
    else refusedBy[r.failed.check] = (refusedBy[r.failed.check] ?? 0) + 1
  }
  return { cases: cases.length, opened, refusedBy, msPerCase: r3(ms(t0) / cases.length) }
}

async function main(): Promise<void> {
  const parts = (process.env.BENCH_PARTS ?? 'seal,import,fuzz').split(',')
  const sealResult = parts.includes('seal') ? await sealBench() : null
  const { import: imp, fuzz } = parts.includes('import') ? await importBench() : { import: null, fuzz: null }
  const fuzzFormat = parts.includes('fuzz') ? await formatFuzz() : null
  console.log(
    JSON.stringify(
      {
        bench: 'packages',
        seal: sealResult,
        import: imp,
        fuzz,
        fuzzFormat,
        note: 'seal: our package (zip + manifest + signature + age) of the results payload against raw age encryption of the same bytes in the same run, median of 5; ratio = our bytes/s ÷ age bytes/s (aim ≥ 0.5). import: bundles.import at a real superior with the units registered, every check in one transaction. fuzz: mutated packages at the superior, none may import; fuzzFormat: packageFuzz.ts cases through openPackage, none may open',
      },
      null,
      2,
    ),
  )
  if ((fuzz && fuzz.imported > 0) || (fuzzFormat && fuzzFormat.opened > 0) || (sealResult && !sealResult.withinAim) || (imp && imp.consolidatedUnits !== UNITS)) process.exitCode = 1
}

void main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
