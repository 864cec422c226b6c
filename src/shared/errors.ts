/**
 * Error codes that cross the API boundary. Each has Chinese and English text; `{name}` placeholders
 * are filled from the error's params. Nothing else (no stack, no SQL) ever reaches a user.
 * Each code also has its exit class for the command line in ERROR_EXIT below.
 */
export const ERROR_TEXT = {
  INVALID_INPUT: { zh: '输入有误：{details}', en: 'Invalid input: {details}' },
  UNKNOWN_METHOD: { zh: '未知的操作：{method}', en: 'Unknown operation: {method}' },
  NOT_AUTHENTICATED: { zh: '请先登录', en: 'Please sign in first' },
  FORBIDDEN: {
    zh: '无权执行此操作（{method}）',
    en: 'You are not allowed to do this ({method})',
  },
  SESSION_LOCKED: {
    zh: '会话已锁定，请输入密码解锁',
    en: 'The session is locked; enter your password to unlock it',
  },
  PASSWORD_CHANGE_REQUIRED: {
    zh: '首次登录须先修改密码',
    en: 'You must change your password before continuing',
  },
  KIOSK_MODE: {
    zh: '正在进行现场评价，须输入密码退出后才能执行其他操作',
    en: 'The kiosk survey is running; leave it with the password before doing anything else',
  },
  KIOSK_NOT_ACTIVE: { zh: '现场评价未开启', en: 'The kiosk survey is not running' },
  KIOSK_SESSION_LIMIT: {
    zh: '本次现场评价已收到 {limit} 份评价，已达上限；请工作人员输入密码退出后重新开启',
    en: 'This kiosk session has taken {limit} ratings, its limit; staff must leave it with the password and start it again',
  },
  KIOSK_OFFICIAL_LIMIT: {
    zh: '本次现场评价中对 {name} 的评价已达 {limit} 份上限，请选择其他办事人员',
    en: 'This kiosk session has taken the most ratings allowed for {name} ({limit}); please pick another official',
  },
  AUTH_FAILED: {
    zh: '用户名或密码错误（还可尝试 {remaining} 次）',
    en: 'Wrong user name or password ({remaining} attempts left)',
  },
  ACCOUNT_LOCKED: {
    zh: '账户因多次密码错误已锁定，请于 {until} 后再试',
    en: 'The account is locked after too many wrong passwords; try again after {until}',
  },
  ACCOUNT_DISABLED: { zh: '账户已停用', en: 'This account is disabled' },
  WRONG_PASSWORD: { zh: '密码错误', en: 'Wrong password' },
  WEAK_PASSWORD: {
    zh: '密码至少 {minLength} 位，且包含大写字母、小写字母、数字、符号中的至少 {minClasses} 类',
    en: 'The password needs at least {minLength} characters from at least {minClasses} of: upper case, lower case, digits, symbols',
  },
  PASSWORD_REUSED: {
    zh: '新密码不能与当前密码相同',
    en: 'The new password must differ from the current one',
  },
  NOT_INITIALIZED: {
    zh: '尚未建立单位，请先完成初始设置',
    en: 'No unit has been set up yet; run the set-up first',
  },
  ALREADY_INITIALIZED: {
    zh: '单位已建立，不能重复初始化：{path}',
    en: 'A unit already exists here and cannot be set up again: {path}',
  },
  KEYFILE_MISSING: {
    zh: '找不到密钥文件：{path}',
    en: 'The key file is missing: {path}',
  },
  KEYFILE_CORRUPT: {
    zh: '密钥文件已损坏：{path}',
    en: 'The key file is damaged: {path}',
  },
  DATABASE_KEY_MISMATCH: {
    zh: '数据库无法用此密钥打开（文件损坏或与密钥文件不匹配）：{path}',
    en: 'The database cannot be opened with this key (damaged, or not the pair of this key file): {path}',
  },
  USERNAME_TAKEN: { zh: '用户名已存在：{username}', en: 'The user name is taken: {username}' },
  USER_NOT_FOUND: { zh: '找不到用户：{user}', en: 'No such user: {user}' },
  CANNOT_DISABLE_SELF: {
    zh: '不能停用自己的账户',
    en: 'You cannot disable your own account',
  },
  LAST_ADMIN: {
    zh: '不能移除最后一名{role}',
    en: 'The last {role} cannot be removed',
  },
  ROLE_CONFLICT: {
    zh: '三员分立：{role} 不能与 {other} 由同一账户兼任',
    en: 'Separation of duties: {role} cannot be held together with {other}',
  },
  ROLE_ALREADY_HELD: { zh: '该用户已拥有角色：{role}', en: 'The user already holds {role}' },
  ROLE_NOT_HELD: { zh: '该用户没有角色：{role}', en: 'The user does not hold {role}' },
  BACKUP_INVALID: {
    zh: '备份无效：{reason}（{path}）',
    en: 'The backup is not valid: {reason} ({path})',
  },
  FILE_NOT_FOUND: { zh: '找不到文件或文件夹：{path}', en: 'No such file or folder: {path}' },
  RECOVERY_CODE_INVALID: {
    zh: '恢复码不正确',
    en: 'The recovery code is not correct',
  },
  RECOVERY_LOCKED: {
    zh: '恢复码多次输入错误，已暂停使用，请于 {until} 后再试',
    en: 'Too many wrong recovery codes; recovery is paused until {until}',
  },
  KEYFILE_BUSY: {
    zh: '密钥文件正被另一个程序使用，请稍后重试：{path}',
    en: 'Another program is using the key file; try again shortly: {path}',
  },
  BACKUP_NOT_FOUND: {
    zh: '该文件夹中没有考核台备份：{path}',
    en: 'There is no Kaohe backup in this folder: {path}',
  },
  BACKUP_UNSIGNED: {
    zh: '备份没有本单位的签名，不能校验或恢复（{path}）',
    en: 'The backup carries no signature of this unit and cannot be verified or restored ({path})',
  },
  BACKUP_SIGNATURE_INVALID: {
    zh: '备份签名无效：备份在创建后被改动过，或不是本单位签发的（{path}）',
    en: 'The backup signature is not valid: the backup was changed after it was made, or this unit did not make it ({path})',
  },
  BACKUP_FINGERPRINT_MISMATCH: {
    zh: '备份的签名密钥指纹与输入的指纹不一致（{path}）',
    en: 'The backup’s signing key fingerprint differs from the one entered ({path})',
  },
  BACKUP_OTHER_UNIT: {
    zh: '这是另一单位的备份（{unit}），不是本单位的（{path}）',
    en: 'This is a backup of another unit ({unit}), not of this one ({path})',
  },
  BACKUP_KEYFILE_MISMATCH: {
    zh: '备份中的密钥文件打不开备份数据库，或所给密码与恢复码都打不开它（{path}）',
    en: 'The key file in the backup does not open the backup’s database, or neither the password nor a recovery code given opens it ({path})',
  },
  BACKUP_SIGNING_KEY_MISSING: {
    zh: '本账户尚未持有本单位的备份签名密钥：请另一名系统管理员登录一次后再试',
    en: 'This account does not hold the unit’s backup signing key yet; have another system administrator sign in once, then try again',
  },
  RESET_NEEDS_APPROVAL: {
    zh: '重置业务账户 {username} 的密码须由系统管理员与安全管理员两人完成：请提交重置申请，由另一名管理员批准',
    en: 'Resetting the password of {username}, who holds content roles, takes two administrators: file a reset request for the other administrator to approve',
  },
  RESET_APPROVER_SAME: {
    zh: '重置申请须由另一名管理员批准：系统管理员申请的由安全管理员批准，反之亦然',
    en: 'A reset request is approved by the other administrator: the security administrator approves the system administrator’s, and the reverse',
  },
  RESET_NOT_PENDING: { zh: '该重置申请已处理或不存在：{id}', en: 'This reset request is already decided or does not exist: {id}' },
  RESET_APPROVER_TAINTED: {
    zh: '您的账户密码上次由申请人重置，不能批准其申请',
    en: 'Your own password was last reset by the requester, so you cannot approve their request',
  },
  RESET_ALREADY_PENDING: { zh: '{username} 已有待批准的重置申请', en: 'A reset request for {username} is already waiting' },
  T3_KEY_RECOVERY_INVALID: {
    zh: '纪检恢复码不正确，或本单位没有纪检密钥',
    en: 'The discipline-office recovery code is not correct, or the unit has no T3 key',
  },
  NOT_FOUND: { zh: '找不到{what}：{id}', en: 'No such {what}: {id}' },
  ORG_DUPLICATE_STAFF_NO: { zh: '工号已存在：{staffNo}（{name}）', en: 'Staff number {staffNo} is taken ({name})' },
  ORG_DEPARTMENT_TAKEN: { zh: '科室名称或代码已存在：{value}', en: 'A department already has this name or code: {value}' },
  ORG_SUPERVISOR_SELF: { zh: '{name} 不能是自己的直接主管', en: '{name} cannot be their own supervisor' },
  ORG_SUPERVISOR_GONE: {
    zh: '直接主管 {supervisor} 已不在本单位（{status}），不能作为 {name} 的主管',
    en: 'Supervisor {supervisor} is no longer in the unit ({status}) and cannot supervise {name}',
  },
  ORG_SUPERVISOR_CYCLE: {
    zh: '汇报关系形成循环：{cycle}',
    en: 'The reporting lines form a cycle: {cycle}',
  },
  ORG_EFFECTIVE_TOO_EARLY: {
    zh: '生效日期 {effectiveOn} 早于 {name} 现有记录的开始日期 {from}，历史不能倒改',
    en: 'The effective date {effectiveOn} is before the start {from} of {name}’s current record; history cannot be rewritten',
  },
  ORG_ACCOUNT_TAKEN: { zh: '账户 {username} 已关联到 {name}', en: 'The account {username} is already linked to {name}' },
  ORG_ADMIN_ACCOUNT: {
    zh: '管理员账户（{username}）不能关联到人员：三员分立',
    en: 'An administrator account ({username}) cannot be linked to a person (separation of duties)',
  },
  ROLE_LINKED_ACCOUNT: {
    zh: '账户 {username} 已关联到人员 {name}，不能授予{role}：三员分立（请先由人事科解除关联）',
    en: 'The account {username} is linked to {name} and cannot be given {role} (separation of duties; HR must unlink it first)',
  },
  ORG_GROUP_OVERLAP: {
    zh: '{name} 重复出现：{detail}',
    en: '{name} is listed twice: {detail}',
  },
  ROSTER_INVALID: {
    zh: '花名册中有 {count} 处错误，未导入任何数据（第一处：第 {row} 行 {column}：{reason}）',
    en: 'The roster has {count} errors; nothing was imported (first: row {row}, {column}: {reasonEn})',
  },
  CALENDAR_IMPORT_INVALID: {
    zh: '节假日表无效：{reason}',
    en: 'The holiday table is not valid: {reasonEn}',
  },
  CALENDAR_STATUTORY_MISSING: {
    zh: '{year} 年节假日表缺少法定节假日，未导入：{days}。《全国年节及纪念日放假办法》（{law}）规定这些日期放假，请核对国务院办公厅通知后补全',
    en: 'The {year} holiday table lacks statutory holidays and was not imported: {daysEn}. The national holidays regulation ({lawEn}) makes these days off; check the State Council notice and complete the table',
  },
  POLICY_IMPORT_INVALID: {
    zh: '政策文件无效：{reason}',
    en: 'The policy file is not valid: {reasonEn}',
  },
  POLICY_NOT_PENDING: { zh: '该政策导入不在待批准状态', en: 'This policy import is not waiting for approval' },
  POLICY_PENDING_EXISTS: {
    zh: '{year} 年已有待批准的政策导入，请先由领导小组组长处理',
    en: 'A policy import for {year} is already waiting for the head’s decision',
  },
  GUIDELINE_NO_DRAFT: { zh: '{year} 年没有待发布的指引草稿', en: 'There is no guideline draft for {year}' },
  GUIDELINE_INVALID: {
    zh: '指引不符合考核政策，共 {count} 处：{first}',
    en: 'The guideline breaks the policy in {count} places: {firstEn}',
  },
  GUIDELINE_REASON_REQUIRED: {
    zh: '年中修订须写明理由',
    en: 'A mid-year revision needs a reason',
  },
  GUIDELINE_DRAFT_EXISTS: { zh: '{year} 年已有草稿，请先发布或放弃', en: 'There is already a draft for {year}; publish or discard it first' },
  GUIDELINE_NOTHING_TO_REVISE: { zh: '{year} 年尚未发布指引，无从修订', en: 'No guideline has been published for {year} yet, so there is nothing to revise' },
  GUIDELINE_YEAR_MISMATCH: { zh: '指引的年度 {found} 与所选年度 {year} 不符', en: 'The guideline is for {found}, not {year}' },
  LEDGER_DAY_IN_FUTURE: { zh: '台账日期 {day} 晚于今天（{today}），不能预先记录', en: 'The entry date {day} is after today ({today}); entries cannot be recorded in advance' },
  LEDGER_PERSON_NOT_IN_UNIT: { zh: '{name} 在 {day} 不在本单位，不能为其记台账', en: '{name} was not in the unit on {day}; no ledger entry can be recorded' },
  LEDGER_ALREADY_VOIDED: { zh: '该台账条目（{id}）已于 {at} 作废', en: 'This ledger entry ({id}) was already voided at {at}' },
  LEDGER_NOT_VOIDABLE: {
    zh: '该台账条目（{id}）是导入的记录，不能作废；请更正来源数据后重新导入',
    en: 'This ledger entry ({id}) was imported and cannot be voided; correct the source data and import it again',
  },
  LEDGER_ATTACHMENT_TOO_LARGE: {
    zh: '附件“{fileName}”过大（{sizeMb} MB），每个附件不超过 {limitMb} MB',
    en: 'The attachment “{fileName}” is too large ({sizeMb} MB); each attachment may be at most {limitMb} MB',
  },
  LEDGER_ATTACHMENTS_TOO_LARGE: {
    zh: '附件合计超过 {limitMb} MB，请减少或压缩附件',
    en: 'The attachments together exceed {limitMb} MB; attach fewer or smaller files',
  },
  LEDGER_ATTACHMENT_TYPE: {
    zh: '附件“{fileName}”的类型不允许，或内容与扩展名不符（允许：{allowed}）',
    en: 'The attachment “{fileName}” is not an allowed type, or its content does not match its extension (allowed: {allowed})',
  },
  LEDGER_EXPORT_TOO_LARGE: {
    zh: '符合条件的台账超过 {limit} 条，请缩小筛选范围后再导出',
    en: 'More than {limit} ledger entries match; narrow the filters before exporting',
  },
  ATTENDANCE_INVALID: {
    zh: '考勤记录表中有 {count} 处错误，未导入任何数据（第一处：第 {row} 行 {column}：{reason}）',
    en: 'The attendance export has {count} errors; nothing was imported (first: row {row}, {column}: {reasonEn})',
  },
  SURVEY_INVALID: {
    zh: '服务评价表中有 {count} 处错误，未导入任何数据（第一处：第 {row} 行 {column}：{reason}）',
    en: 'The survey export has {count} errors; nothing was imported (first: row {row}, {column}: {reasonEn})',
  },
  SURVEY_ALREADY_IMPORTED: {
    zh: '此服务评价文件已于 {at} 导入（{earlierFile}），不能重复导入：没有评价编号的评价会被重复计数',
    en: 'This survey file was already imported on {at} ({earlierFile}); importing it again would count its responses without an ID twice',
  },
  TALK_ALREADY_RECORDED: {
    zh: '{name} {month} 的每月沟通已记录（{heldOn}），如需更正请先作废原记录',
    en: 'The {month} talk with {name} is already recorded ({heldOn}); void it first to correct it',
  },
  TALK_DATE_OUTSIDE_MONTH: {
    zh: '沟通日期 {heldOn} 不在 {month} 内',
    en: 'The talk date {heldOn} is not in {month}',
  },
  TALK_DATE_IN_FUTURE: {
    zh: '沟通日期 {heldOn} 晚于今天（{today}），只能记录已进行的沟通',
    en: 'The talk date {heldOn} is after today ({today}); only talks that took place can be recorded',
  },
  COMMITMENT_STATE: {
    zh: '承诺书（{year} 年第 {version} 版）当前为“{stateZh}”状态，不能{action}',
    en: 'The commitment letter ({year}, version {version}) is {state}; it cannot be {actionEn}',
  },
  COMMITMENT_NO_TASKS: { zh: '承诺书至少要有一项任务才能提交', en: 'A commitment letter needs at least one task before it is submitted' },
  COMMITMENT_DEADLINE_OUTSIDE_YEAR: {
    zh: '任务“{task}”的完成时限 {deadline} 不在 {year} 年内',
    en: 'The deadline {deadline} of task "{task}" is not in {year}',
  },
  COMMITMENT_DUPLICATE_TASK: { zh: '任务编号 {key} 重复', en: 'Task key {key} is used twice' },
  COMMITMENT_TASK_WITHDRAWN: { zh: '任务 {key} 已通过调整撤销，不能登记完成', en: 'Task {key} was withdrawn by a revision; its completion cannot be recorded' },
  COMMITMENT_COMPLETED_IN_FUTURE: {
    zh: '完成日期 {day} 晚于今天（{today}），不能预先登记',
    en: 'The completion date {day} is after today ({today}); it cannot be recorded in advance',
  },
  COMMITMENT_REASON_REQUIRED: { zh: '退回或不予批准须说明理由', en: 'Returning or refusing needs a reason' },
  REVISION_PENDING_EXISTS: {
    zh: '已有一份待领导小组审批的调整申请（编号 {id}），请等待决定',
    en: 'A revision request ({id}) is already waiting for the leadership group’s decision',
  },
  REVISION_NOT_PENDING: { zh: '该调整申请（编号 {id}）已处理：{state}', en: 'This revision request ({id}) has already been decided: {state}' },
  REVISION_INVALID: { zh: '调整内容有误：{reason}', en: 'The requested revision is not valid: {reasonEn}' },
  REVISION_OWN_REQUEST: {
    zh: '不能审批本人的承诺书调整申请，请由领导小组其他成员审批',
    en: 'You cannot decide a revision of your own commitment letter; another leadership group member must',
  },
  QUARTER_NOT_STARTED: {
    zh: '{year} 年第 {quarter} 季度尚未开始（今天 {today}）',
    en: '{year} Q{quarter} has not started yet (today is {today})',
  },
  QUARTERLY_FAIL_REASON_REQUIRED: { zh: '标记“不达标”须写明理由', en: 'Marking a quarter as 不达标 needs a written reason' },
  QUARTER_NOT_IN_RATING_PHASE: {
    zh: '{quarterZh}尚未进入评价阶段，主管评价自 {ratingFromZh} 开始',
    en: '{year} Q{quarter} is not in its rating phase yet; supervisors rate from {ratingFrom}',
  },
  QUARTER_CLOSED: {
    zh: '{quarterZh}已于 {closedOnZh} 结束评估，不能再修改；如需更正，请由人事科登记更正或重新开放该季度',
    en: '{year} Q{quarter} closed on {closedOn} and can no longer be changed; HR can record an amendment or reopen it',
  },
  QUARTER_NOT_CLOSED: {
    zh: '{quarterZh}尚未结束评估，请直接修改，无须登记更正或重新开放',
    en: '{year} Q{quarter} has not closed; change it directly, no amendment or reopening is needed',
  },
  QUARTERLY_RATE_WITHOUT_SUMMARY: {
    zh: '{name} 尚未提交{quarterZh}工作小结；确认无小结仍要评价时请勾选“确认在无小结的情况下评价”',
    en: '{name} has not submitted a summary for {year} Q{quarter}; confirm explicitly to rate without it',
  },
  QUARTERLY_AMEND_NO_RATING: {
    zh: '{name} 在{quarterZh}没有主管评价，无可更正',
    en: '{name} has no supervisor rating in {year} Q{quarter} to amend',
  },
  QUARTERLY_SUMMARY_LOCKED: {
    zh: '{year} 年第 {quarter} 季度已由主管评价，工作小结不能再修改',
    en: 'The supervisor has rated {year} Q{quarter}; the summary can no longer be changed',
  },
  QUARTERLY_NOT_IN_UNIT: {
    zh: '{name} 在 {year} 年第 {quarter} 季度不在本单位',
    en: '{name} was not in the unit in {year} Q{quarter}',
  },
  PEER_SELF_ASSIGNMENT: { zh: '不能安排 {name} 评价本人', en: '{name} cannot be assigned to rate themselves' },
  PEER_OTHER_DEPARTMENT: {
    zh: '互评人须与被评人同一科室：{rater} 与 {ratee} 不在同一科室',
    en: 'Peers must be of the same department: {rater} and {ratee} are not',
  },
  EXPORT_TARGET_PROTECTED: {
    zh: '不能导出到本单位自己的文件（数据库、密钥文件、其临时文件或备份）：{path}。请另选文件名或文件夹',
    en: 'An export cannot be written over the unit’s own files (database, key file, their temporary files or backups): {path}. Choose another name or folder',
  },
  EXPORT_TARGET_EXISTS: {
    zh: '文件已存在，未覆盖：{path}。如确需替换，请明确选择覆盖（命令行加 --force）',
    en: 'The file already exists and was not replaced: {path}. To replace it, ask for that explicitly (--force on the command line)',
  },
  ATTACHMENT_NAME_INVALID: {
    zh: '附件文件名含有不可见的控制字符或文字方向控制字符（可伪装文件类型），请重命名后再上传：{fileName}',
    en: 'The attachment’s name holds invisible control or text-direction characters (which can disguise its type); rename it and upload again: {fileName}',
  },
  ANNUAL_INPUTS_INVALID: {
    zh: '年度考核输入文件无效（{where}）：{reason}',
    en: 'The annual inputs file is not valid ({where}): {reasonEn}',
  },
  ANNUAL_BLOCKED: {
    zh: '{year} 年度尚不能定等次：{reason}',
    en: 'Grades for {year} cannot be set yet: {reasonEn}',
  },
  ANNUAL_STAGE: {
    zh: '{year} 年度考核当前处于“{stage}”阶段，不能{action}',
    en: 'The {year} annual round is at the "{stageEn}" stage: cannot {actionEn}',
  },
  ANNUAL_REASON_REQUIRED: {
    zh: '调整 {name} 的拟定等次须写明理由',
    en: 'Changing the proposed grade of {name} needs a written reason',
  },
  ANNUAL_QUOTA_EXCEEDED: {
    zh: '优秀人数 {count} 超过名额 K = {k}',
    en: '{count} 优秀 would exceed the quota K = {k}',
  },
  ANNUAL_TIE_UNDECIDED: {
    zh: '名额线上的并列尚未由领导小组决定：{names}',
    en: 'The tie at the quota line is not decided by the leadership group yet: {names}',
  },
  ANNUAL_PUBLICITY_RUNNING: {
    zh: '公示期至 {until} 结束，期满后等次方可确定为最终结果',
    en: 'Publicity runs until {until}; grades become final after it',
  },
  ANALYSIS_NO_ROUND: {
    zh: '{year} 年度尚未拟定等次，团队分析需在人事科拟定等次之后进行',
    en: 'No grades are proposed for {year} yet: the team analysis needs at least HR\'s proposal',
  },
  DEMOCRATIC_ROUND_NOT_OPEN: {
    zh: '{year} 年度民主测评未开启（当前：{statusZh}），请人事科先开启测评',
    en: 'The {year} democratic evaluation is not open (now: {status}); HR must open it first',
  },
  BALLOT_KIOSK_NOT_ACTIVE: { zh: '民主测评投票终端未开启', en: 'The democratic-evaluation ballot kiosk is not running' },
  BALLOT_CODE_UNKNOWN: {
    zh: '票码无效：请核对票码上的字符后重新输入（{year} 年度）',
    en: 'This ballot code is not valid: check the characters on the slip and enter it again ({year})',
  },
  BALLOT_CODE_USED: {
    zh: '此票码已经投过票，每张票码只能使用一次',
    en: 'This ballot code has already been used; each code can be used once only',
  },
  BALLOT_CELL_INVALID: { zh: '选票有误：{reason}', en: 'The ballot is not valid: {reasonEn}' },
  BALLOT_CODES_NONE: { zh: '请至少生成一张票码（同事或服务对象代表）', en: 'Issue at least one code (colleague or representative)' },
  TALLIES_INVALID: {
    zh: '纸质计票表中有 {count} 处错误，未导入任何数据（第一处：第 {row} 行 {column}：{reason}）',
    en: 'The paper tally sheet has {count} errors; nothing was imported (first: row {row}, {column}: {reasonEn})',
  },
  CJK_FONT_MISSING: {
    zh: '找不到可用的中文字体，无法生成 PDF。已查找：{paths}。请安装 Noto Sans CJK（fonts-noto-cjk）或设置环境变量 KAOHE_CJK_FONT 指向字体文件',
    en: 'No Chinese font was found, so the PDF cannot be made. Looked in: {paths}. Install Noto Sans CJK (fonts-noto-cjk) or set KAOHE_CJK_FONT to a font file',
  },
  INTERNAL: {
    zh: '内部错误，操作未执行（编号 {ref}）',
    en: 'Internal error; nothing was changed (reference {ref})',
  },
  LEADERSHIP_NOT_MEMBER: {
    zh: '只有绩效管理领导小组成员才能填写考核评分表（本账户未关联领导小组成员）',
    en: 'Only members of the leadership group fill in evaluation sheets (this account is not linked to a member)',
  },
  LEADERSHIP_RECUSED: {
    zh: '{rater} 须回避对 {name} 的评分（{reason}）',
    en: '{rater} is recused from rating {name} ({reasonEn})',
  },
  LEADERSHIP_SUBMITTED: {
    zh: '{rater} 对 {name} 的考核评分表已提交锁定，不能再修改',
    en: 'The evaluation sheet of {rater} for {name} is submitted and locked',
  },
  LEADERSHIP_INCOMPLETE: {
    zh: '提交前须为 {name} 的每个评分指标打分，尚缺：{missing}',
    en: 'Every rated indicator of {name} needs a score before submitting; missing: {missing}',
  },
  LEADERSHIP_UNKNOWN_INDICATOR: {
    zh: '“{indicator}”不是 {name} 所在岗位类别的评分指标（可用：{known}）',
    en: '"{indicator}" is not a rated indicator of the post category of {name} (known: {known})',
  },
  LEADERSHIP_NOT_PARTICIPANT: {
    zh: '{name} 不在本年度参加考核的人员中',
    en: '{name} is not among this year’s participants',
  },
  LEADERSHIP_NO_GUIDELINE: {
    zh: '{year} 年度尚无已发布的考核指引，无法确定评分指标',
    en: 'No guideline is published for {year}, so the rated indicators are unknown',
  },
  LEADERSHIP_IMPORT_INVALID: {
    zh: '评分表有 {count} 处错误，未导入任何数据；第一处在第 {row} 行“{column}”列：{reason}',
    en: 'The score sheet has {count} errors; nothing was imported. The first, in row {row}, column "{column}": {reasonEn}',
  },
  LEADERSHIP_RELATIVE_INVALID: {
    zh: '近亲属关系须为两个不同的人',
    en: 'A close-relative declaration needs two different people',
  },
  T3_KEY_NEEDED: {
    zh: '本账户尚未持有纪检密钥，不能读写纪检内容；请由已持有密钥的纪检账户登录一次，或使用纪检恢复码',
    en: 'This account does not hold the T3 key yet, so discipline content cannot be read or written; a discipline account that holds it signs in once, or use the office’s recovery code',
  },
  INTEGRITY_NO_OFFICE: {
    zh: '纪检室尚无持有纪检密钥的账户，暂不能受理举报线索',
    en: 'No discipline-office account holds the T3 key yet, so leads cannot be received',
  },
  INTEGRITY_SANCTION_UNKNOWN: {
    zh: '“{name}”不在本年度政策的处分与组织处理表中（可用：{known}）',
    en: '"{name}" is not in the policy’s table of sanctions and organisational measures (known: {known})',
  },
  INTEGRITY_REVIEW_INVALID: {
    zh: '专项考察结论有误：{reason}',
    en: 'The integrity review outcome is not valid: {reasonEn}',
  },
  LEAD_STATUS_INVALID: {
    zh: '举报线索不能从“{from}”改为“{to}”',
    en: 'A lead cannot go from "{from}" to "{to}"',
  },
  FEEDBACK_NOT_FINAL: {
    zh: '{year} 年度考核结果尚未确定（公示期未结束），不能生成反馈表',
    en: 'The {year} results are not final yet (publicity not over): no feedback forms',
  },
  FEEDBACK_NO_GRADE: {
    zh: '人员 {personId} 在 {year} 年度没有确定的等次，不能出具反馈表',
    en: 'Person {personId} has no final grade for {year}: no feedback form',
  },
  FEEDBACK_NO_INTERVIEWER: {
    zh: '人员 {personId} 没有直接上级，请人事科指定面谈人',
    en: 'Person {personId} has no direct supervisor: HR assigns an interviewer',
  },
  FEEDBACK_NO_ACCOUNT: {
    zh: '人员 {personId} 没有可用的账户，不能担任面谈人',
    en: 'Person {personId} has no active account and cannot be the interviewer',
  },
  FEEDBACK_INTERVIEWER_SELF: {
    zh: '反馈表 {formId}：面谈人不能是被考核人本人',
    en: 'Feedback form {formId}: the interviewer cannot be the person assessed',
  },
  FEEDBACK_FORM_STATE: {
    zh: '反馈表 {formId}（第 {version} 版）当前为“{status}”，不能{action}',
    en: 'Feedback form {formId} (version {version}) is "{statusEn}": cannot {actionEn}',
  },
  FEEDBACK_NOT_INTERVIEWER: {
    zh: '只有反馈表 {formId} 的面谈人可以进行此操作',
    en: 'Only the interviewer of feedback form {formId} may do this',
  },
  FEEDBACK_SIGNER_MISMATCH: {
    zh: '账户 {username} 不是{role}（{name}）的账户，不能代为签字',
    en: 'Account {username} is not the account of {roleEn} ({name}): it cannot sign',
  },
  FEEDBACK_TEXT_REQUIRED: {
    zh: '请填写{field}',
    en: 'Please fill in {fieldEn}',
  },
  FEEDBACK_DATE_IN_FUTURE: {
    zh: '面谈日期 {date} 晚于今天',
    en: 'The interview date {date} is after today',
  },
  FEEDBACK_DATE_BEFORE_YEAR: {
    zh: '面谈日期 {date} 早于 {year} 年度',
    en: 'The interview date {date} is before the {year} assessment year',
  },
  FEEDBACK_SIGNATURE_INVALID: {
    zh: '手写签名图片无效：{reason}',
    en: 'The drawn signature is not valid: {reasonEn}',
  },
  FEEDBACK_WITNESS_INVALID: {
    zh: '见证人账户 {username} 不可用：见证人须是本单位其他人员（不是被考核人或面谈人），且账户已关联人员',
    en: 'Witness account {username} cannot witness: the witness is another member of the unit (neither the person nor the interviewer), with an account linked to a person',
  },
  REGISTER_TEXT_TOO_LONG: {
    zh: '登记表“{part}”最多 {max} 字，现为 {length} 字',
    en: 'The register form’s "{partEn}" takes at most {max} characters; it has {length}',
  },
  REGISTER_PART_SUBMITTED: {
    zh: '{name} 的 {year} 年度登记表“{part}”已于 {on} 提交，不能再修改',
    en: '"{partEn}" of {name}’s {year} register form was submitted on {on} and can no longer change',
  },
  REGISTER_NOT_YET: {
    zh: '{name} 的 {year} 年度登记表“{part}”须在{when}填写',
    en: '"{partEn}" of {name}’s {year} register form can be written {whenEn}',
  },
  REGISTER_TEXT_REQUIRED: {
    zh: '提交前请填写 {name} 的登记表“{part}”',
    en: 'Fill in "{partEn}" of {name}’s register form before submitting',
  },
  REGISTER_NOBODY: {
    zh: '{year} 年度没有可打印登记表的人员',
    en: 'Nobody has a register form to print for {year}',
  },
  PERSON_FIELD_INVALID: {
    zh: '{name} 的“{field}”有误：“{value}”，应为{expected}',
    en: '{name}: "{fieldEn}" is not valid: "{value}"; expected {expectedEn}',
  },
  OUTCOMES_NOT_FINAL: {
    zh: '{year} 年度考核结果尚未确定（公示期未结束），不能据此应用结果',
    en: 'The {year} results are not final yet (publicity not over): no results application',
  },
  OUTCOMES_FOLLOWUP_STATE: {
    zh: '跟进事项 {id}（{kind}）{state}，不能再次完成',
    en: 'Follow-up {id} ({kindEn}) was {stateEn}: it cannot be completed again',
  },
  OUTCOMES_NOT_OWNER: {
    zh: '跟进事项 {id}（{kind}）不由您负责，只有负责人可以完成',
    en: 'Follow-up {id} ({kindEn}) is not yours: only its owner completes it',
  },
  OUTCOMES_LIST_ENTRY: {
    zh: '{name}（{year} 年度）{state}',
    en: '{name} ({year}) {stateEn}',
  },
  TRAINING_DATE_OUTSIDE_YEAR: {
    zh: '培训日期 {date} 不在 {year} 年度内',
    en: 'The training date {date} is not in {year}',
  },
  TRAINING_NOT_HELD: {
    zh: '培训“{title}”定于 {date} 举行，尚未举行，不能登记出席',
    en: 'The session "{title}" is on {date} and has not been held yet: no attendance can be recorded',
  },
  TRAINING_UNKNOWN_STAFF: {
    zh: '培训“{title}”的出席名单中，下列工号不是本单位在职人员：{list}',
    en: 'In the attendance list of "{title}", these staff numbers are not active members of the unit: {list}',
  },
  TRAINING_NEED_UNKNOWN: {
    zh: '{name} 在 {year} 年度没有“{key}”这项培训需求（现有：{known}）',
    en: '{name} has no training need "{key}" in {year} (there are: {known})',
  },
  TRAINING_ENROLMENT_EXISTS: {
    zh: '{name} 的 {year} 年度培训需求“{need}”已有报名 {id}（{status}）',
    en: '{name}’s {year} training need "{need}" already has enrolment {id} ({statusEn})',
  },
  TRAINING_ENROLMENT_STATE: {
    zh: '报名 {id}（{name}，“{need}”）{status}，不能{action}',
    en: 'Enrolment {id} ({name}, "{need}") is {statusEn}: cannot {actionEn}',
  },
  TRAINING_SESSION_YEAR: {
    zh: '培训“{title}”属 {year} 年度，早于培训需求所在的 {needYear} 年度，不能安排',
    en: 'The session "{title}" is in {year}, before the need’s year {needYear}: it cannot be linked',
  },
  APPEAL_NOT_DELIVERED: {
    zh: '{name} 的 {year} 年度绩效反馈表尚未送达（本人签收或拒签登记），申诉期尚未开始，不能提出申诉',
    en: 'The {year} feedback form of {name} has not been delivered yet (signed or refusal recorded): the appeal period has not begun',
  },
  APPEAL_WINDOW_CLOSED: {
    zh: '申诉期已过：{year} 年度反馈表于 {deliveredOn} 送达，申诉期限为 {days}，截至 {deadline}，今天是 {today}',
    en: 'The appeal period is over: the {year} form was delivered on {deliveredOn}; the limit is {daysEn}, ending {deadline}; today is {today}',
  },
  APPEAL_ALREADY_OPEN: {
    zh: '{name} 的 {year} 年度申诉（编号 {id}）尚未答复，同一年度只能有一件待答复的申诉',
    en: '{name}’s {year} appeal (no. {id}) is still awaiting its answer: one open appeal per person and year',
  },
  APPEAL_ITEM_UNKNOWN: {
    zh: '申诉事项“{item}”不在 {name} 的 {year} 年度考核结果中（可选：{known}）',
    en: 'The disputed item "{item}" is not in {name}’s {year} result (known: {known})',
  },
  APPEAL_NOT_GRADED: {
    zh: '{name} 在 {year} 年度没有确定的等次，不能就等次提出申诉',
    en: '{name} has no final grade for {year}: no appeal against a grade',
  },
  APPEAL_RECUSED: {
    zh: '{member} 对申诉事项“{items}”评过分，须回避，不能答复此申诉（编号 {id}）',
    en: '{member} scored the disputed items ({itemsEn}) and is recused: cannot answer appeal no. {id}',
  },
  APPEAL_ANSWERED: {
    zh: '申诉（编号 {id}）已于 {on} 答复，答复为最终结果，不能再改',
    en: 'Appeal no. {id} was answered on {on}; the answer is final',
  },
  APPEAL_GRADE_NOT_HIGHER: {
    zh: '申诉只能改善等次：{name} 现为“{before}”，不能改为“{after}”',
    en: 'An appeal can only improve a grade: {name} has "{before}", which cannot become "{after}"',
  },
  APPEAL_NOT_ELIGIBLE: {
    zh: '{name} 不具备评优资格（{reasons}），申诉不能改为优秀',
    en: '{name} is not eligible for 优秀 ({reasonsEn}): the appeal cannot make it 优秀',
  },
  APPEAL_ROUTE_INVALID: {
    zh: '法定救济登记有误：{reason}',
    en: 'The statutory route cannot be recorded: {reasonEn}',
  },
  APPEAL_ROUTE_LATE: {
    zh: '{route}须在 {from} 起 {days} 日内提出（截至 {deadline}），{filedOn} 已超期',
    en: 'The {routeEn} had to be filed within {days} days of {from} (by {deadline}); {filedOn} is late',
  },
  PACKAGE_REJECTED: {
    zh: '上报/下发包未通过“{checkZh}”检查：{reason}',
    en: 'The package failed the {checkEn} check: {reasonEn}',
  },
  KEYCARD_INVALID: { zh: '密钥卡无效：{reason}', en: 'Invalid key card: {reasonEn}' },
  PACKAGE_RESULTS_NOT_FINAL: {
    zh: '{year} 年度考核处于“{stage}”阶段，等次确定（公示期满）后方可上报',
    en: 'The {year} round is at the {stageEn} stage: results can be sent once final (after the publicity period)',
  },
  PACKAGE_NO_PEER: { zh: '尚未登记{what}，不能{action}', en: 'No {whatEn} is registered: cannot {actionEn}' },
  PACKAGE_NO_KEYS: { zh: '当前账号未持有本机关的上报/下发包密钥，不能{action}', en: 'This account holds none of the office package keys: cannot {actionEn}' },
  PACKAGE_WRONG_OFFICE: { zh: '本机关为{kind}，不能{action}', en: 'This office is a {kindEn}: cannot {actionEn}' },
  PACKAGE_NOT_FOUND: { zh: '没有编号为 {packageId} 的{what}', en: 'No {whatEn} with id {packageId}' },
  PACKAGE_CONFLICT: { zh: '导入期间数据已变化：{reason}，请重新导入', en: 'The database changed during the import: {reasonEn}; import again' },
  KEYCARD_FINGERPRINT_MISMATCH: {
    zh: '密钥卡指纹不符：卡上为 {actual}，核对的为 {confirmed}，未登记',
    en: 'Key card fingerprint mismatch: the card has {actual}, the confirmed one is {confirmed}; not registered',
  },
  KEYCARD_REFUSED: { zh: '不能登记该密钥卡：{reason}', en: 'Cannot register this key card: {reasonEn}' },
  KEYCARD_NO_KEYS: { zh: '当前账号未持有本机关密钥，不能{action}', en: 'This account holds none of the office keys: cannot {actionEn}' },
  KEYCARD_NOT_FOUND: { zh: '未登记机关 {office} 的密钥 {keyId}', en: 'No key {keyId} of office {office} is registered' },
} as const satisfies Record<string, { zh: string; en: string }>

