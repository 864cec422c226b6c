import type { DemoLogin } from '@shared/api/types'
import type { Role } from '@shared/roles'
import { AuditLog } from '../audit/chain'
import { createAccount } from '../auth/accounts'
import type { Policy } from '../policy/defaults'
import type { UnitLocation } from '../unit/location'
import { createUnit, grantRole } from '../unit/setup'
import { savePerson } from '../org/people'
import { setLeadership } from '../org/groups'
import { defaultGuideline } from '../guideline/defaults'
import { publish, saveDraft } from '../guideline/versions'
import { defaultCalendar } from '../calendar'
import type { PostCategory } from '@shared/org'
import { prng } from './random'
import { buildDemoYear } from './demoYear'
import { buildDemoAnnual } from './demoAnnual'
import { buildDemoHistory } from './demoHistory'
import { demoFeedback } from './demoFeedback'
import { demoRegister } from './demoRegister'
import { demoAppeals } from './demoAppeals'
import { demoOutcomes } from './demoOutcomes'
import { demoTraining } from './demoTraining'

/**
 * The demo unit (演示单位): a county market-regulation bureau of about sixty people, built the same
 * way a real unit is, with documented passwords so a newcomer can look around. Later capabilities
 * add a year of goals, ledgers and evaluations to it.
 */
export const DEMO_PASSWORD = 'Kaohe@2026'

interface DemoAccount {
  username: string
  roles: Role[]
  /** Staff number of the person the account belongs to (administrators have none). */
  staffNo?: string
  displayName: string
  zh: string
  en: string
}

const ACCOUNTS: DemoAccount[] = [
  { username: 'admin', roles: ['sysadmin'], displayName: '系统管理员', zh: '系统管理员：账户与备份', en: 'System administrator: accounts, backups' },
  { username: 'secadmin', roles: ['secadmin'], displayName: '安全管理员', zh: '安全管理员：角色与授权', en: 'Security administrator: roles' },
  { username: 'auditor', roles: ['auditor'], displayName: '审计管理员', zh: '审计管理员：审计日志', en: 'Audit administrator: audit log' },
  { username: 'head', roles: ['leaderHead', 'leader'], staffNo: '0001', displayName: '', zh: '局长，领导小组组长', en: 'Director, head of the leadership group' },
  { username: 'leader', roles: ['leader', 'supervisor'], staffNo: '0002', displayName: '', zh: '副局长，领导小组成员', en: 'Deputy director, leadership group member' },
  { username: 'jijian', roles: ['discipline', 'leader'], staffNo: '0003', displayName: '', zh: '纪检组长，纪检室', en: 'Discipline inspection head' },
  { username: 'hr', roles: ['hr', 'supervisor'], staffNo: '0201', displayName: '', zh: '人事科科长', en: 'Head of HR' },
  { username: 'kezhang', roles: ['supervisor', 'staff'], staffNo: '0401', displayName: '', zh: '综合执法大队大队长（主管领导）', en: 'Head of the enforcement brigade (supervisor)' },
  { username: 'staff', roles: ['staff'], staffNo: '0402', displayName: '', zh: '执法队员（公务员）', en: 'Enforcement officer (staff)' },
]

interface DemoDepartment {
  code: string
  name: string
  category: PostCategory
  size: number
  posts: string[]
  riskPosts: boolean
}

