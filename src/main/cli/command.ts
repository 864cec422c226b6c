import type { InputOf, MethodName, OutputOf } from '@shared/api/contract'
import { ERROR_EXIT, type ApiError, type ExitClass } from '@shared/errors'
import type { KaoheApp } from '../api/app'

/**
 * One `kaohe` command as data: its words (`['audit', 'verify']`), its own options, its positional
 * arguments, a summary in both languages and what it does. Each capability keeps its commands in
 * `cli/commands/<capability>.ts`; the parser, the help and the refusal of foreign options are
 * derived from these tables, never kept by hand.
 */

/** Exit codes: 0 ok, 1 failure, 2 usage, 3 authentication failed or access denied, 4 invalid input. */
export const EXIT = { ok: 0, failure: 1, usage: 2, denied: 3, invalid: 4 } as const

export function exitCodeFor(error: ApiError): number {
  const cls: ExitClass = ERROR_EXIT[error.code] ?? 'failure'
  return EXIT[cls]
}

/** Bilingual text: the Chinese first, as a user reads it. */
export interface Text {
  zh: string
  en: string
}

export interface OptionSpec extends Text {
  type: 'string' | 'boolean'
  /** The value's placeholder in the help (`FILE`, `YYYY-MM-DD`); string options only. */
  value?: string
  /** The command refuses to run without it (usage, exit 2). */
  required?: boolean
  default?: string
}
export type Options = Record<string, OptionSpec>

type ValueOf<S extends OptionSpec> = S['type'] extends 'boolean'
  ? boolean
  : S extends { default: string }
    ? string
    : S extends { required: true }
      ? string
      : string | undefined
export type OptionValues<O extends Options> = { -readonly [K in keyof O]: ValueOf<O[K]> }

/** Positional arguments by name; a name ending in `?` is optional (`'ROLE'`, `'FILE?'`). */
type ArgName<N extends string> = N extends `${infer B}?` ? B : N
export type ArgValues<A extends readonly string[]> = {
  [N in A[number] as ArgName<N>]: N extends `${string}?` ? string | undefined : string
}

/** Options every command takes, before or after its words. */
export const GLOBAL_OPTIONS = {
  db: { type: 'string', value: 'FILE', zh: '单位数据库文件（或环境变量 KAOHE_DB）', en: 'the unit database (or KAOHE_DB)' },
  user: {
    type: 'string',
    value: 'NAME',
    zh: '登录用户名（或 KAOHE_USER）；密码取自 KAOHE_PASSWORD，否则隐藏输入',
    en: 'account (or KAOHE_USER); password from KAOHE_PASSWORD or a hidden prompt',
  },
  json: { type: 'boolean', zh: '机器可读输出', en: 'machine-readable output' },
  help: { type: 'boolean', zh: '显示此命令的选项', en: 'show this command’s options' },
} as const satisfies Options

export interface Io {
  out(text: string): void
  err(text: string): void
}

/** What a command's `run` gets: its parsed options and arguments and the unit it works on. */
export interface Context<O extends Options, A extends readonly string[]> {
  opts: OptionValues<O> & OptionValues<typeof GLOBAL_OPTIONS>
  args: ArgValues<A>
  io: Io
  /** --db or KAOHE_DB, resolved; a usage error when neither is given. */
  readonly dbPath: string
  /** The unit, opened on first use and closed when the command ends. */
  readonly app: KaoheApp
  /** Prints the value as JSON with --json, else the text. */
  print(value: unknown, text: () => string): void
  /** One API call; an error result ends the command with its exit class. */
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>
  /** Signs in with --user (or KAOHE_USER) and KAOHE_PASSWORD or a hidden prompt. */
  login(): Promise<OutputOf<'auth.login'>>
}

export interface Command<O extends Options = Options, A extends readonly string[] = readonly string[]> {
  path: readonly [string, ...string[]]
  summary: Text
  options: O
  args?: A
  /** Further lines for the command's own help (lists of values, environment variables). */
  notes?: readonly Text[]
  // Method syntax: a table holds commands of different option types.
  run(ctx: Context<O, A>): Promise<number>
}

/** Declares a command with its option and argument types inferred from the table entry. */
export function command<const O extends Options, const A extends readonly string[] = readonly []>(c: Command<O, A>): Command<O, A> {
  return c
}

/** An API error that ends the command (exit class from ERROR_EXIT). */
export class CliError extends Error {
  constructor(readonly error: ApiError) {
    super(error.code)
  }
}
