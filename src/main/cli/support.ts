import { existsSync, readFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import type { InputOf, OutputOf } from '@shared/api/contract'
import { KaoheError } from '@shared/errors'
import { LEDGER_KINDS, LEDGER_KIND_LABELS, type LedgerKind } from '@shared/ledger'
import { ROLES, type Role } from '@shared/roles'
import type { KaoheApp } from '../api/app'
import { unitsOf, writeExport } from '../core/unit/exportTarget'
import { CliError } from './command'
import { UsageError } from './prompt'

/** Values and files as the commands take them from the command line; shared by several tables. */

export function yearOf(text: string | undefined): number {
  if (text === undefined) return new Date().getFullYear()
  const y = Number(text)
  if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new UsageError(`年度无效 / invalid year: ${text}`)
  return y
}

export function roleOf(name: string | undefined): Role {
  if (!name || !(ROLES as readonly string[]).includes(name)) {
    throw new UsageError(`角色须为 / role must be one of: ${ROLES.join(', ')}`)
  }
  return name as Role
}

/** --kind: the key (workRecord) or the Chinese name (工作记录). */
export function ledgerKind(text: string): LedgerKind {
  const k = LEDGER_KINDS.find((x) => x === text || LEDGER_KIND_LABELS[x].zh === text)
  if (!k) throw new UsageError(`台账类别 / --kind must be one of: ${LEDGER_KINDS.map((x) => `${x}(${LEDGER_KIND_LABELS[x].zh})`).join(' ')}`)
  return k
}

/** A person's id from their staff number (needs org.read). */
export async function personByStaffNo(
  call: (method: 'org.people.list', input: InputOf<'org.people.list'>) => Promise<OutputOf<'org.people.list'>>,
  staffNo: string,
): Promise<number> {
  const p = (await call('org.people.list', { includeGone: true, search: staffNo })).find((x) => x.staffNo === staffNo)
  if (!p) throw new CliError({ code: 'NOT_FOUND', params: { what: '工号 staff number', id: staffNo } })
  return p.id
}

/** An export the API returned as content, written where the user said: never the unit's files, never over a file unless --force. */
export function writeFileExport(path: string, file: { contentBase64: string }, app: KaoheApp, force: boolean): { file: string; bytes: number } {
  try {
    return writeExport(resolve(path), Buffer.from(file.contentBase64, 'base64'), unitsOf(app.state), force)
  } catch (e) {
    if (e instanceof KaoheError) throw new CliError(e.toApiError())
    throw e
  }
}

/** A file the user names, as the API takes files (the renderer sends the same from the File API). */
export function readInput(path: string): { fileName: string; contentBase64: string } {
  const full = resolve(path)
  if (!existsSync(full)) throw new CliError({ code: 'FILE_NOT_FOUND', params: { path: full } })
  return { fileName: basename(full), contentBase64: readFileSync(full).toString('base64') }
}

export function readJson(path: string): unknown {
  const { contentBase64 } = readInput(path)
  try {
    return JSON.parse(Buffer.from(contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, ''))
  } catch (e) {
    throw new CliError({ code: 'INVALID_INPUT', params: { details: `${path}: ${(e as Error).message}` } })
  }
}

/** Display width: CJK characters take two columns. */
export function textWidth(s: string): number {
  return [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0)
}

export function table(headers: string[], rows: string[][]): string {
  const cols = headers.map((h, i) => Math.max(textWidth(h), ...rows.map((r) => textWidth(r[i] ?? ''))))
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat((cols[i] ?? 0) - textWidth(c))).join('  ').trimEnd()
  return [line(headers), line(cols.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}