const DEPARTMENTS: DemoDepartment[] = [
  { code: '01', name: '办公室', category: 'general', size: 8, posts: ['文秘', '综合协调', '财务'], riskPosts: false },
  { code: '02', name: '人事科', category: 'general', size: 5, posts: ['人事管理', '教育培训'], riskPosts: false },
  { code: '03', name: '纪检室', category: 'general', size: 4, posts: ['纪检监察'], riskPosts: false },
  { code: '04', name: '综合执法大队', category: 'enforcement', size: 18, posts: ['执法队员', '案件审核'], riskPosts: true },
  { code: '05', name: '食品安全监管科', category: 'enforcement', size: 12, posts: ['食品抽检', '日常监管'], riskPosts: true },
  { code: '06', name: '计量检测所', category: 'technical', size: 10, posts: ['计量检定', '特种设备检验'], riskPosts: false },
]

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘'
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '文', '华', '红', '志强', '晓东', '海燕', '丹', '玉兰', '建国', '晨', '宇', '欣怡', '子涵', '思远', '佳琪', '浩然', '雨桐']
const RANKS = ['一级科员', '二级科员', '四级主任科员', '三级主任科员', '二级主任科员', '一级主任科员']


export const DEMO_LOGINS: DemoLogin[] = ACCOUNTS.map((a) => ({
  username: a.username,
  password: DEMO_PASSWORD,
  zh: a.zh,
  en: a.en,
}))

/**
 * Who a demo unit is. The main demo is the default; the demo superior office (demoSuperior.ts) builds
 * three differently named units beside it. The seed only changes the names, posts, ranks and joining
 * dates drawn here: staff numbers and accounts stay the same, so every demo story still finds its people.
 */
export interface DemoIdentity {
  name: string
  code: string
  seed: number
}

export const DEFAULT_DEMO_IDENTITY: DemoIdentity = { name: '示范县市场监督管理局', code: 'DEMO-SCJG', seed: 2026 }

