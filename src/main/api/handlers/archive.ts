import { createHash } from 'node:crypto'
import { localDate } from '@shared/dates'
import { scopeOf } from '../../core/access/relations'
import { archiveOf, archivePdf, listSuggestions, setSuggestion } from '../../core/archive'
import { prepared, type HandlersFor } from '../router'

/**
 * 成长档案 and 培训建议 (RULES.md §8). Thin: the rules are core/archive's. Audit entries name the
 * person and counts; a suggestion edit records its key, length and digest, never the text.
 */
export const archiveHandlers: HandlersFor<'archive'> = {
  'archive.people': ({ session }) => {
    const scope = scopeOf(session.store, session.actor, 'archive.read')
    let q = session.store.qb
      .selectFrom('people as p')
      .leftJoin('departments as d', 'd.id', 'p.department_id')
      .select(['p.id', 'p.staff_no', 'p.name', 'p.post', 'd.name as department'])
      .orderBy('p.staff_no')
    if (scope !== 'all') {
      if (!scope.length) return []
      q = q.where('p.id', 'in', scope)
    }
    return session.store.all(q).map((p) => ({ personId: p.id, staffNo: p.staff_no, name: p.name, department: p.department, post: p.post }))
  },

  'archive.show': ({ session, now, note }, { personId }) => {
    const view = archiveOf(session.store, personId, localDate(now))
    note(`person:${personId}`, { years: view.years.length, needs: view.needs.length })
    return view
  },

  'archive.print': prepared({
    prepare: async ({ session, now }, { personId }) => {
      const view = archiveOf(session.store, personId, localDate(now))
      const unitName = session.store.first(session.store.qb.selectFrom('unit').select('name'))?.name ?? ''
      return { view, pdf: await archivePdf(unitName, view, localDate(now)) }
    },
    run: ({ note }, { personId }, { view, pdf }) => {
      note(`person:${personId}`, { years: view.years.length, bytes: pdf.byteLength, sha256: createHash('sha256').update(pdf).digest('hex') })
      return { fileName: `成长档案-${view.person.staffNo}-${view.person.name}.pdf`, contentBase64: pdf.toString('base64') }
    },
  }),

  'archive.suggestions': ({ session, now }, { year }) => listSuggestions(session.store, year ?? Number(localDate(now).slice(0, 4))),

  'archive.setSuggestion': ({ session, now, note }, { key, suggestion }) => {
    setSuggestion(session.store, key, suggestion, session.user.id, now)
    note(`trainingSuggestion:${key}`, { chars: [...suggestion].length, sha256: createHash('sha256').update(suggestion, 'utf8').digest('hex') })
    return listSuggestions(session.store, Number(localDate(now).slice(0, 4)))
  },
}