export type ErrorCode = keyof typeof ERROR_TEXT

/**
 * How each error ends a command-line run (`kaohe`): `denied` → exit 3 (authentication failed or
 * access denied), `invalid` → exit 4 (the input or a file named is not acceptable), `failure` → exit 1.
 * Every code has one — a new code in ERROR_TEXT does not compile until its class is chosen here.
 */
export type ExitClass = 'failure' | 'denied' | 'invalid'

export const ERROR_EXIT = {
  INVALID_INPUT: 'invalid',
  UNKNOWN_METHOD: 'failure',
  NOT_AUTHENTICATED: 'denied',
  FORBIDDEN: 'denied',
  SESSION_LOCKED: 'denied',
  PASSWORD_CHANGE_REQUIRED: 'denied',
  KIOSK_MODE: 'failure',
  KIOSK_NOT_ACTIVE: 'failure',
  KIOSK_SESSION_LIMIT: 'failure',
  KIOSK_OFFICIAL_LIMIT: 'failure',
  AUTH_FAILED: 'denied',
  ACCOUNT_LOCKED: 'denied',
  ACCOUNT_DISABLED: 'denied',
  WRONG_PASSWORD: 'denied',
  WEAK_PASSWORD: 'invalid',
  PASSWORD_REUSED: 'invalid',
  NOT_INITIALIZED: 'failure',
  ALREADY_INITIALIZED: 'invalid',
  KEYFILE_MISSING: 'failure',
  KEYFILE_CORRUPT: 'failure',
  DATABASE_KEY_MISMATCH: 'failure',
  USERNAME_TAKEN: 'invalid',
  USER_NOT_FOUND: 'invalid',
  CANNOT_DISABLE_SELF: 'invalid',
  LAST_ADMIN: 'invalid',
  ROLE_CONFLICT: 'invalid',
  ROLE_ALREADY_HELD: 'invalid',
  ROLE_NOT_HELD: 'invalid',
  BACKUP_INVALID: 'invalid',
  FILE_NOT_FOUND: 'invalid',
  RECOVERY_CODE_INVALID: 'denied',
  RECOVERY_LOCKED: 'denied',
  KEYFILE_BUSY: 'failure',
  BACKUP_NOT_FOUND: 'invalid',
  BACKUP_UNSIGNED: 'failure',
  BACKUP_SIGNATURE_INVALID: 'failure',
  BACKUP_FINGERPRINT_MISMATCH: 'failure',
  BACKUP_OTHER_UNIT: 'failure',
  BACKUP_KEYFILE_MISMATCH: 'failure',
  BACKUP_SIGNING_KEY_MISSING: 'failure',
  RESET_NEEDS_APPROVAL: 'failure',
  RESET_APPROVER_SAME: 'failure',
  RESET_NOT_PENDING: 'failure',
  RESET_APPROVER_TAINTED: 'failure',
  RESET_ALREADY_PENDING: 'failure',
  T3_KEY_RECOVERY_INVALID: 'failure',
  NOT_FOUND: 'failure',
  ORG_DUPLICATE_STAFF_NO: 'failure',
  ORG_DEPARTMENT_TAKEN: 'failure',
  ORG_SUPERVISOR_SELF: 'failure',
  ORG_SUPERVISOR_GONE: 'failure',
  ORG_SUPERVISOR_CYCLE: 'failure',
  ORG_EFFECTIVE_TOO_EARLY: 'failure',
  ORG_ACCOUNT_TAKEN: 'failure',
  ORG_ADMIN_ACCOUNT: 'failure',
  ROLE_LINKED_ACCOUNT: 'failure',
  ORG_GROUP_OVERLAP: 'failure',
  ROSTER_INVALID: 'failure',
  CALENDAR_IMPORT_INVALID: 'failure',
  CALENDAR_STATUTORY_MISSING: 'failure',
  POLICY_IMPORT_INVALID: 'failure',
  POLICY_NOT_PENDING: 'failure',
  POLICY_PENDING_EXISTS: 'failure',
  GUIDELINE_NO_DRAFT: 'failure',
  GUIDELINE_INVALID: 'failure',
  GUIDELINE_REASON_REQUIRED: 'failure',
  GUIDELINE_DRAFT_EXISTS: 'failure',
  GUIDELINE_NOTHING_TO_REVISE: 'failure',
  GUIDELINE_YEAR_MISMATCH: 'failure',
  LEDGER_DAY_IN_FUTURE: 'failure',
  LEDGER_PERSON_NOT_IN_UNIT: 'failure',
  LEDGER_ALREADY_VOIDED: 'failure',
  LEDGER_NOT_VOIDABLE: 'failure',
  LEDGER_ATTACHMENT_TOO_LARGE: 'failure',
  LEDGER_ATTACHMENTS_TOO_LARGE: 'failure',
  LEDGER_ATTACHMENT_TYPE: 'failure',
  LEDGER_EXPORT_TOO_LARGE: 'failure',
  ATTENDANCE_INVALID: 'failure',
  SURVEY_INVALID: 'failure',
  SURVEY_ALREADY_IMPORTED: 'failure',
  TALK_ALREADY_RECORDED: 'failure',
  TALK_DATE_OUTSIDE_MONTH: 'failure',
  TALK_DATE_IN_FUTURE: 'failure',
  COMMITMENT_STATE: 'failure',
  COMMITMENT_NO_TASKS: 'failure',
  COMMITMENT_DEADLINE_OUTSIDE_YEAR: 'failure',
  COMMITMENT_DUPLICATE_TASK: 'failure',
  COMMITMENT_TASK_WITHDRAWN: 'failure',
  COMMITMENT_COMPLETED_IN_FUTURE: 'failure',
  COMMITMENT_REASON_REQUIRED: 'failure',
  REVISION_PENDING_EXISTS: 'failure',
  REVISION_NOT_PENDING: 'failure',
  REVISION_INVALID: 'failure',
  REVISION_OWN_REQUEST: 'failure',
  QUARTER_NOT_STARTED: 'failure',
  QUARTERLY_FAIL_REASON_REQUIRED: 'failure',
  QUARTER_NOT_IN_RATING_PHASE: 'invalid',
  QUARTER_CLOSED: 'invalid',
  QUARTER_NOT_CLOSED: 'invalid',
  QUARTERLY_RATE_WITHOUT_SUMMARY: 'invalid',
  QUARTERLY_AMEND_NO_RATING: 'invalid',
  QUARTERLY_SUMMARY_LOCKED: 'failure',
  QUARTERLY_NOT_IN_UNIT: 'failure',
  PEER_SELF_ASSIGNMENT: 'failure',
  PEER_OTHER_DEPARTMENT: 'failure',
  EXPORT_TARGET_PROTECTED: 'invalid',
  EXPORT_TARGET_EXISTS: 'invalid',
  ATTACHMENT_NAME_INVALID: 'failure',
  ANNUAL_INPUTS_INVALID: 'invalid',
  ANNUAL_BLOCKED: 'failure',
  ANNUAL_STAGE: 'failure',
  ANNUAL_REASON_REQUIRED: 'invalid',
  ANNUAL_QUOTA_EXCEEDED: 'failure',
  ANNUAL_TIE_UNDECIDED: 'failure',
  ANNUAL_PUBLICITY_RUNNING: 'failure',
  FEEDBACK_NOT_FINAL: 'failure',
  FEEDBACK_NO_GRADE: 'failure',
  FEEDBACK_NO_INTERVIEWER: 'failure',
  FEEDBACK_NO_ACCOUNT: 'failure',
  FEEDBACK_INTERVIEWER_SELF: 'invalid',
  FEEDBACK_FORM_STATE: 'failure',
  FEEDBACK_NOT_INTERVIEWER: 'failure',
  FEEDBACK_SIGNER_MISMATCH: 'invalid',
  FEEDBACK_TEXT_REQUIRED: 'invalid',
  FEEDBACK_DATE_IN_FUTURE: 'invalid',
  FEEDBACK_DATE_BEFORE_YEAR: 'invalid',
  FEEDBACK_SIGNATURE_INVALID: 'invalid',
  FEEDBACK_WITNESS_INVALID: 'invalid',
  ANALYSIS_NO_ROUND: 'failure',
  DEMOCRATIC_ROUND_NOT_OPEN: 'failure',
  BALLOT_KIOSK_NOT_ACTIVE: 'failure',
  BALLOT_CODE_UNKNOWN: 'invalid',
  BALLOT_CODE_USED: 'invalid',
  BALLOT_CELL_INVALID: 'invalid',
  BALLOT_CODES_NONE: 'invalid',
  TALLIES_INVALID: 'invalid',
  CJK_FONT_MISSING: 'failure',
  INTERNAL: 'failure',
  LEADERSHIP_NOT_MEMBER: 'denied',
  LEADERSHIP_RECUSED: 'invalid',
  LEADERSHIP_SUBMITTED: 'failure',
  LEADERSHIP_INCOMPLETE: 'invalid',
  LEADERSHIP_UNKNOWN_INDICATOR: 'invalid',
  LEADERSHIP_NOT_PARTICIPANT: 'invalid',
  LEADERSHIP_NO_GUIDELINE: 'failure',
  LEADERSHIP_IMPORT_INVALID: 'invalid',
  LEADERSHIP_RELATIVE_INVALID: 'invalid',
  T3_KEY_NEEDED: 'denied',
  INTEGRITY_NO_OFFICE: 'failure',
  INTEGRITY_SANCTION_UNKNOWN: 'invalid',
  INTEGRITY_REVIEW_INVALID: 'invalid',
  LEAD_STATUS_INVALID: 'invalid',
  REGISTER_TEXT_TOO_LONG: 'invalid',
  REGISTER_PART_SUBMITTED: 'failure',
  REGISTER_NOT_YET: 'failure',
  REGISTER_TEXT_REQUIRED: 'invalid',
  REGISTER_NOBODY: 'failure',
  PERSON_FIELD_INVALID: 'invalid',
  OUTCOMES_NOT_FINAL: 'failure',
  OUTCOMES_FOLLOWUP_STATE: 'failure',
  OUTCOMES_NOT_OWNER: 'denied',
  OUTCOMES_LIST_ENTRY: 'failure',
  TRAINING_DATE_OUTSIDE_YEAR: 'invalid',
  TRAINING_NOT_HELD: 'failure',
  TRAINING_UNKNOWN_STAFF: 'invalid',
  TRAINING_NEED_UNKNOWN: 'invalid',
  TRAINING_ENROLMENT_EXISTS: 'failure',
  TRAINING_ENROLMENT_STATE: 'failure',
  TRAINING_SESSION_YEAR: 'invalid',
  APPEAL_NOT_DELIVERED: 'failure',
  APPEAL_WINDOW_CLOSED: 'failure',
  APPEAL_ALREADY_OPEN: 'failure',
  APPEAL_ITEM_UNKNOWN: 'invalid',
  APPEAL_NOT_GRADED: 'failure',
  APPEAL_RECUSED: 'denied',
  APPEAL_ANSWERED: 'failure',
  APPEAL_GRADE_NOT_HIGHER: 'invalid',
  APPEAL_NOT_ELIGIBLE: 'invalid',
  APPEAL_ROUTE_INVALID: 'invalid',
  APPEAL_ROUTE_LATE: 'failure',
  PACKAGE_REJECTED: 'invalid',
  KEYCARD_INVALID: 'invalid',
  PACKAGE_RESULTS_NOT_FINAL: 'failure',
  PACKAGE_NO_PEER: 'failure',
  PACKAGE_NO_KEYS: 'failure',
  PACKAGE_WRONG_OFFICE: 'failure',
  PACKAGE_NOT_FOUND: 'failure',
  PACKAGE_CONFLICT: 'failure',
  KEYCARD_FINGERPRINT_MISMATCH: 'invalid',
  KEYCARD_REFUSED: 'invalid',
  KEYCARD_NO_KEYS: 'failure',
  KEYCARD_NOT_FOUND: 'failure',
} as const satisfies Record<ErrorCode, ExitClass>
export type ErrorParams = Record<string, string | number>

/** One invalid field, as zod reported it, for forms that show errors beside the field. */
export interface FieldIssue {
  path: string
  message: string
}

export interface ApiError {
  code: ErrorCode
  params?: ErrorParams
  issues?: FieldIssue[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export type Lang = 'zh' | 'en'

/** The error's text in one language, placeholders filled. */
export function errorText(error: ApiError, lang: Lang): string {
  const template: string = ERROR_TEXT[error.code]?.[lang] ?? error.code
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(error.params?.[key] ?? `{${key}}`))
}

/** Both languages, for logs and the CLI: "中文 / English". */
export function errorTextBoth(error: ApiError): string {
  return `${errorText(error, 'zh')} / ${errorText(error, 'en')}`
}

/** Thrown inside main by core services; the router turns it into an ApiError value. */
export class KaoheError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    readonly issues?: FieldIssue[],
  ) {
    super(code)
    this.name = 'KaoheError'
  }
  toApiError(): ApiError {
    return { code: this.code, params: this.params, ...(this.issues ? { issues: this.issues } : {}) }
  }
}
