import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { InputOf, MethodName, OutputOf } from '@shared/api/contract'
import { errorText, KaoheError, type ApiError } from '@shared/errors'
import { createKaohe, type KaoheApp } from '../api/app'
import { CliError, EXIT, exitCodeFor, GLOBAL_OPTIONS, type Command, type Context, type Io, type Options } from './command'
import { COMMANDS } from './commands'
import { commandHelp, groupHelp, overview, usageLine } from './help'
import { secret, UsageError } from './prompt'

/**
 * The `kaohe` command: the same router and core as the desktop app, for HR batch work, the
 * higher-level office and automated tests. The commands are tables, one per capability
 * (`cli/commands/<capability>.ts`); this file finds the command, holds it to its own options and
 * arguments, runs it and maps the outcome to an exit code (see EXIT).
 */
export { EXIT, exitCodeFor } from './command'

type ParseOptions = NonNullable<ParseArgsConfig['options']>

function parseOptions(options: Options): ParseOptions {
  const out: ParseOptions = {}
  for (const [name, spec] of Object.entries(options)) {
    out[name] = {
      type: spec.type,
      ...(spec.type === 'boolean' ? { default: false } : spec.default !== undefined ? { default: spec.default } : {}),
      ...(name === 'help' ? { short: 'h' } : {}),
    }
  }
  return out
}

/** Every option any command knows, for the first pass that only finds the command's words. */
function allOptions(): ParseOptions {
  const all: ParseOptions = {}
  for (const c of [{ options: GLOBAL_OPTIONS as Options }, ...COMMANDS]) {
    for (const [name, o] of Object.entries(parseOptions(c.options))) all[name] = { type: o.type, ...(o.short ? { short: o.short } : {}) }
  }
  return all
}

/** The command whose words start the positionals, the longest such one. */
export function findCommand(positionals: readonly string[]): Command | undefined {
  let best: Command | undefined
  for (const c of COMMANDS) {
    if (c.path.length <= positionals.length && c.path.every((w, i) => positionals[i] === w) && (!best || c.path.length > best.path.length)) best = c
  }
  return best
}

