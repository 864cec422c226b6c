/** One schema migration: its version and name are recorded in `schema_migrations` of every unit. */
export interface Migration {
  readonly version: number
  readonly name: string
  readonly sql: string
}
