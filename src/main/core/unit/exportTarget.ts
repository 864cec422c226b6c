/**
 * Where an export may be written (审计导出, 台账导出, templates, later forms and packages). One rule
 * for every export, because the audit administrator once replaced the database with its own
 * audit export: a user-named file is never one of the unit's own files, and never an existing file
 * unless the user asked for it to be replaced.
 *
 * The unit's own files are its database and key file and everything beside them named after the
 * database (WAL, SHM, journal, the key file's temp and lock files, a restore's side files), and
 * anything inside a backup folder. They are compared as the file system sees them: the folder by
 * device and inode (so a symlinked, differently-cased or 8.3-spelled folder is the same folder),
 * the name without case (Windows and macOS ignore it), and an existing target by device and inode
 * too (a symlink or hard link to the database is the database).
 */
import { randomBytes } from 'node:crypto'
import { existsSync, lstatSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { KaoheError } from '@shared/errors'
import type { UnitLocation } from './location'

/** A backup folder holds this manifest (core/backup), and is named kaohe-backup-…. */
const BACKUP_MANIFEST = 'kaohe-backup.json'
const BACKUP_FOLDER = /^kaohe-backup-/i

const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path)
  } catch {
    return null
  }
}

/**
 * Checks that `file` may receive an export and returns its resolved path. Throws
 * EXPORT_TARGET_PROTECTED for the unit's own files, EXPORT_TARGET_EXISTS for an existing file
 * without `overwrite`, FILE_NOT_FOUND when its folder does not exist.
 */
export function checkExportTarget(file: string, units: readonly UnitLocation[], overwrite: boolean): string {
  const target = resolve(file)
  const folder = statOrNull(dirname(target))
  if (!folder || !folder.isDirectory()) throw new KaoheError('FILE_NOT_FOUND', { path: dirname(target) })
  const protectedError = () => new KaoheError('EXPORT_TARGET_PROTECTED', { path: target })

  // Temp files may lead with a dot (.unit.kaohe.keys.1a2b.tmp); a side folder of a restore is named like the database.
  const ownName = (n: string, unit: UnitLocation) => n.toLowerCase().replace(/^\.+/, '').startsWith(basename(unit.dbPath).toLowerCase())
  const parent = statOrNull(dirname(dirname(target)))
  for (const unit of units) {
    const unitFolder = statOrNull(dirname(resolve(unit.dbPath)))
    if (!unitFolder) continue
    if (sameFile(folder, unitFolder) && ownName(basename(target), unit)) throw protectedError()
    if (parent && sameFile(parent, unitFolder) && ownName(basename(dirname(target)), unit)) throw protectedError()
  }
  // Inside a backup folder: the folder itself, resolved through links, is a backup.
  const realFolder = realpathSync(dirname(target))
  if (BACKUP_FOLDER.test(basename(realFolder)) || existsSync(join(realFolder, BACKUP_MANIFEST))) throw protectedError()

  let existing: Stats | null = null
  try {
    existing = lstatSync(target)
  } catch {
    existing = null
  }
  if (existing) {
    // Through a symlink or a hard link: what it is, not what it is called.
    const real = statOrNull(target)
    if (!real) throw protectedError() // a dangling link: writing would create whatever it names
    for (const unit of units) {
      for (const own of [unit.dbPath, unit.keyPath, `${unit.dbPath}-wal`, `${unit.dbPath}-shm`, `${unit.dbPath}-journal`]) {
        const s = statOrNull(own)
        if (s && sameFile(s, real)) throw protectedError()
      }
    }
    if (!real.isFile()) throw new KaoheError('EXPORT_TARGET_EXISTS', { path: target })
    if (!overwrite) throw new KaoheError('EXPORT_TARGET_EXISTS', { path: target })
  }
  return target
}

/**
 * Writes an export, readable only by the account running Kaohe (0600). A new file is created
 * exclusively (never following a link planted meanwhile); a replacement is written beside it and
 * renamed over it, so a half-written export never replaces a good one.
 */
export function writeExport(file: string, content: string | Uint8Array, units: readonly UnitLocation[], overwrite: boolean): { file: string; bytes: number } {
  const target = checkExportTarget(file, units, overwrite)
  const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength
  if (!overwrite || !existsSync(target)) {
    try {
      writeFileSync(target, content, { mode: 0o600, flag: 'wx' })
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new KaoheError('EXPORT_TARGET_EXISTS', { path: target })
      throw e
    }
    return { file: target, bytes }
  }
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    writeFileSync(temp, content, { mode: 0o600, flag: 'wx' })
    renameSync(temp, target)
  } catch (e) {
    rmSync(temp, { force: true })
    throw e
  }
  return { file: target, bytes }
}

/** Every unit an app state can open: the one in use, and the real and demo units of its data folder. */
export function unitsOf(state: { location(): UnitLocation; realLocation(): UnitLocation; demoLocation(): UnitLocation | null }): UnitLocation[] {
  return [state.location(), state.realLocation(), state.demoLocation()].filter((l): l is UnitLocation => l !== null)
}
