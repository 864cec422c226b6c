import { declareRelative, listRelatives, mySheets, openSheets, progress, raterOf, removeRelative, saveSheet, sheetView } from '../../core/leadership/sheets'
import { importScores, previewScores, readScoreFile } from '../../core/leadership/importScores'
import { textDigest } from '../../core/audit/digest'
import { prepared, type HandlersFor } from '../router'

/**
 * The leadership group's evaluation sheets (issue 9 item 2). Thin: the rules are in
 * core/leadership. Audit entries name the sheet (rater and person) and whether it was submitted,
 * never the scores.
 */
export const leadershipHandlers: HandlersFor<'leadership'> = {
  'leadership.mySheets': ({ session }, { year }) => mySheets(session.store, raterOf(session.store, session.actor.personId), year),

  'leadership.sheet': ({ session, note }, { year, personId }) => {
    const rater = raterOf(session.store, session.actor.personId)
    note(`person:${personId}`, { year })
    return sheetView(session.store, rater, year, personId)
  },

  'leadership.saveSheet': ({ session, now, note }, input) => {
    const rater = raterOf(session.store, session.actor.personId)
    note(`person:${input.personId}`, { year: input.year, rater: rater.personId, submitted: input.submit === true, indicators: Object.keys(input.scores).length })
    return saveSheet(session.store, rater, input, session.user.id, now)
  },

  'leadership.progress': ({ session }, { year }) => progress(session.store, year),

  'leadership.open': ({ session, now, note }, { year }) => {
    note(`year:${year}`)
    return openSheets(session.store, year, session.user.id, now)
  },

  'leadership.relatives': ({ session }) => listRelatives(session.store),

  'leadership.declareRelative': ({ session, now, note }, input) => {
    note(`person:${input.personA}`, { with: input.personB })
    return declareRelative(session.store, input, session.user.id, now)
  },

  'leadership.removeRelative': ({ session, note }, { id }) => {
    note(`closeRelative:${id}`)
    return removeRelative(session.store, id)
  },

  'leadership.previewScores': prepared({
    prepare: ({ session, now }, { year, file }) => readScoreFile(session.store, year, file, now),
    run: ({ session }, { year, file }, table) => previewScores(session.store, year, file.fileName, table),
  }),

  'leadership.importScores': prepared({
    prepare: ({ session, now }, { year, file }) => readScoreFile(session.store, year, file, now),
    run: ({ session, now, note }, { year, file }, table) => {
      const result = importScores(session.store, year, table, session.user.id, now)
      note('leadershipScores', { year, fileName: textDigest(file.fileName), ...result })
      return result
    },
  }),
}
