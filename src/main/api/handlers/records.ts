import { localDate } from '@shared/dates'
import { importAttendance, previewAttendance, readAttendance } from '../../core/attendance/importer'
import { ATTENDANCE_COLUMNS } from '../../core/attendance/parse'
import { attendanceTemplate, attendanceTemplateCsv } from '../../core/attendance/template'
import { describeColumns } from '../../core/imports/template'
import { SURVEY_COLUMNS } from '../../core/survey/parse'
import { surveyTemplate, surveyTemplateCsv } from '../../core/survey/template'
import { scopeOf } from '../../core/access/relations'
import { importSurvey, previewSurvey, readSurvey } from '../../core/survey/importer'
import { listTalks, recordTalk } from '../../core/talks'
import { prepared, type HandlersFor } from '../router'
import { textDigest } from '../../core/audit/digest'

/**
 * Records that feed the metric rules (issue 4): attendance and satisfaction imports, monthly
 * talks. Audit entries say what file and how many rows, never the content (talk notes are T1).
 */
export const recordHandlers: HandlersFor<'records' | 'talks'> = {
  'attendance.preview': prepared({
    prepare: ({ session, state, now }, file) => readAttendance(session.store, file, now, state.onProgress),
    run: ({ session }, file, parse) => previewAttendance(session.store, file.fileName, parse),
  }),

  'attendance.import': prepared({
    prepare: ({ session, state, now }, file) => readAttendance(session.store, file, now, state.onProgress),
    run: ({ session, now, note }, file, parse) => {
      const result = importAttendance(session.store, file.fileName, parse, { actorId: session.user.id, now })
      note('attendance', { fileName: textDigest(file.fileName), rows: parse.totalRows, ...result })
      return result
    },
  }),

  'survey.preview': prepared({
    prepare: ({ session, state, now }, file) => readSurvey(session.store, file, localDate(now), state.onProgress),
    run: ({ session }, file, read) => previewSurvey(session.store, file.fileName, read),
  }),

  'survey.import': prepared({
    prepare: ({ session, state, now }, file) => readSurvey(session.store, file, localDate(now), state.onProgress),
    run: ({ session, now, note }, file, read) => {
      // Noted before the import so a refused file is audited with its name too.
      note('survey', { fileName: textDigest(file.fileName), rows: read.parse.totalRows, sha256: read.sha256 })
      const result = importSurvey(session.store, file.fileName, read, { now })
      note('survey', { fileName: textDigest(file.fileName), rows: read.parse.totalRows, sha256: read.sha256, ...result })
      return result
    },
  }),

  'records.template': prepared({
    prepare: async (_ctx, { kind, format }) => {
      const name = kind === 'attendance' ? '考勤导入模板' : '服务评价导入模板'
      if (format === 'csv') {
        const csv = kind === 'attendance' ? attendanceTemplateCsv() : surveyTemplateCsv()
        return { fileName: `${name}.csv`, contentBase64: Buffer.from(csv, 'utf8').toString('base64') }
      }
      const xlsx = kind === 'attendance' ? await attendanceTemplate() : await surveyTemplate()
      return { fileName: `${name}.xlsx`, contentBase64: xlsx.toString('base64') }
    },
    run: (_ctx, _input, file) => file,
  }),

  'records.columns': (_ctx, { kind }) => describeColumns(kind === 'attendance' ? ATTENDANCE_COLUMNS : SURVEY_COLUMNS),

  'talks.list': ({ session, now }, { month }) =>
    listTalks(session.store, scopeOf(session.store, session.actor, 'talks.read'), month, localDate(now), session.actor.personId),

  'talks.record': ({ session, now, note }, input) => {
    const status = recordTalk(session.store, input, {
      userId: session.user.id,
      supervisorPersonId: session.actor.personId,
      now,
      today: localDate(now),
    })
    note(`person:${input.personId}`, { month: input.month, heldOn: input.heldOn, talkId: status.talk?.id ?? null })
    return status
  },
}
