import { DIMENSIONS } from '../../src/shared/guideline/model'
import type { BallotLevel } from '../../src/shared/annual'
import type { BallotCell } from '../../src/shared/democratic'
import { readyUnit, type ReadyUnit } from './tempUnit'

/** Shared set-up of the democratic-evaluation tests: a unit of four people and an open 2026 round. */
export const text = (fileName: string, body: string) => ({ fileName, contentBase64: Buffer.from(body, 'utf8').toString('base64') })
export const ROSTER = text(
  '花名册.csv',
  ['工号,姓名,科室,岗位,岗位类别', '00101,张明,综合科,科长,综合管理', '00102,李娜,综合科,科员,综合管理', '00201,赵刚,执法大队,队长,行政执法', '00202,王芳,执法大队,队员,行政执法'].join('\n') + '\n',
)
export const NOV_20 = new Date(2026, 10, 20, 10, 37, 12)

export type Unit = ReadyUnit & { id: (staffNo: string) => number; ids4: number[] }

export async function democraticUnit(open = true): Promise<Unit> {
  const u = await readyUnit({ clock: () => NOV_20 })
  await u.as('hr1')
  await u.ok('org.roster.import', ROSTER)
  const people = await u.ok('org.people.list', {})
  if (open) await u.ok('democratic.open', { year: 2026 })
  const id = (staffNo: string) => people.find((p) => p.staffNo === staffNo)!.id
  return Object.assign(u, { id, ids4: ['00101', '00102', '00201', '00202'].map(id) })
}

/** Every participant on every dimension with one level. */
export function uniformCells(ids: number[], level: BallotLevel): BallotCell[] {
  return ids.flatMap((personId) => DIMENSIONS.map((dimension) => ({ personId, dimension, level })))
}

/** Issues codes (as hr1) and returns them by category. */
export async function issue(u: ReadyUnit, colleagues: number, representatives: number) {
  await u.as('hr1')
  const r = await u.ok('democratic.codes', { year: 2026, colleagues, representatives })
  return {
    batch: r.batch,
    colleague: r.codes.filter((c) => c.category === 'colleague').map((c) => c.code),
    representative: r.codes.filter((c) => c.category === 'representative').map((c) => c.code),
    pdf: r.pdf,
  }
}

/** Votes at the ballot kiosk (started as hr1) with each code and its cells, then leaves the kiosk. */
export async function vote(u: ReadyUnit, ballots: { code: string; cells: BallotCell[] }[], password: string) {
  await u.ok('democratic.kioskStart', { year: 2026 })
  for (const b of ballots) {
    await u.ok('democratic.ballotBegin', { code: b.code })
    await u.ok('democratic.ballotSubmit', b)
  }
  await u.ok('kiosk.exit', { password })
}
