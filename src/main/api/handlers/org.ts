import { KaoheError } from '@shared/errors'
import { isAdminRole, type Role } from '@shared/roles'
import { localDate } from '@shared/dates'
import { listDepartments, saveDepartment } from '../../core/org/departments'
import { leadership, setLeadership } from '../../core/org/groups'
import { checkReportingLines, listPeople, personDetail, personRow, savePerson, savePersonal } from '../../core/org/people'
import { importRoster, previewRoster, readRoster } from '../../core/org/rosterImport'
import { rosterTemplate, rosterTemplateCsv } from '../../core/org/roster'
import { rolesOf } from '../../core/auth/accounts'
import { prepared, type HandlersFor } from '../router'
import { textDigest } from '../../core/audit/digest'

export const orgHandlers: HandlersFor<'org'> = {
  'org.departments.list': ({ session }) => listDepartments(session.store),

  'org.departments.save': ({ session, note }, input) => {
    const d = saveDepartment(session.store, input)
    note(`department:${d.id}`, { name: textDigest(d.name), code: d.code })
    return d
  },

  'org.people.list': ({ session }, filter) => listPeople(session.store, filter),

  'org.people.get': ({ session }, { id }) => personDetail(session.store, id),

  'org.people.save': ({ session, now, note }, input) => {
    const { id, effectiveOn, personal, ...fields } = input
    if (fields.supervisorId !== null) personRow(session.store, fields.supervisorId)
    const saved = savePerson(session.store, id ?? null, fields, {
      effectiveOn,
      reason: id ? '人员信息修改 edited' : '新增人员 added',
      actorId: session.user.id,
      now,
    })
    checkReportingLines(session.store, [saved.id])
    const personalChanged = personal ? savePersonal(session.store, saved.id, personal) : []
    note(`person:${saved.id}`, { staffNo: fields.staffNo, changed: [...saved.changed, ...personalChanged], effectiveOn })
    return personDetail(session.store, saved.id)
  },

  /** Links a sign-in account to a person, which is what makes "own records" theirs; never an administrator's. */
  'org.people.linkAccount': ({ session, note }, { personId, userId }) => {
    const store = session.store
    const person = personRow(store, personId)
    store.run(store.qb.updateTable('users').set({ person_id: null }).where('person_id', '=', personId))
    if (userId !== null) {
      const user = store.first(store.qb.selectFrom('users').select(['id', 'username', 'person_id']).where('id', '=', userId))
      if (!user) throw new KaoheError('USER_NOT_FOUND', { user: String(userId) })
      if (rolesOf(store, userId).some((r: Role) => isAdminRole(r))) throw new KaoheError('ORG_ADMIN_ACCOUNT', { username: user.username })
      if (user.person_id !== null && user.person_id !== personId) {
        throw new KaoheError('ORG_ACCOUNT_TAKEN', { username: user.username, name: personRow(store, user.person_id).name })
      }
      store.run(store.qb.updateTable('users').set({ person_id: personId }).where('id', '=', userId))
    }
    note(`person:${personId}`, { staffNo: person.staff_no, userId })
    return listPeople(store, { includeGone: true }).find((p) => p.id === personId)!
  },

  'org.accounts.list': ({ session }) => {
    const store = session.store
    const admins = new Set(
      store.all(store.qb.selectFrom('user_roles').select('user_id').where('role', 'in', ['sysadmin', 'secadmin', 'auditor'])).map((r) => r.user_id),
    )
    return store
      .all(store.qb.selectFrom('users').select(['id', 'username', 'display_name', 'person_id']).where('disabled', '=', 0).orderBy('username'))
      .filter((u) => !admins.has(u.id))
      .map((u) => ({ userId: u.id, username: u.username, displayName: u.display_name, personId: u.person_id }))
  },

  'org.leadership.get': ({ session }) => leadership(session.store),

  'org.leadership.set': ({ session, note }, input) => {
    const result = setLeadership(session.store, input)
    note('leadership', { headId: input.headId, memberIds: input.memberIds, disciplineIds: input.disciplineIds, effectiveOn: input.effectiveOn })
    return result
  },

  'org.roster.template': prepared({
    prepare: async (_ctx, { format }) =>
      format === 'csv'
        ? { fileName: '花名册模板.csv', contentBase64: Buffer.from(rosterTemplateCsv(), 'utf8').toString('base64') }
        : { fileName: '花名册模板.xlsx', contentBase64: (await rosterTemplate()).toString('base64') },
    run: (_ctx, _input, file) => file,
  }),

  'org.roster.preview': prepared({
    prepare: ({ session, state, now }, file) => readRoster(session.store, file, now, state.onProgress),
    run: ({ session }, file, parse) => previewRoster(session.store, file.fileName, parse),
  }),

  'org.roster.import': prepared({
    prepare: ({ session, state, now }, file) => readRoster(session.store, file, now, state.onProgress),
    run: ({ session, now, note }, file, parse) => {
      const result = importRoster(session.store, file.fileName, parse, { actorId: session.user.id, now, today: localDate(now) })
      note('roster', { fileName: textDigest(file.fileName), ...result, newDepartments: result.newDepartments.length })
      return result
    },
  }),
}
