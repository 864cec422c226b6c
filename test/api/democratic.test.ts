import { describe, expect, it } from 'vitest'
import { METHOD_NAMES } from '../../src/shared/api/contract'
import { democraticInputs } from '../../src/main/core/democratic/inputs'
import { DEFAULT_POLICY } from '../../src/main/core/policy/defaults'
import { readPolicyConstraints } from '../../src/main/core/policy/constraints'
import { defaultGuideline } from '../../src/main/core/guideline/defaults'
import type { BallotCell } from '../../src/shared/democratic'
import { passwordOf } from '../support/tempUnit'
import { democraticUnit, issue, text, uniformCells, vote } from '../support/democratic'

/** Issue 9 item 1: 民主测评 — ballot codes, kiosk ballots, paper tallies, validity and the aggregate. */

const P5 = readPolicyConstraints(DEFAULT_POLICY).P5_recipientVoterShareMin
const MIN_BALLOTS = defaultGuideline(2026).channels.democratic.minBallots
const HR = passwordOf('hr1')

describe('democratic evaluation', () => {
  it('issues codes once, carries their category, and refuses a second use', async () => {
    const u = await democraticUnit()
    const codes = await issue(u, 2, 1)
    expect(codes.colleague).toHaveLength(2)
    expect(codes.representative).toHaveLength(1)
    for (const c of [...codes.colleague, ...codes.representative]) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
    expect(Buffer.from(codes.pdf.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
    const round = await u.ok('democratic.round', { year: 2026 })
    expect(round.codes).toEqual({ colleague: { issued: 2, used: 0 }, representative: { issued: 1, used: 0 } })
    // Never retrievable again: no method answers with a code after the one that issued them.
    expect(JSON.stringify(round)).not.toContain(codes.colleague[0]!)

    await u.ok('democratic.kioskStart', { year: 2026 })
    const start = await u.ok('democratic.ballotBegin', { code: codes.representative[0]!.toLowerCase().replace(/-/g, ' ') })
    expect(start.category).toBe('representative')
    expect(start.participants.map((p) => p.name).sort()).toEqual(['张明', '李娜', '王芳', '赵刚'].sort())
    await u.ok('democratic.ballotSubmit', { code: codes.representative[0]!, cells: [{ personId: u.id('00101'), dimension: 'de', level: '优秀' }] })
    expect(await u.err('democratic.ballotSubmit', { code: codes.representative[0]!, cells: [] })).toMatchObject({ code: 'BALLOT_CODE_USED' })
    expect(await u.err('democratic.ballotBegin', { code: codes.representative[0]! })).toMatchObject({ code: 'BALLOT_CODE_USED' })
    expect(await u.err('democratic.ballotBegin', { code: 'ZZZZ-ZZZZ-ZZZZ' })).toMatchObject({ code: 'BALLOT_CODE_UNKNOWN' })
    // A ballot naming someone not on it is refused, and the code stays unused.
    expect(await u.err('democratic.ballotSubmit', { code: codes.colleague[0]!, cells: [{ personId: 9999, dimension: 'de', level: '优秀' }] })).toMatchObject({ code: 'BALLOT_CELL_INVALID' })
    await u.ok('democratic.ballotBegin', { code: codes.colleague[0]! })
    await u.ok('kiosk.exit', { password: HR })
    const after = await u.ok('democratic.round', { year: 2026 })
    expect(after.codes).toEqual({ colleague: { issued: 2, used: 0 }, representative: { issued: 1, used: 1 } })
    expect(after.kioskBallots).toEqual({ colleague: 0, representative: 1 })
  })

  it('the ballot kiosk refuses everything else, the survey kiosk included', async () => {
    const u = await democraticUnit()
    await u.ok('democratic.kioskStart', { year: 2026 })
    expect(await u.ok('auth.session')).toMatchObject({ kiosk: true, ballotKiosk: 2026 })
    const allowed = new Set(METHOD_NAMES.filter((m) => m.startsWith('democratic.ballot')))
    for (const m of ['org.people.list', 'democratic.round', 'democratic.codes', 'democratic.aggregate', 'auth.logout', 'kiosk.start'] as const) {
      expect((await u.app.call(m, { year: 2026, colleagues: 1, representatives: 0 })) as unknown, m).toMatchObject({ ok: false })
    }
    expect(allowed.size).toBe(2)
    expect(await u.err('kiosk.officials')).toMatchObject({ code: 'KIOSK_MODE' })
    expect(await u.err('kiosk.rate', { personId: u.id('00101'), level: 'satisfied' })).toMatchObject({ code: 'KIOSK_MODE' })
    await u.ok('kiosk.exit', { password: HR })
    // And the survey kiosk cannot take ballots.
    await u.ok('kiosk.start', {})
    expect(await u.err('democratic.ballotBegin', { code: 'AAAA-AAAA-AAAA' })).toMatchObject({ code: 'KIOSK_MODE' })
    await u.ok('kiosk.exit', { password: HR })
  })

  it('needs an open round for codes, the kiosk and ballots', async () => {
    const u = await democraticUnit(false)
    expect(await u.err('democratic.codes', { year: 2026, colleagues: 1, representatives: 0 })).toMatchObject({ code: 'DEMOCRATIC_ROUND_NOT_OPEN' })
    expect(await u.err('democratic.kioskStart', { year: 2026 })).toMatchObject({ code: 'DEMOCRATIC_ROUND_NOT_OPEN' })
    await u.ok('democratic.open', { year: 2026 })
    expect(await u.err('democratic.codes', { year: 2026, colleagues: 0, representatives: 0 })).toMatchObject({ code: 'BALLOT_CODES_NONE' })
    const codes = await issue(u, 1, 0)
    await u.ok('democratic.close', { year: 2026 })
    expect((await u.ok('democratic.round', { year: 2026 })).status).toBe('closed')
    expect(await u.err('democratic.kioskStart', { year: 2026 })).toMatchObject({ code: 'DEMOCRATIC_ROUND_NOT_OPEN' })
    // A kiosk started while open cannot take a ballot once the round closed.
    await u.ok('democratic.open', { year: 2026 })
    await u.ok('democratic.kioskStart', { year: 2026 })
    await u.app.state.session!.store.tx(() => u.app.state.session!.store.raw.prepare("UPDATE democratic_rounds SET status = 'closed'").run())
    expect(await u.err('democratic.ballotSubmit', { code: codes.colleague[0]!, cells: [] })).toMatchObject({ code: 'DEMOCRATIC_ROUND_NOT_OPEN' })
  })

  it('P5: the round is valid only with enough representatives among valid sheets', async () => {
    const u = await democraticUnit()
    // 3 colleagues, 1 representative: 25% < P5.
    const codes = await issue(u, 3, 2)
    const ids = u.ids4
    await vote(u, [...codes.colleague.map((code) => ({ code, cells: uniformCells(ids.slice(0, 1), '称职') })), { code: codes.representative[0]!, cells: uniformCells(ids.slice(0, 1), '优秀') }], HR)
    let round = await u.ok('democratic.round', { year: 2026 })
    expect(round.validSheets).toEqual({ colleagues: 3, representatives: 1, total: 4 })
    expect(round.p5Min).toBe(P5)
    expect(round.representativeShare).toBe('25.00')
    expect(round.valid).toBe(25 >= P5)
    expect(round.invalidReason?.zh).toContain('P5')
    await vote(u, [{ code: codes.representative[1]!, cells: [] }], HR)
    round = await u.ok('democratic.round', { year: 2026 })
    expect(round.representativeShare).toBe('40.00')
    expect(round.valid).toBe(40 >= P5)
    expect(round.invalidReason).toBeNull()
    const inputs = democraticInputs(u.app.state.session!.store, 2026)
    expect(inputs.round).toEqual({ status: 'open', validSheets: { colleagues: 3, representatives: 2 } })
  })

  it('shows the aggregate only after closing, only for people with at least minBallots ballots, never a ballot', async () => {
    const u = await democraticUnit()
    const [a, b] = u.ids4
    const n = MIN_BALLOTS
    const codes = await issue(u, n, 1)
    // Person a is rated on every ballot, person b on one only.
    const ballots: { code: string; cells: BallotCell[] }[] = codes.colleague.map((code, i) => ({ code, cells: [{ personId: a!, dimension: 'de' as const, level: i === 0 ? ('优秀' as const) : ('称职' as const) }] }))
    ballots.push({ code: codes.representative[0]!, cells: [{ personId: a!, dimension: 'ji', level: '基本称职' }, { personId: b!, dimension: 'de', level: '优秀' }] })
    await vote(u, ballots, HR)
    await u.as('head1')
    expect(await u.ok('democratic.aggregate', { year: 2026 })).toMatchObject({ status: 'open', people: [] })
    await u.as('hr1')
    await u.ok('democratic.close', { year: 2026 })
    await u.as('head1')
    const agg = await u.ok('democratic.aggregate', { year: 2026 })
    expect(agg.minBallots).toBe(n)
    expect(agg.people.map((p) => p.personId)).toEqual([a])
    expect(agg.hidden).toBe(1)
    const pa = agg.people[0]!
    expect(pa.ballots).toBe(n + 1)
    expect(pa.dimensions.de).toEqual({ 优秀: 1, 称职: n - 1, 基本称职: 0, 不称职: 0 })
    expect(pa.dimensions.ji).toEqual({ 优秀: 0, 称职: 0, 基本称职: 1, 不称职: 0 })
    expect(Object.keys(pa).sort()).toEqual(['ballots', 'department', 'dimensions', 'name', 'personId', 'staffNo'])
    // The engine's inputs: levels per dimension, sheets per person.
    const inputs = democraticInputs(u.app.state.session!.store, 2026)
    expect(inputs.perPerson.get(a!)).toMatchObject({ ballotCount: n + 1, uniformBallots: 0 })
    expect(inputs.perPerson.get(a!)!.ballots.de).toEqual(['优秀', ...Array(n - 1).fill('称职')])
    expect(inputs.perPerson.get(b!)!.ballotCount).toBe(1)
  })

  it('flags a uniform ballot; the policy decides whether it counts', async () => {
    const u = await democraticUnit()
    const codes = await issue(u, 2, 0)
    await vote(u, [{ code: codes.colleague[0]!, cells: uniformCells(u.ids4, '优秀') }, { code: codes.colleague[1]!, cells: uniformCells(u.ids4.slice(1), '优秀') }], HR)
    const round = await u.ok('democratic.round', { year: 2026 })
    expect(round.uniformBallots).toBe(1)
    expect(round.uniformDiscarded).toBe(DEFAULT_POLICY.annual.uniformBallotsInvalid)
    const inputs = democraticInputs(u.app.state.session!.store, 2026)
    expect(inputs.perPerson.get(u.ids4[0]!)!.uniformBallots).toBe(1)
    expect(inputs.round.validSheets.colleagues).toBe(DEFAULT_POLICY.annual.uniformBallotsInvalid ? 1 : 2)
    // With the policy discarding uniform ballots, it is not a valid sheet and its levels are not counted.
    const policy = { ...DEFAULT_POLICY, version: 'uniform-invalid', annual: { ...DEFAULT_POLICY.annual, uniformBallotsInvalid: true } }
    await u.as('hr1')
    const pending = await u.ok('policy.import', { year: 2026, file: text('policy.json', JSON.stringify(policy)) })
    await u.as('head1')
    await u.ok('policy.decide', { id: pending.id, approve: true })
    const strict = democraticInputs(u.app.state.session!.store, 2026)
    expect(strict.round.validSheets.colleagues).toBe(1)
    expect(strict.perPerson.get(u.ids4[0]!)).toMatchObject({ ballotCount: 0, uniformBallots: 1, ballots: { de: [] } })
    expect(strict.perPerson.get(u.ids4[1]!)!.ballots.de).toEqual(['优秀'])
  })

  it('imports paper tallies with row errors; a dry run writes nothing; a good file replaces the year’s tallies', async () => {
    const u = await democraticUnit()
    const header = '工号,姓名,维度,类别,优秀,称职,基本称职,不称职,有效票数'
    const bad = text(
      '计票.csv',
      [header, '00101,张明,德,同事,5,3,0,0,10', '00101,张明,德,同事,1,0,0,0,', '00102,李娜,美,同事,1,0,0,0,', '00199,某某,能,同事,1,0,0,0,', '00201,赵刚,勤,服务对象代表,x,0,0,0,4', '00202,王芳,绩,同事,8,3,0,0,9', '00202,王芳,廉,服务对象代表,1,0,0,0,'].join('\n') + '\n',
    )
    const dry = await u.ok('democratic.importTallies', { year: 2026, file: bad, dryRun: true })
    expect(dry.written).toBe(false)
    const codes = dry.errors.map((e) => `${e.row}:${e.code}`)
    expect(codes).toEqual(['3:TALLY_DUPLICATE', '4:TALLY_BAD_DIMENSION', '5:TALLY_UNKNOWN_STAFF_NO', '6:TALLY_BAD_COUNT', '7:TALLY_SHEETS_DIFFER', '7:TALLY_OVER_SHEETS'])
    expect(dry.errors.find((e) => e.code === 'TALLY_BAD_COUNT')).toMatchObject({ column: '优秀', value: 'x' })
    expect(await u.err('democratic.importTallies', { year: 2026, file: bad })).toMatchObject({ code: 'TALLIES_INVALID', params: { count: 6, row: 3 } })
    const store = u.app.state.session!.store
    expect(store.raw.prepare('SELECT count(*) AS n FROM ballot_tallies').get()).toEqual({ n: 0 })

    const good = text('计票.csv', [header, '00101,张明,德,同事,5,3,1,0,10', '00101,张明,能,同事,6,3,0,0,', '00101,张明,德,服务对象代表,4,1,0,0,5'].join('\n') + '\n')
    const okDry = await u.ok('democratic.importTallies', { year: 2026, file: good, dryRun: true })
    expect(okDry).toMatchObject({ errors: [], written: false, people: 1, cells: 3, sheets: { colleague: 10, representative: 5 } })
    expect(store.raw.prepare('SELECT count(*) AS n FROM ballot_tallies').get()).toEqual({ n: 0 })
    expect(await u.ok('democratic.importTallies', { year: 2026, file: good })).toMatchObject({ written: true })
    const round = await u.ok('democratic.round', { year: 2026 })
    expect(round.paperSheets).toEqual({ colleague: 10, representative: 5 })
    expect(round.validSheets).toEqual({ colleagues: 10, representatives: 5, total: 15 })
    const p = democraticInputs(store, 2026).perPerson.get(u.id('00101'))!
    // Sheets that rated him: per category the most counts of one dimension (9 colleagues, 5 representatives).
    expect(p.ballotCount).toBe(14)
    expect(p.ballots.de).toHaveLength(14)
    expect(p.ballots.neng).toEqual([...Array(6).fill('优秀'), ...Array(3).fill('称职')])
    // Importing again replaces, with a warning.
    const again = await u.ok('democratic.importTallies', { year: 2026, file: good, dryRun: true })
    expect(again.warnings.map((w) => w.code)).toContain('TALLY_REPLACES')
    await u.ok('democratic.importTallies', { year: 2026, file: good })
    expect(democraticInputs(store, 2026).perPerson.get(u.id('00101'))!.ballotCount).toBe(14)
  })
})
