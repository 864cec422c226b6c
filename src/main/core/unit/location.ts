import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Where a unit's files live: the encrypted database and its key file beside it. The desktop app
 * keeps a real unit (unit.kaohe) and, for newcomers, a demo unit (demo.kaohe) in its data folder;
 * the CLI names the database with --db.
 */
export interface UnitLocation {
  dbPath: string
  keyPath: string
}

export function locationOf(dbPath: string): UnitLocation {
  return { dbPath, keyPath: `${dbPath}.keys` }
}

export function unitExists(loc: UnitLocation): boolean {
  return existsSync(loc.keyPath) && existsSync(loc.dbPath)
}

/** The data folder's real unit if there is one, else its demo unit if there is one, else where a real unit would go. */
export function locationInDataDir(dataDir: string): UnitLocation {
  const real = locationOf(join(dataDir, 'unit.kaohe'))
  if (unitExists(real)) return real
  const demo = locationOf(join(dataDir, 'demo.kaohe'))
  return unitExists(demo) ? demo : real
}

export function demoLocationInDataDir(dataDir: string): UnitLocation {
  return locationOf(join(dataDir, 'demo.kaohe'))
}

export function realLocationInDataDir(dataDir: string): UnitLocation {
  return locationOf(join(dataDir, 'unit.kaohe'))
}
