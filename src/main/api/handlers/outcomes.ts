import { createHash } from 'node:crypto'
import { localDate } from '@shared/dates'
import {
  addToTalentPool,
  bonusTable,
  completeFollowup,
  generateOutcomes,
  listFollowups,
  outcomeLists,
  removeFromTalentPool,
  setBonus,
  type FollowUpViewer,
} from '../../core/outcomes'
import { bonusWorkbook } from '../../core/outcomes/bonusExport'
import { prepared, type CallContext, type HandlersFor } from '../router'

/**
 * 结果应用 (RULES.md §8, issue 10). Thin: the rules are core/outcomes'. Audit entries name the year,
 * people, follow-up ids and counts — never an amount, a grade or a note's words (the router digests
 * input text).
 */

function viewer(ctx: CallContext): FollowUpViewer {
  const roles = ctx.session.roles
  return { personId: ctx.session.actor.personId, isHr: roles.includes('hr'), seesAll: roles.some((r) => r === 'hr' || r === 'leader' || r === 'leaderHead') }
}

export const outcomesHandlers: HandlersFor<'outcomes'> = {
  'outcomes.bonus': ({ session, now, note }, { year }) => {
    const t = bonusTable(session.store, year, localDate(now))
    note(`outcomes:${year}`, { rows: t.rows.length })
    return t
  },

  'outcomes.setBonus': ({ session, now, note }, { year, baseFen, budgetFen }) => {
    // Amounts are T2 content: the audit records that they were set, not what they are.
    note(`outcomes:${year}`, { bonusSet: true })
    setBonus(session.store, { year, baseFen, budgetFen }, session.user.id, now)
    return bonusTable(session.store, year, localDate(now))
  },

  'outcomes.exportBonus': prepared({
    prepare: async ({ session, now }, { year }) => {
      const t = bonusTable(session.store, year, localDate(now))
      const unitName = session.store.first(session.store.qb.selectFrom('unit').select('name'))?.name ?? ''
      return { t, file: await bonusWorkbook(t, unitName, now) }
    },
    run: ({ note }, { year }, { t, file }) => {
      note(`outcomes:${year}`, { rows: t.rows.length, bytes: file.byteLength, sha256: createHash('sha256').update(file).digest('hex') })
      return { fileName: `${year}年度考核奖金表.xlsx`, contentBase64: file.toString('base64'), rows: t.rows.length, totalFen: t.totalFen }
    },
  }),

  'outcomes.generate': ({ session, now, note }, { year }) => {
    const r = generateOutcomes(session.store, year, session.user.id, now, localDate(now))
    note(`outcomes:${year}`, { created: r.created, existing: r.existing, cancelled: r.cancelled, listed: r.listed, rectificationPlans: r.rectificationPlans })
    return r
  },

  'outcomes.followups': (ctx, filter) => listFollowups(ctx.session.store, viewer(ctx), filter, localDate(ctx.now)),

  'outcomes.completeFollowup': (ctx, { id, note: text, doneOn }) => {
    const today = localDate(ctx.now)
    const v = viewer(ctx)
    const done = completeFollowup(ctx.session.store, { id, note: text, doneOn }, v, ctx.session.user.id, today)
    ctx.note(`followup:${id}`, { personId: done.personId, year: done.year, kind: done.kind })
    return listFollowups(ctx.session.store, { ...v, seesAll: true }, { year: done.year, personId: done.personId }, today).find((f) => f.id === id)!
  },

  'outcomes.lists': ({ session, now, note }, { year }) => {
    const l = outcomeLists(session.store, year, localDate(now))
    note(`outcomes:${year}`, { commendation: l.commendation.length, talentPool: l.talentPool.length, flagged: l.flagged.length })
    return l
  },

  'outcomes.addTalent': ({ session, now, note }, { year, personId, reason }) => {
    const entryId = addToTalentPool(session.store, { year, personId, reason }, session.user.id, now)
    note(`person:${personId}`, { year, talentPoolEntry: entryId })
    return outcomeLists(session.store, year, localDate(now))
  },

  'outcomes.removeTalent': ({ session, now, note }, { entryId, reason }) => {
    const e = removeFromTalentPool(session.store, { id: entryId, reason }, session.user.id, now)
    note(`person:${e.personId}`, { year: e.year, talentPoolEntry: entryId, removed: true })
    return outcomeLists(session.store, e.year, localDate(now))
  },
}
