import ExcelJS from 'exceljs'
import type { ConsolidatedRow, ConsolidatedView, UnitYearView } from '@shared/bundles'
import type { ReadableDB, Store } from '../../db/store'
import { GRADES, allowedExcellent, resultsPayloadSchema, type ResultsPayload } from './payloads'

/**
 * At the superior (上级机关): the results the units sent. A unit's later package for the same year
 * replaces the earlier one entirely (a corrected 上报包); the payload's exact JSON text is kept so
 * the 备案 documents are made from what the unit sent, byte for byte.
 */

/** Replaces that unit's year, in the caller's transaction (the import's). */
export function storeUnitResults(store: Store, unitUid: string, packageId: string, payloadText: string, now: Date): void {
  const p = resultsPayloadSchema.parse(JSON.parse(payloadText))
  store.run(store.qb.deleteFrom('superior_results').where('unit_uid', '=', unitUid).where('year', '=', p.year))
  store.run(store.qb.deleteFrom('superior_unit_years').where('unit_uid', '=', unitUid).where('year', '=', p.year))
  store.run(
    store.qb.insertInto('superior_unit_years').values({ unit_uid: unitUid, year: p.year, package_id: packageId, received_at: now.toISOString(), payload: payloadText, n: p.N, k: p.K, excellent: p.counts['优秀'] }),
  )
  for (const person of p.people) {
    store.run(
      store.qb.insertInto('superior_results').values({
        unit_uid: unitUid,
        year: p.year,
        staff_no: person.staffNo,
        name: person.name,
        department: person.department,
        post: person.post,
        rank: person.rank,
        category: person.category,
        grade: person.grade,
        t: person.T,
        democratic: person.channels.democratic,
        leadership: person.channels.leadership,
        quarterly: person.channels.quarterly,
      }),
    )
  }
}

/** A unit's payload as received (null when none for that year). */
export function receivedPayload(db: ReadableDB, unitUid: string, year: number): ResultsPayload | null {
  const row = db.first(db.qb.selectFrom('superior_unit_years').select('payload').where('unit_uid', '=', unitUid).where('year', '=', year))
  return row ? resultsPayloadSchema.parse(JSON.parse(row.payload)) : null
}

export function consolidated(db: ReadableDB, year: number, unitUid?: string): ConsolidatedView {
  let q = db.qb.selectFrom('superior_unit_years').selectAll().where('year', '=', year)
  if (unitUid) q = q.where('unit_uid', '=', unitUid)
  const units: UnitYearView[] = db.all(q.orderBy('unit_uid')).map((row) => {
    const p = resultsPayloadSchema.parse(JSON.parse(row.payload))
    const counts = Object.fromEntries(GRADES.map((g) => [g, p.counts[g]])) as UnitYearView['counts']
    return {
      unit: p.unit,
      year,
      packageId: row.package_id,
      receivedAt: row.received_at,
      N: p.N,
      K: p.K,
      excellent: p.counts['优秀'],
      approval: p.approval,
      counts,
      overQuota: p.counts['优秀'] > allowedExcellent(p),
      appeals: { filed: p.appeals.length, upheld: p.appeals.filter((a) => a.outcome === 'upheld').length, refused: p.appeals.filter((a) => a.outcome === 'refused').length },
    }
  })
  units.sort((a, b) => a.unit.code.localeCompare(b.unit.code))
  const names = new Map(units.map((u) => [u.unit.uid, u.unit.name]))
  let r = db.qb.selectFrom('superior_results').selectAll().where('year', '=', year)
  if (unitUid) r = r.where('unit_uid', '=', unitUid)
  const rows: ConsolidatedRow[] = db.all(r.orderBy('unit_uid').orderBy('staff_no')).map((x) => ({
    unitUid: x.unit_uid,
    unitName: names.get(x.unit_uid) ?? '',
    staffNo: x.staff_no,
    name: x.name,
    department: x.department,
    post: x.post,
    rank: x.rank,
    grade: x.grade,
    T: x.t,
    democratic: x.democratic,
    leadership: x.leadership,
    quarterly: x.quarterly,
  }))
  return { year, units, rows }
}

/** The consolidated view as a workbook: one sheet of units (counts, quota, 超比例 marked), one of people. */
export async function consolidatedWorkbook(v: ConsolidatedView, officeName: string, now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Kaohe 考核台'
  wb.created = now
  const ws = wb.addWorksheet(`${v.year}年度汇总`, { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] })
  ws.mergeCells('A1:L1')
  ws.getCell('A1').value = `${officeName} ${v.year} 年度考核结果汇总`
  ws.getCell('A1').font = { bold: true, size: 14 }
  const head = ws.getRow(2)
  ;['单位代码', '单位', '参评人数', '优秀限额 K', '优秀', ...GRADES.slice(1), '批复文号', '超比例', '申诉'].forEach((h, i) => (head.getCell(i + 1).value = h))
  head.font = { bold: true }
  for (const u of v.units) {
    const row = ws.addRow([u.unit.code, u.unit.name, u.N, u.K, u.excellent, ...GRADES.slice(1).map((g) => u.counts[g]), u.approval?.document ?? '', u.overQuota ? '是' : '否', u.appeals.filed])
    if (u.overQuota) row.font = { color: { argb: 'FFC00000' }, bold: true }
  }
  const wp = wb.addWorksheet(`${v.year}年度人员`, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] })
  wp.addRow(['单位', '工号', '姓名', '科室', '职务', '职级', '等次', '综合得分', '民主测评', '领导评价', '平时考核']).font = { bold: true }
  for (const r of v.rows) wp.addRow([r.unitName, r.staffNo, r.name, r.department ?? '', r.post, r.rank, r.grade, r.T, r.democratic, r.leadership, r.quarterly])
  return Buffer.from(await wb.xlsx.writeBuffer())
}
