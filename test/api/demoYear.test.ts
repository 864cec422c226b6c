import { describe, expect, it } from 'vitest'
import { createKaohe } from '../../src/main/api/app'
import { DEMO_STORY } from '../../src/main/core/demo/demoYear'
import { attendance, survey } from '../../src/main/core/metrics'
import { defaultGuideline } from '../../src/main/core/guideline/defaults'
import type { AttendanceStatus } from '../../src/main/core/metrics'
import { FAST_POLICY, client, tempDir } from '../support/tempUnit'

const PASSWORD = 'Kaohe@2026'

describe('the demo unit, issue 4: a year of data', () => {
  it('gives every demo account something to see', { timeout: 60_000 }, async () => {
    const dir = tempDir()
    // No wall-clock limit: timings belong in bench/, and a busy machine must not fail a behaviour test.
    const app = createKaohe({ dataDir: dir, policy: FAST_POLICY, demoIfEmpty: true, clock: () => new Date('2026-11-24T10:00:00') })
    const c = client(app, dir)
    const store = () => app.state.session!.store
    const idOf = (staffNo: string) => store().first(store().qb.selectFrom('people').select('id').where('staff_no', '=', staffNo))!.id

    // staff: their own ledger and their approved letter.
    await c.login('staff', PASSWORD)
    const me = idOf('0402')
    const ledger = await c.ok('ledger.list', { personId: me, limit: 200 })
    expect(ledger.entries.length).toBeGreaterThan(15)
    expect(ledger.entries.every((e) => e.day <= '2026-11-24')).toBe(true)
    const letter = await c.ok('commitments.get', { personId: me, year: 2026 })
    expect(letter.current?.state).toMatch(/approved|inForce/)
    expect(letter.current!.tasks.length).toBeGreaterThanOrEqual(3)
    await c.ok('auth.logout')

    // kezhang: talks due this month and overdue from last month.
    await c.login('kezhang', PASSWORD)
    const home = await c.ok('home.tasks')
    const kinds = home.map((t) => t.kind)
    expect(kinds).toContain('talks.overdue')
    expect(kinds).toContain('talks.dueThisMonth')
    await c.ok('auth.logout')

    // The leadership: the failing person's interview and support plan are open.
    await c.login('head', PASSWORD)
    const failing = idOf(DEMO_STORY.failing)
    const followups = await c.ok('quarterly.followups.list', { state: 'open' })
    const mine = followups.filter((f) => f.personId === failing)
    expect(mine.map((f) => f.kind).sort()).toEqual(['interview', 'supportPlan'])
    expect(mine[0]).toMatchObject({ year: 2026, quarter: 1 })
    expect(followups.filter((f) => f.personId !== failing)).toEqual([])
    expect((await c.ok('home.tasks')).map((t) => t.kind)).toContain('quarterly.followupsOpen')
    await c.ok('auth.logout')

    // HR: Q2 graded in several kinds; a 样本不足 flag; the late-comer's attendance below 90.
    await c.login('hr', PASSWORD)
    const q2 = await c.ok('quarterly.status', { year: 2026, quarter: 2 })
    const grades = new Set(q2.map((r) => r.grade).filter((g) => g !== null))
    expect(grades.size).toBeGreaterThanOrEqual(3)
    expect(grades).toContain('poor')
    expect(q2.filter((r) => r.peersRated >= 3).length).toBeGreaterThan(20)

    const guideline = defaultGuideline(2026)
    const indicator = Object.values(guideline.categories.enforcement.dimensions)
      .flatMap((d) => d.indicators)
      .find((i) => i.source === 'survey')
    if (!indicator || indicator.source !== 'survey') throw new Error('no survey indicator')
    const responses = store().all(store().qb.selectFrom('survey_responses').select(['person_id', 'level']).where('day', '>=', '2026-01-01'))
    const byPerson = new Map<number, string[]>()
    for (const r of responses) byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), r.level])
    const flagged = [...byPerson].filter(([, levels]) => survey(levels, indicator).flags.includes('SAMPLE_TOO_SMALL'))
    expect(flagged.map(([id]) => id)).toEqual([idOf(DEMO_STORY.fewResponses)])
    expect([...byPerson.values()].filter((l) => l.length >= 10).length).toBeGreaterThan(25)

    const rule = Object.values(guideline.categories.enforcement.dimensions)
      .flatMap((d) => d.indicators)
      .find((i) => i.source === 'metric' && i.rule.name === 'attendance')
    if (!rule || rule.source !== 'metric' || rule.rule.name !== 'attendance') throw new Error('no attendance rule')
    const rows = store().all(store().qb.selectFrom('attendance_records').select(['day', 'status', 'hours']).where('person_id', '=', idOf(DEMO_STORY.lateComer)))
    const result = attendance(
      rows.map((r) => ({ date: r.day, status: r.status as AttendanceStatus, ...(r.hours !== null ? { hours: r.hours } : {}) })),
      rule.rule,
      { departmentHasData: true },
    )
    expect(result.score).toBeLessThan(90)
    expect(result.evidence.absent).toBe(1)
    app.close()
  })
})