function commandsUnder(prefix: readonly string[]): Command[] {
  return prefix.length ? COMMANDS.filter((c) => prefix.every((w, i) => c.path[i] === w)) : []
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const first = parseArgs({ args: argv, options: allOptions(), strict: false, allowPositionals: true, tokens: true })
  const known = allOptions()
  const unknown = first.tokens.find((t) => t.kind === 'option' && !(t.name in known))
  const positionals = first.positionals
  const command = findCommand(positionals)
  const usage = (message: string, more = '(kaohe --help)') => {
    io.err(`${message}\n${more}`)
    return EXIT.usage
  }

  if (!command) {
    if (unknown?.kind === 'option') return usage(`未知选项 / unknown option: ${unknown.rawName}`)
    if (positionals[0] === 'help') {
      const target = positionals.slice(1)
      const c = findCommand(target)
      if (!target.length) io.out(overview())
      else if (c && c.path.length === target.length) io.out(commandHelp(c))
      else if (commandsUnder(target).length) io.out(groupHelp(target, commandsUnder(target)))
      else return usage(`未知命令 / unknown command: ${target.join(' ')}`)
      return EXIT.ok
    }
    if (!positionals.length) {
      io.out(overview())
      return first.values.help === true ? EXIT.ok : EXIT.usage
    }
    const group = commandsUnder(positionals)
    if (group.length) return usage(`请选择一个命令 / choose one of:\n${groupHelp(positionals, group)}`, `(kaohe help ${positionals[0]})`)
    return usage(`未知命令 / unknown command: ${positionals.join(' ')}`)
  }

  const name = `kaohe ${command.path.join(' ')}`
  const more = `用法 / usage: kaohe ${usageLine(command)}\n(kaohe help ${command.path.join(' ')})`
  const allowed = { ...GLOBAL_OPTIONS, ...command.options } as Options
  const foreign = first.tokens.find((t) => t.kind === 'option' && !(t.name in allowed))
  if (foreign?.kind === 'option') {
    return usage(
      foreign.name in known ? `${name} 不接受选项 ${foreign.rawName} / ${name} takes no option ${foreign.rawName}` : `未知选项 / unknown option: ${foreign.rawName}`,
      more,
    )
  }
  if (first.values.help === true) {
    io.out(commandHelp(command))
    return EXIT.ok
  }
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: parseOptions(allowed), strict: true, allowPositionals: true })
  } catch (e) {
    return usage((e as Error).message, more)
  }
  const opts = parsed.values as Context<Options, readonly string[]>['opts']
  const missing = Object.entries(command.options).find(([n, s]) => s.required && opts[n] === undefined)
  if (missing) return usage(`${name} 需要 --${missing[0]} / ${name} needs --${missing[0]}`, more)
  const given = parsed.positionals.slice(command.path.length)
  const names = command.args ?? []
  if (given.length > names.length) return usage(`${name}: 多余的参数 / unexpected argument: ${given.slice(names.length).join(' ')}`, more)
  const args: Record<string, string | undefined> = {}
  for (const [i, n] of names.entries()) {
    const key = n.replace(/\?$/, '')
    if (given[i] === undefined && !n.endsWith('?')) return usage(`${name} 需要 ${key} / ${name} needs ${key}`, more)
    args[key] = given[i]
  }

  let app: KaoheApp | null = null
  const json = opts.json
  const dbPathOf = (): string => {
    const dbPath = opts.db ?? process.env.KAOHE_DB
    if (!dbPath) throw new UsageError('请用 --db 或 KAOHE_DB 指定数据库文件 / name the database with --db FILE or KAOHE_DB')
    return resolve(dbPath)
  }
  const unit = (): KaoheApp =>
    (app ??= createKaohe({
      dbPath: dbPathOf(),
      // Long imports report progress on stderr, so stdout stays clean for --json.
      onProgress: (done, total) => io.err(`… ${done}/${total}`),
      // The user gets the sentence and the reference from the error itself; the stack only on request.
      log: (msg, err) => {
        if (process.env.KAOHE_DEBUG === '1') io.err(`${msg}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
      },
    }))
  const call = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => {
    const r = await unit().call(method, input)
    if (!r.ok) throw new CliError(r.error)
    return r.value as OutputOf<M>
  }
  const ctx: Context<Options, readonly string[]> = {
    opts,
    args: args as Context<Options, readonly string[]>['args'],
    io,
    get dbPath() {
      return dbPathOf()
    },
    get app() {
      return unit()
    },
    print: (value, text) => io.out(json ? JSON.stringify(value, null, 2) : text()),
    call,
    login: async () => {
      const username = opts.user ?? process.env.KAOHE_USER
      if (!username) throw new UsageError('请用 --user 指定用户名 / name the account with --user NAME')
      const password = await secret('KAOHE_PASSWORD', `${username} 的密码 / password: `)
      return call('auth.login', { username, password })
    },
  }
  try {
    return await command.run(ctx)
  } catch (e) {
    if (e instanceof UsageError) return usage(e.message, `(kaohe help ${command.path.join(' ')})`)
    // A KaoheError thrown outside the router (opening the unit, writing an export) is a known error too.
    const error: ApiError = e instanceof CliError ? e.error : e instanceof KaoheError ? e.toApiError() : internalError(e, io)
    if (json) io.out(JSON.stringify({ ok: false, error: { ...error, zh: errorText(error, 'zh'), en: errorText(error, 'en') } }, null, 2))
    let text = `错误 / error [${error.code}]: ${errorText(error, 'zh')} / ${errorText(error, 'en')}`
    if (error.code === 'PASSWORD_CHANGE_REQUIRED') text += '\n  → kaohe passwd --db … --user …'
    io.err(text)
    return exitCodeFor(error)
  } finally {
    ;(app as KaoheApp | null)?.close()
  }
}

/**
 * An unexpected error, as a user sees it: the sentence and a reference, never a stack or SQL.
 * KAOHE_DEBUG=1 adds the details on stderr for whoever is chasing the reference.
 */
function internalError(e: unknown, io: Io): ApiError {
  const ref = randomBytes(4).toString('hex')
  if (process.env.KAOHE_DEBUG === '1') io.err(`[kaohe] internal error ${ref}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
  return { code: 'INTERNAL', params: { ref } }
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
}

if (typeof require !== 'undefined' && require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (e: unknown) => {
      const error = internalError(e, defaultIo)
      defaultIo.err(`错误 / error [${error.code}]: ${errorText(error, 'zh')} / ${errorText(error, 'en')}`)
      process.exitCode = EXIT.failure
    },
  )
}
