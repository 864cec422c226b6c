import type { Generated } from 'kysely'

/**
 * Kysely table types. They mirror migrations.ts; the migration test checks the two agree.
 * Booleans are 0/1 integers, dates ISO strings.
 */
export interface UnitTable {
  id: number
  name: string
  code: string
  created_at: string
}

export interface UserTable {
  id: Generated<number>
  username: string
  display_name: string
  disabled: number
  must_change_password: number
  /** X25519 public key (raw, base64) that tier keys are sealed to; the private key lives in the slot. */
  public_key: string
  person_id: number | null
  created_at: string
}

export interface UserRoleTable {
  user_id: number
  role: string
  granted_by: number | null
  granted_at: string
}

/** A tier key (T3) sealed to one holder's public key. */
export interface TierKeyGrantTable {
  user_id: number
  tier: string
  sealed: string
  granted_at: string
}

export interface AuditLogTable {
  seq: number
  at: string
  actor_id: number | null
  actor: string | null
  action: string
  target: string | null
  outcome: string
  detail: string
  prev_hash: string
  hash: string
}

/** 科室 */
export interface DepartmentTable {
  id: Generated<number>
  name: string
  code: string
  sort_order: number
}

/** 公务员: one person of the unit (not an account; an account may be linked to a person). */
export interface PersonTable {
  id: Generated<number>
  staff_no: string
  name: string
  department_id: number | null
  post: string
  /** 岗位类别: general 综合管理, enforcement 行政执法, technical 专业技术 */
  category: string
  rank: string
  supervisor_id: number | null
  risk_post: number
  status: string
  joined_on: string | null
  left_on: string | null
}

export interface SchemaMigrationTable {
  version: number
  name: string
  applied_at: string
}

export interface DB {
  unit: UnitTable
  users: UserTable
  user_roles: UserRoleTable
  tier_key_grants: TierKeyGrantTable
  audit_log: AuditLogTable
  departments: DepartmentTable
  people: PersonTable
  schema_migrations: SchemaMigrationTable
}