export function buildDemoUnit(location: UnitLocation, opts: { policy: Policy; now: Date; identity?: DemoIdentity }): void {
  const identity = opts.identity ?? DEFAULT_DEMO_IDENTITY
  const admin = (username: string, displayName: string) => ({ username, displayName, password: DEMO_PASSWORD })
  const unit = createUnit(
    location,
    {
      unitName: identity.name,
      unitCode: identity.code,
      sysadmin: admin('admin', '系统管理员'),
      secadmin: admin('secadmin', '安全管理员'),
      auditor: admin('auditor', '审计管理员'),
    },
    // Demo passwords are published, so forcing a change would only get in a newcomer's way.
    { policy: opts.policy, demo: true, now: opts.now, mustChangePassword: false },
  )
  const { store, keyFile, dbKey } = unit
  try {
    const audit = new AuditLog(store, dbKey)
    store.tx(() => {
      const random = prng(identity.seed)
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
      const used = new Set<string>()
      const name = () => {
        for (;;) {
          const n = pick([...SURNAMES]) + pick(GIVEN)
          if (!used.has(n)) {
            used.add(n)
            return n
          }
        }
      }
      const insertPerson = (p: {
        staffNo: string
        name: string
        departmentId: number | null
        post: string
        category: PostCategory
        rank: string
        supervisorId: number | null
        risk: boolean
      }) => {
        const joinedOn = `${2008 + Math.floor(random() * 16)}-0${1 + Math.floor(random() * 9)}-01`
        return savePerson(
          store,
          null,
          { ...p, riskPost: p.risk, status: 'active', joinedOn, leftOn: null },
          { effectiveOn: joinedOn, reason: '演示数据', actorId: null, now: opts.now },
        ).id
      }

      // The bureau's leaders: director, deputy director (supervises the business departments), discipline head.
      const director = insertPerson({ staffNo: '0001', name: name(), departmentId: null, post: '局长', category: 'general', rank: '一级调研员', supervisorId: null, risk: false })
      const deputy = insertPerson({ staffNo: '0002', name: name(), departmentId: null, post: '副局长', category: 'general', rank: '二级调研员', supervisorId: director, risk: false })
      insertPerson({ staffNo: '0003', name: name(), departmentId: null, post: '纪检组长', category: 'general', rank: '二级调研员', supervisorId: director, risk: false })

      DEPARTMENTS.forEach((d, i) => {
        const depId = store.run(
          store.qb.insertInto('departments').values({ name: d.name, code: d.code, sort_order: i + 1 }),
        ).lastInsertRowid
        const headNo = `${d.code}01`
        const head = insertPerson({
          staffNo: headNo,
          name: name(),
          departmentId: depId,
          post: d.code === '04' ? '大队长' : d.code === '06' ? '所长' : '科长',
          category: d.category,
          rank: '一级主任科员',
          supervisorId: d.category === 'general' ? director : deputy,
          risk: d.riskPosts,
        })
        for (let k = 2; k <= d.size; k++) {
          insertPerson({
            staffNo: `${d.code}${String(k).padStart(2, '0')}`,
            name: name(),
            departmentId: depId,
            post: pick(d.posts),
            category: d.category,
            rank: pick(RANKS),
            supervisorId: head,
            // Enforcement and fund-handling posts are risk posts (执法、资金管理等风险岗位).
            risk: d.riskPosts || (d.code === '01' && k === 2),
          })
        }
      })

      for (const a of ACCOUNTS) {
        let userId: number
        if (a.staffNo) {
          const person = store.first(store.qb.selectFrom('people').select(['id', 'name']).where('staff_no', '=', a.staffNo))
          userId = createAccount(
            store,
            keyFile,
            dbKey,
            { username: a.username, displayName: person?.name ?? a.username, password: DEMO_PASSWORD },
            { policy: opts.policy.security, mustChangePassword: false, now: opts.now, saveKeyFile: false },
          )
          store.run(store.qb.updateTable('users').set({ person_id: person?.id ?? null }).where('id', '=', userId))
          for (const role of a.roles) grantRole(store, userId, role, null, opts.now)
        }
      }
      // The leadership group: the director heads it; the deputy, the discipline head and the head of HR sit in it.
      const idOf = (staffNo: string) => store.first(store.qb.selectFrom('people').select('id').where('staff_no', '=', staffNo))!.id
      setLeadership(store, {
        headId: idOf('0001'),
        memberIds: ['0002', '0003', '0201'].map(idOf),
        disciplineIds: ['0003', '0301', '0302'].map(idOf),
        effectiveOn: '2026-01-04',
      })
      // The 2026 guideline, drafted by HR from the defaults and published by the head on 5 January.
      const hrId = store.first(store.qb.selectFrom('users').select('id').where('username', '=', 'hr'))!.id
      const headId = store.first(store.qb.selectFrom('users').select('id').where('username', '=', 'head'))!.id
      saveDraft(store, 2026, defaultGuideline(2026), undefined, hrId, new Date('2026-01-04T09:00:00'))
      publish(store, 2026, { policy: opts.policy, calendar: defaultCalendar(), today: '2026-01-05', actorId: headId, now: new Date('2026-01-05T10:00:00') })
      // A year of goals, ledger, attendance, talks, surveys and quarters up to the demo's "now".
      buildDemoYear(store, { now: opts.now })
      // The year's annual round, ready to walk: ballots, sheets, reviews, last year's grades, one tie.
      buildDemoAnnual(store, { now: opts.now, dbKey })
      // Issue 10: the finished years before it (2023 recorded, 2024 and 2025 final rounds).
      buildDemoHistory(store, { now: opts.now })
      // What 2025's results led to: signed feedback forms (one refusal), the 登记表, one appeal upheld
      // and one refused, bonuses and follow-ups, and the year's training.
      demoFeedback(store, { now: opts.now, audit })
      demoRegister(store, { now: opts.now })
      demoAppeals(store, { now: opts.now })
      demoOutcomes(store, { now: opts.now })
      demoTraining(store, { now: opts.now })
      audit.append({ actorId: null, actor: null, action: 'demo.build', target: 'unit', outcome: 'ok', detail: { people: used.size, guideline: '2026 v1' } })
    })
    audit.anchorIn(keyFile)
  } finally {
    store.close()
    dbKey.fill(0)
  }
}
