export const HELP = `kaohe — 考核台命令行 / Kaohe command line

用法 / usage: kaohe [--db FILE] [--user NAME] [--json] COMMAND ...

全局选项 / global options
  --db FILE       单位数据库文件（或环境变量 KAOHE_DB）/ the unit database (or KAOHE_DB)
  --user NAME     登录用户名；密码取自 KAOHE_PASSWORD，否则隐藏输入 / account; password from KAOHE_PASSWORD or a hidden prompt
  --json          机器可读输出 / machine-readable output
  --yes           不再询问确认（恢复备份）/ do not ask for confirmation (restore)

命令 / commands
  init --unit NAME --unit-code CODE [--sysadmin-user U --secadmin-user U --auditor-user U]
                  建立单位；管理员初始密码取自 KAOHE_SYSADMIN_PASSWORD、KAOHE_SECADMIN_PASSWORD、
                  KAOHE_AUDITOR_PASSWORD 或提示输入；恢复码只显示一次
                  set up a unit; prints the recovery code once
  demo            建立演示单位（约60人，6个科室）/ build the demo unit (about 60 people, 6 departments)
  passwd          修改本人密码，新密码取自 KAOHE_NEW_PASSWORD 或提示 / change your password
  recover --user NAME
                  用恢复码（KAOHE_RECOVERY_CODE）重设某账户密码 / reset a password with the recovery code
  user list | user add USERNAME --name 显示名 | user disable USERNAME | user enable USERNAME
  user reset-request USERNAME | user reset-requests | user reset-approve ID | user reset-refuse ID
                  业务账户的密码重置须两名管理员 / content accounts' resets take two administrators
                  用户管理（系统管理员）；新用户初始密码取自 KAOHE_NEW_PASSWORD / accounts (system administrator)
  role list | role grant USERNAME ROLE | role revoke USERNAME ROLE
                  角色管理（安全管理员）/ roles (security administrator)
                  ROLE: sysadmin secadmin auditor hr discipline leader leaderHead supervisor staff
  audit verify [--checkpoint SEQ:HASH] | audit head | audit export FILE [--force]
                  审计链校验与导出（审计管理员）/ verify and export the audit chain (audit administrator)
                  导出从不写入本单位自己的文件；已有文件只在加 --force 时替换
                  an export never writes over the unit's own files, and replaces a file only with --force
  backup create FOLDER | backup verify FOLDER [--fingerprint F] | backup restore FOLDER [--fingerprint F] | backup key
                  校验/恢复时须输入备份时的密码或恢复码（KAOHE_BACKUP_PASSWORD）/ verify and restore take the password at backup time or the recovery code
                  加密备份、校验、恢复（系统管理员）/ encrypted backups (system administrator)
  template roster [--format xlsx|csv] [--out FILE] [--force]
                  下载花名册模板（人事科）/ write the roster template (HR)
  import roster FILE [--dry-run]
                  导入花名册 .xlsx/.csv（UTF-8 或 GBK）；有任何错误行则退出码 4、不写入
                  import a roster; any bad row → exit 4 and nothing written
  import attendance FILE [--dry-run]
                  导入考勤机导出 .xlsx/.csv（工号、日期、状态、时长，人事科）；重复导入不会重复计入；
                  有任何错误行则退出码 4、不写入
                  import an attendance-machine export (HR); re-imports add nothing; any bad row → exit 4
  import survey FILE [--dry-run]
                  导入服务评价（好差评五级或 1–5 分，人事科）；有评价编号的按编号去重，没有的同一文件不能导入两次；
                  某人全年评价（含以往导入）少于指引规定份数时给出“样本不足”提示
                  import satisfaction responses (HR); deduplicated by 评价编号, else the same file is refused
                  twice; a person's year with fewer responses than the guideline asks is flagged
  ledger add --person STAFFNO --date YYYY-MM-DD --kind KIND --text TEXT
                  为直接下属记台账（主管）/ add a ledger entry for a direct report (supervisor)
                  KIND: workRecord meetingMinutes systemData taskProgress outstanding mistake emergency volunteer
                        shirking trainingExam riskFound riskRectified integrityTalk complaint（或中文名 or the Chinese name）
  ledger list [--person STAFFNO] [--kind KIND] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--text 文字] [--limit N]
                  查看台账（本人、上级主管、人事科、领导小组；普通人员只能看到本人的）
                  list ledger entries (yours, your reports', or everyone's for HR and the leadership group)
  ledger export [--person STAFFNO] [--kind KIND] [--from …] [--to …] [--text 文字] [--out FILE] [--force]
                  导出台账为 .xlsx（范围同 ledger list）/ export the ledger as .xlsx (scoped like ledger list)
  quarterly status --year Y --quarter Q
                  季度评估状态：业绩、潜力、互评、得分、等次、是否达标（人事科、领导小组看全部，主管看下属，本人看本人）
                  quarterly evaluation status: ratings, peers, score, grade, standard met (scoped like the ledger)
  calendar add --from YYYY-MM-DD --working-days N
                  计算 N 个工作日后的日期，未载入节假日表的年份给出警告 / a deadline, with warnings
  calendar import FILE
                  导入某年节假日安排（JSON 或 ICS，人事科）/ import a year's holiday table (HR)
  policy show [--year Y] | policy import FILE [--year Y] | policy approve ID | policy refuse ID [--reason 理由]
                  考核政策：查看；人事科提交导入；领导小组组长批准或驳回
                  the policy: show; HR proposes; the leadership group head approves or refuses
  guideline show [--year Y] | guideline validate FILE | guideline draft [--year Y] [--file FILE]
  guideline publish [--year Y] | guideline revise [--year Y] --reason 理由 [--file FILE]
                  年度考核指引：查看、校验、草稿（人事科）、发布（领导小组组长）、年中修订
                  the guideline: show, validate, draft (HR), publish (head), mid-year revision
  serve-web [--port N] [--data-dir DIR]
                  在 127.0.0.1 上以浏览器提供同一界面（开发与界面测试用）/ serve the UI on 127.0.0.1 (development, UI tests)

退出码 / exit codes: 0 成功 ok, 1 失败 failure, 2 用法错误 usage, 3 认证失败或无权 authentication/access denied, 4 输入无效 invalid input
`
