import type { Command } from '../command'
import { ANNUAL_COMMANDS } from './annual'
import { FORM_COMMANDS } from './form'
import { REGISTER_COMMANDS } from './register'
import { AUDIT_COMMANDS } from './audit'
import { AUTH_COMMANDS } from './auth'
import { BACKUP_COMMANDS } from './backup'
import { CALENDAR_COMMANDS } from './calendar'
import { GUIDELINE_COMMANDS } from './guideline'
import { IMPORT_COMMANDS } from './imports'
import { LEDGER_COMMANDS } from './ledger'
import { ORG_COMMANDS } from './org'
import { POLICY_COMMANDS } from './policy'
import { QUARTERLY_COMMANDS } from './quarterly'
import { ROLE_COMMANDS } from './roles'
import { SETUP_COMMANDS } from './setup'
import { USER_COMMANDS } from './users'
import { DEMOCRATIC_COMMANDS } from './democratic'
import { LEADERSHIP_COMMANDS } from './leadership'
import { INTEGRITY_COMMANDS } from './integrity'
import { ANALYSIS_COMMANDS } from './analysis'
import { ARCHIVE_COMMANDS } from './archive'
import { BONUS_COMMANDS } from './bonus'
import { FOLLOWUP_COMMANDS } from './followup'
import { TRAINING_COMMANDS } from './training'
import { APPEAL_COMMANDS } from './appeal'
import { PACKAGE_COMMANDS } from './package'
import { KEYCARD_COMMANDS } from './keycard'

/**
 * Every `kaohe` command, one table per capability, in the order the help lists them. A new command
 * goes into its capability's table (or a new file here); parsing and help follow from it.
 */
export const COMMAND_TABLES: readonly (readonly Command[])[] = [
  SETUP_COMMANDS,
  AUTH_COMMANDS,
  USER_COMMANDS,
  ROLE_COMMANDS,
  AUDIT_COMMANDS,
  BACKUP_COMMANDS,
  ORG_COMMANDS,
  IMPORT_COMMANDS,
  LEDGER_COMMANDS,
  QUARTERLY_COMMANDS,
  CALENDAR_COMMANDS,
  POLICY_COMMANDS,
  GUIDELINE_COMMANDS,
  LEADERSHIP_COMMANDS,
  INTEGRITY_COMMANDS,
  ANNUAL_COMMANDS,
  FORM_COMMANDS,
  REGISTER_COMMANDS,
  DEMOCRATIC_COMMANDS,
  ANALYSIS_COMMANDS,
  ARCHIVE_COMMANDS,
  BONUS_COMMANDS,
  FOLLOWUP_COMMANDS,
  TRAINING_COMMANDS,
  APPEAL_COMMANDS,
  KEYCARD_COMMANDS,
  PACKAGE_COMMANDS,
]

export const COMMANDS: readonly Command[] = COMMAND_TABLES.flat()
