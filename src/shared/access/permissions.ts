import type { Role, Tier } from '../roles'

/**
 * The access matrix as data (DESIGN.md §3): each permission names the roles that hold it and the
 * tier of the data it reaches. `access.authorize` in main is the one place that applies it;
 * relationship rules (reporting lines, self, recusals) are added per permission as later
 * capabilities need them. `docs/access-matrix.md` is generated from this table.
 */
/**
 * How the signed-in person stands to the person a call concerns (RULES.md §9: "the person, their
 * supervisor chain"): `self`; `supervisor`, their direct supervisor; `supervisorChain`, anyone up
 * their reporting line.
 */
export const RELATIONS = ['self', 'supervisor', 'supervisorChain'] as const
export type Relation = (typeof RELATIONS)[number]

export interface PermissionRule {
  /** 'public': no session needed; 'signedIn': any signed-in user; otherwise these roles. */
  allow: 'public' | 'signedIn' | readonly Role[]
  /**
   * Relations to the person concerned that grant the permission too, whatever the roles. Lists
   * are narrowed to the people the actor stands in one of these relations to.
   */
  relations?: readonly Relation[]
  tier: Tier
  /** Reads of T2/T3 data are audited like writes. */
  zh: string
  en: string
}

export const PERMISSIONS = {
  public: {
    allow: 'public',
    tier: 'T0',
    zh: '无需登录（设置、登录）',
    en: 'No sign-in needed (set-up, sign-in)',
  },
  self: {
    allow: 'signedIn',
    tier: 'T0',
    zh: '本人会话与本人密码',
    en: 'Own session and own password',
  },
  'users.manage': {
    allow: ['sysadmin'],
    tier: 'T0',
    zh: '管理用户账户',
    en: 'Manage user accounts',
  },
  'users.resetApprove': {
    allow: ['sysadmin', 'secadmin'],
    tier: 'T0',
    zh: '申请与批准业务账户的密码重置（两名管理员）',
    en: 'Request and approve password resets of content accounts (two administrators)',
  },
  't3.recover': {
    allow: ['discipline'],
    tier: 'T0',
    zh: '用纪检恢复码取回纪检密钥',
    en: 'Take the T3 key back with the discipline office’s recovery code',
  },
  'roles.manage': {
    allow: ['secadmin'],
    tier: 'T0',
    zh: '授予与撤销角色',
    en: 'Grant and revoke roles',
  },
  'audit.read': {
    allow: ['auditor'],
    tier: 'T0',
    zh: '查阅与校验审计日志',
    en: 'Read and verify the audit log',
  },
  'backup.manage': {
    allow: ['sysadmin'],
    tier: 'T0',
    zh: '备份、校验与恢复数据库',
    en: 'Back up, verify and restore the database',
  },
  'org.read': {
    allow: ['hr', 'discipline', 'leader', 'leaderHead', 'supervisor'],
    tier: 'T1',
    zh: '查看组织与人员',
    en: 'See the organisation and its people',
  },
  'org.manage': {
    allow: ['hr'],
    tier: 'T1',
    zh: '维护组织、人员与花名册',
    en: 'Maintain the organisation, people and roster',
  },
  'calendar.read': {
    allow: 'signedIn',
    tier: 'T0',
    zh: '查看工作日历与期限',
    en: 'See the working-day calendar and deadlines',
  },
  'calendar.manage': {
    allow: ['hr'],
    tier: 'T0',
    zh: '导入节假日安排',
    en: 'Import a year’s holiday table',
  },
  'policy.read': {
    allow: ['hr', 'leader', 'leaderHead'],
    tier: 'T0',
    zh: '查看考核政策',
    en: 'See the assessment policy',
  },
  'policy.propose': {
    allow: ['hr'],
    tier: 'T0',
    zh: '提交政策导入',
    en: 'Propose a policy import',
  },
  'policy.approve': {
    allow: ['leaderHead'],
    tier: 'T0',
    zh: '批准或驳回政策导入',
    en: 'Approve or refuse a policy import',
  },
  'guideline.read': {
    allow: ['hr', 'discipline', 'leader', 'leaderHead', 'supervisor', 'staff'],
    tier: 'T0',
    zh: '查看已发布的考核指引',
    en: 'Read the published guideline',
  },
  'guideline.draft': {
    allow: ['hr', 'leader', 'leaderHead'],
    tier: 'T1',
    zh: '查看指引草稿',
    en: 'Read guideline drafts',
  },
  'guideline.edit': {
    allow: ['hr'],
    tier: 'T1',
    zh: '编辑指引草稿与修订',
    en: 'Edit guideline drafts and revisions',
  },
  'guideline.publish': {
    allow: ['leaderHead'],
    tier: 'T0',
    zh: '发布指引（批准修订）',
    en: 'Publish the guideline (approve revisions)',
  },
  'ledger.read': {
    allow: ['hr', 'leader', 'leaderHead'],
    relations: ['self', 'supervisorChain'],
    tier: 'T1',
    zh: '查看台账（本人、上级主管、人事科、领导小组）',
    en: 'Read ledgers (the person, their supervisor chain, HR, leadership group)',
  },
  'ledger.write': {
    allow: [],
    relations: ['supervisor'],
    tier: 'T1',
    zh: '为直接下属记台账、作废台账条目',
    en: 'Write and void ledger entries for one’s direct reports',
  },
  'ledger.import': {
    allow: ['hr'],
    tier: 'T1',
    zh: '导入考勤与服务评价',
    en: 'Import attendance and satisfaction data',
  },
  'talks.read': {
    allow: ['hr', 'leader', 'leaderHead'],
    relations: ['self', 'supervisorChain'],
    tier: 'T1',
    zh: '查看每月沟通记录',
    en: 'Read monthly talks',
  },
  'talks.write': {
    allow: [],
    relations: ['supervisor'],
    tier: 'T1',
    zh: '记录与直接下属的每月沟通',
    en: 'Record monthly talks with one’s direct reports',
  },
  'commitments.read': {
    allow: ['hr', 'leader', 'leaderHead'],
    relations: ['self', 'supervisorChain'],
    tier: 'T1',
    zh: '查看个人绩效承诺书（本人、上级主管、人事科、领导小组）',
    en: 'Read commitment letters (the person, their supervisor chain, HR, leadership group)',
  },
  'commitments.write': {
    allow: [],
    relations: ['self'],
    tier: 'T1',
    zh: '起草、提交本人承诺书，申请调整目标',
    en: 'Draft and submit one’s own commitment letter; request revisions',
  },
  'commitments.review': {
    allow: [],
    relations: ['supervisor'],
    tier: 'T1',
    zh: '审核直接下属的承诺书，登记任务完成',
    en: 'Approve or return direct reports’ commitment letters; record task completion',
  },
  'commitments.decideRevision': {
    allow: ['leader', 'leaderHead'],
    tier: 'T1',
    zh: '审批承诺书调整申请（领导小组）',
    en: 'Approve or refuse commitment revision requests (leadership group)',
  },
  'quarterly.read': {
    allow: ['hr', 'leader', 'leaderHead'],
    relations: ['self', 'supervisorChain'],
    tier: 'T1',
    zh: '查看季度评估（本人、上级主管、人事科、领导小组）',
    en: 'Read quarterly evaluations (the person, their supervisor chain, HR, leadership group)',
  },
  'quarterly.summary': {
    allow: [],
    relations: ['self'],
    tier: 'T1',
    zh: '提交本人季度工作小结',
    en: 'Submit one’s own quarterly summary',
  },
  'quarterly.rate': {
    allow: [],
    relations: ['supervisor'],
    tier: 'T1',
    zh: '评价直接下属的季度业绩与潜力，标记不达标',
    en: 'Rate direct reports’ quarterly performance and potential; mark 不达标',
  },
  'quarterly.assignPeers': {
    allow: ['hr'],
    tier: 'T1',
    zh: '安排季度互评人',
    en: 'Assign quarterly peer reviewers',
  },
  'quarterly.manage': {
    allow: ['hr'],
    tier: 'T1',
    zh: '重新开放已结束的季度，登记季度结束后的评价更正（人事科）',
    en: 'Reopen a closed quarter and record amendments of its ratings after closing (HR)',
  },
  'quarterly.peerRate': {
    allow: ['hr', 'discipline', 'leader', 'leaderHead', 'supervisor', 'staff'],
    tier: 'T1',
    zh: '查看并完成分配给本人的互评（只见本人的分配与评分）',
    en: 'See and complete one’s own peer-review assignments (only one’s own)',
  },
  'quarterly.nineBox': {
    allow: ['hr', 'leader', 'leaderHead'],
    // The rule of quarterly.read, whose rows carry both axes (RULES.md §9 T1: quarterly ratings are
    // read by the person and their supervisor chain): one rule for the table and the grid.
    relations: ['self', 'supervisorChain'],
    tier: 'T2',
    zh: '查看业绩 × 潜力九宫格（本人与上级主管只见本人及汇报线上的人员）',
    en: 'See the performance × potential 9-box (the person and their supervisors: only themselves and their reporting chain)',
  },
  'quarterly.followups': {
    allow: ['leader', 'leaderHead'],
    tier: 'T1',
    zh: '查看与更新约谈、帮扶计划（领导小组）',
    en: 'See and update interviews and support plans (leadership group)',
  },
  'kiosk.run': {
    allow: ['hr'],
    tier: 'T0',
    zh: '开启与退出现场评价（服务对象评价窗口人员）',
    en: 'Start and leave the on-site kiosk survey (service recipients rate officials)',
  },
  'leadership.rate': {
    allow: ['leader', 'leaderHead'],
    tier: 'T2',
    zh: '填写本人的考核评分表（领导小组成员；不评本人与近亲属）',
    en: 'Fill in one’s own evaluation sheets (leadership group members; never oneself or a close relative)',
  },
  'leadership.progress': {
    allow: ['hr', 'leader', 'leaderHead'],
    tier: 'T2',
    zh: '查看考核评分表的提交进度与回避记录',
    en: 'See how many evaluation sheets are submitted, and the recusals',
  },
  'leadership.manage': {
    allow: ['hr'],
    tier: 'T2',
    zh: '开启考核评分、登记近亲属关系、导入会议评分表（人事科）',
    en: 'Open the evaluation sheets, declare close relatives, import a meeting’s score sheet (HR)',
  },
  'integrity.manage': {
    allow: ['discipline'],
    tier: 'T3',
    zh: '专项考察、处分与组织处理、立案审查、举报线索的全部内容（纪检室）',
    en: 'Special integrity reviews, sanctions, investigations and leads in full (discipline office)',
  },
  'integrity.outcomes': {
    allow: ['hr', 'leader', 'leaderHead', 'discipline'],
    tier: 'T2',
    zh: '查看专项考察结论与处分名称（不含纪检内容）',
    en: 'See integrity-review outcomes and sanction names (no discipline details)',
  },
  'integrity.lodge': {
    allow: 'signedIn',
    tier: 'T3',
    zh: '提交举报线索（署名或匿名；只有纪检室可见）',
    en: 'Lodge a whistle-blowing lead (signed or anonymous; only the discipline office sees it)',
  },
  'annual.review': {
    allow: ['hr', 'leader', 'leaderHead'],
    tier: 'T2',
    zh: '查看年度总评的计算、拟定等次与计算明细（人事科、领导小组）',
    en: 'See the annual computation, the proposed grades and each 计算明细 (HR, leadership group)',
  },
  'annual.manage': {
    allow: ['hr'],
    tier: 'T2',
    zh: '拟定年度等次、登记上级批准、往年等次与整改期、公示结果（人事科）',
    en: 'Propose the annual grades, record approvals, earlier grades and rectification plans, publish results (HR)',
  },
  'annual.decide': {
    allow: ['leader', 'leaderHead'],
    tier: 'T2',
    zh: '审议拟定等次：写明理由调整等次，决定名额线上的并列（领导小组）',
    en: 'Review the proposal: change a grade with a written reason, decide a tie at the quota line (leadership group)',
  },
  'annual.confirm': {
    allow: ['leaderHead'],
    tier: 'T2',
    zh: '确认年度等次（领导小组组长）',
    en: 'Confirm the annual grades (head of the leadership group)',
  },
  'democratic.manage': {
    allow: ['hr'],
    tier: 'T1',
    zh: '组织民主测评：开启与结束、生成票码、导入纸质计票',
    en: 'Run the democratic evaluation: open and close it, issue ballot codes, import paper tallies',
  },
  'democratic.results': {
    allow: ['hr', 'leader', 'leaderHead'],
    tier: 'T2',
    zh: '查看民主测评汇总（只见票数达到最低票数的人员，不见单张选票）',
    en: 'See the democratic-evaluation aggregate (only people with enough ballots; never a single ballot)',
  },
  'democratic.kiosk': {
    allow: ['hr'],
    tier: 'T0',
    zh: '开启民主测评投票终端（投票人凭票码投票）',
    en: 'Start the democratic-evaluation ballot kiosk (voters vote with a ballot code)',
  },
  'register.read': {
    allow: ['hr', 'leader', 'leaderHead'],
    relations: ['self', 'supervisorChain'],
    tier: 'T1',
    zh: '查看公务员年度考核登记表（本人、上级主管、人事科、领导小组）',
    en: 'Read annual assessment register forms (the person, their supervisor chain, HR, leadership group)',
  },
  'register.own': {
    allow: [],
    relations: ['self'],
    tier: 'T1',
    zh: '填写本人登记表：从事或分管工作、个人总结、培训情况、本人意见',
    en: 'Write one’s own register form: work, personal summary, training, own opinion',
  },
  'register.supervise': {
    allow: [],
    relations: ['supervisor'],
    tier: 'T1',
    zh: '为直接下属填写主管领导评语和考核等次建议',
    en: 'Write the supervisor’s comments and suggested grade for one’s direct reports',
  },
  'register.head': {
    allow: ['leaderHead'],
    tier: 'T1',
    zh: '填写登记表的机关负责人意见',
    en: 'Write the office head’s opinion on register forms',
  },
  'register.committee': {
    allow: ['hr', 'leader', 'leaderHead'],
    tier: 'T1',
    zh: '登记考核委员会（领导小组）意见',
    en: 'Record the assessment committee’s (leadership group’s) opinion on register forms',
  },
  'register.manage': {
    allow: ['hr'],
    tier: 'T1',
    zh: '填写登记表的培训情况与不定等次说明，打印全部登记表（人事科）',
    en: 'Write training and no-grade explanations on register forms; print every form (HR)',
  },
  'feedback.read': {
    allow: ['hr', 'leader', 'leaderHead'],
    relations: ['self', 'supervisorChain'],
    tier: 'T1',
    zh: '查看与核验绩效反馈表（本人、上级主管、人事科、领导小组）',
    en: 'Read and verify feedback forms (the person, their supervisor chain, HR, leadership group)',
  },
  'feedback.manage': {
    allow: ['hr'],
    tier: 'T1',
    zh: '生成年度绩效反馈表、指定面谈人、出具更正版本（人事科）',
    en: 'Create the year’s feedback forms, assign interviewers, issue corrected versions (HR)',
  },
  'feedback.sign': {
    allow: 'signedIn',
    tier: 'T1',
    zh: '填写、签署反馈表或记录拒签（只限该表的面谈人与被考核人，各自输入本人密码）',
    en: 'Write and sign a feedback form or record a refusal (only its interviewer and person, each with their own password)',
  },
  'analysis.read': {
    allow: ['hr', 'leader', 'leaderHead'],
    tier: 'T2',
    zh: '查看与导出团队分析和考核者偏差（含评分人身份；人事科、领导小组）',
    en: 'See and export the team analysis and rater bias (rater identities included; HR, leadership group)',
  },
  'archive.read': {
    allow: ['hr', 'leader', 'leaderHead'],
    relations: ['self', 'supervisorChain'],
    tier: 'T2',
    zh: '查看与打印个人成长档案（本人、上级主管、人事科、领导小组）',
    en: 'See and print a growth archive (the person, their supervisor chain, HR, leadership group)',
  },
  'archive.suggestions': {
    allow: ['hr'],
    tier: 'T0',
    zh: '查看与修改培训建议表（人事科）',
    en: 'See and edit the training-suggestion table (HR)',
  },
  'keycards.read': {
    allow: ['hr'],
    tier: 'T0',
    zh: '查看本机关的密钥卡、指纹与已登记的上下级机关（人事科）',
    en: 'See this office’s key card, its fingerprint and the registered offices (HR)',
  },
  'keycards.manage': {
    allow: ['hr'],
    tier: 'T0',
    zh: '登记其他机关的密钥卡、更换与吊销密钥（人事科）',
    en: 'Register other offices’ key cards, rotate and revoke keys (HR)',
  },
  'bundles.exchange': {
    allow: ['hr'],
    tier: 'T2',
    zh: '导出、校验、导入上报包与下发包及回执（人事科）',
    en: 'Export, verify and import sealed packages and their receipts (HR)',
  },
  'bundles.consolidated': {
    allow: ['hr', 'leader', 'leaderHead'],
    tier: 'T2',
    zh: '查看汇总结果与备案材料（年度考核备案报告、花名册）',
    en: 'See the consolidated results and the filing documents (备案报告, 花名册)',
  },
  'outcomes.read': {
    allow: ['hr', 'leader', 'leaderHead'],
    tier: 'T2',
    zh: '查看结果应用：奖金表、表彰名单、潜力人才库与三等功、辞退建议等标记（人事科、领导小组）',
    en: 'See the results application: bonus table, commendation list, talent pool and the 三等功 / dismissal flags (HR, leadership group)',
  },
  'outcomes.manage': {
    allow: ['hr'],
    tier: 'T2',
    zh: '登记奖金基数与预算、按等次生成跟进事项、维护潜力人才库（人事科）',
    en: 'Enter the bonus base and budget, create the follow-ups from the grades, keep the talent pool (HR)',
  },
  'outcomes.followups': {
    allow: 'signedIn',
    tier: 'T2',
    zh: '查看与完成跟进事项（人事科与领导小组见全部，其他人只见本人负责的）',
    en: 'See and complete follow-ups (HR and the leadership group see all; others only those they own)',
  },
  'training.read': {
    allow: ['hr', 'leader', 'leaderHead'],
    tier: 'T1',
    zh: '查看培训场次、出席情况、未参加考核者培训的评分人和培训报名（人事科、领导小组）',
    en: 'See training sessions, attendance, raters without the assessor training and enrolments (HR, leadership group)',
  },
  'training.manage': {
    allow: ['hr'],
    tier: 'T2',
    zh: '安排培训场次、登记出席、查看培训需求（含得分）并据此安排报名（人事科）',
    en: 'Schedule training sessions, record attendance, see training needs (with scores) and enrol people from them (HR)',
  },
  'appeals.read': {
    allow: ['hr', 'leader', 'leaderHead'],
    relations: ['self'],
    tier: 'T2',
    zh: '查看申诉与法定救济（本人、人事科、领导小组）',
    en: 'Read appeals and statutory routes (the person, HR, leadership group)',
  },
  'appeals.file': {
    allow: [],
    relations: ['self'],
    tier: 'T2',
    zh: '在申诉期内就本人年度考核结果提出申诉',
    en: 'Appeal one’s own annual result within the appeal period',
  },
  'appeals.answer': {
    allow: ['leader', 'leaderHead'],
    tier: 'T2',
    zh: '答复申诉（领导小组；对申诉事项评过分的成员回避）',
    en: 'Answer appeals (leadership group; members who scored the disputed items are recused)',
  },
  'appeals.manage': {
    allow: ['hr'],
    tier: 'T2',
    zh: '登记法定复核、申诉及其决定（人事科）',
    en: 'Record statutory reviews and appeals and their decisions (HR)',
  },
} as const satisfies Record<string, PermissionRule>

export type Permission = keyof typeof PERMISSIONS
