import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { KaoheError } from '@shared/errors'
import { randomBytes } from './primitives'

/**
 * An exclusive lock beside a file, shared by every process that opens the unit (the app, each
 * `kaohe` command): `<file>.lock` created with O_EXCL, holding the owner's pid and a token.
 *
 * Why not a lock library: the key file is read and written from synchronous code (better-sqlite3's
 * model: one call is one transaction), and `proper-lockfile`'s synchronous lock does not retry,
 * so a second process would fail instead of waiting its turn. What is held under this lock is a
 * fresh read, a change and a rename: milliseconds (the slow scrypt work is done before locking).
 */
const WAIT_MS = 15_000
/** A lock older than this is taken to be left by a crash even if its pid was reused. */
const STALE_MS = 30_000

const sleeper = new Int32Array(new SharedArrayBuffer(4))
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms)
}

interface Owner {
  pid: number
  token: string
  at: number
}

function readOwner(path: string): { owner: Owner | null; raw: string } | null {
  try {
    const raw = readFileSync(path, 'utf8')
    try {
      return { owner: JSON.parse(raw) as Owner, raw }
    } catch {
      return { owner: null, raw }
    }
  } catch {
    return null
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Moves a crashed owner's lock away; never one that a live process took meanwhile. */
function breakIfStale(lock: string): boolean {
  const seen = readOwner(lock)
  if (!seen) return true // gone already: try again
  let age: number
  try {
    age = Date.now() - statSync(lock).mtimeMs
  } catch {
    return true
  }
  const stale = age > STALE_MS || (seen.owner !== null && typeof seen.owner.pid === 'number' && !alive(seen.owner.pid))
  if (!stale) return false
  const aside = `${lock}.stale-${randomBytes(6).toString('hex')}`
  try {
    renameSync(lock, aside)
  } catch {
    return true
  }
  const moved = readOwner(aside)
  if (moved && moved.raw !== seen.raw) {
    // Another process replaced the stale lock between our read and our rename: give it back.
    try {
      linkSync(aside, lock)
    } catch {
      /* someone holds a new lock; theirs stands */
    }
  }
  try {
    unlinkSync(aside)
  } catch {
    /* already gone */
  }
  return true
}

export function withFileLock<T>(target: string, fn: () => T): T {
  const lock = `${target}.lock`
  const token = `${process.pid}-${randomBytes(8).toString('hex')}`
  const deadline = Date.now() + WAIT_MS
  for (let delay = 2; ; delay = Math.min(delay * 2, 40)) {
    try {
      const fd = openSync(lock, 'wx', 0o600)
      try {
        writeSync(fd, JSON.stringify({ pid: process.pid, token, at: Date.now() } satisfies Owner))
      } finally {
        closeSync(fd)
      }
      break
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      if (breakIfStale(lock)) continue
      if (Date.now() > deadline) throw new KaoheError('KEYFILE_BUSY', { path: target })
      sleep(delay + Math.floor(Math.random() * delay))
    }
  }
  try {
    return fn()
  } finally {
    // Remove only our own lock: if it was broken as stale, the file there now is someone else's.
    const now = readOwner(lock)
    if (now?.owner?.token === token) {
      try {
        unlinkSync(lock)
      } catch {
        /* already gone */
      }
    }
  }
}
