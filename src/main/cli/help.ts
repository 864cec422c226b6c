import { GLOBAL_OPTIONS, type Command, type OptionSpec, type Options } from './command'
import { COMMAND_TABLES } from './commands'

/** The help, generated from the command tables: the overview and each command's own page. */

const INDENT = '                  '

function optionUsage(name: string, spec: OptionSpec): string {
  const flag = spec.type === 'string' ? `--${name} ${spec.value ?? 'VALUE'}` : `--${name}`
  return spec.required ? flag : `[${flag}]`
}

function argUsage(name: string): string {
  return name.endsWith('?') ? `[${name.slice(0, -1)}]` : name
}

/** `audit export FILE [--force]`. */
export function usageLine(c: Command): string {
  return [...c.path, ...(c.args ?? []).map(argUsage), ...Object.entries(c.options).map(([n, s]) => optionUsage(n, s))].join(' ')
}

function optionLines(options: Options): string[] {
  const rows = Object.entries(options).map(([n, s]) => [s.type === 'string' ? `--${n} ${s.value ?? 'VALUE'}` : `--${n}`, s] as const)
  const width = Math.max(14, ...rows.map(([f]) => f.length)) + 2
  return rows.map(([flag, s]) => `  ${flag.padEnd(width)}${s.zh}${s.default !== undefined ? `（默认 ${s.default}）` : ''} / ${s.en}`)
}

const EXIT_LINE = '退出码 / exit codes: 0 成功 ok, 1 失败 failure, 2 用法错误 usage, 3 认证失败或无权 authentication/access denied, 4 输入无效 invalid input'

export function overview(): string {
  const lines = [
    'kaohe — 考核台命令行 / Kaohe command line',
    '',
    '用法 / usage: kaohe [--db FILE] [--user NAME] [--json] COMMAND ...',
    '              kaohe help COMMAND（或 COMMAND --help）：该命令的选项 / one command’s options',
    '',
    '全局选项（所有命令）/ global options (every command)',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    '命令 / commands',
  ]
  for (const table of COMMAND_TABLES) {
    for (const c of table) {
      lines.push(`  ${usageLine(c)}`, `${INDENT}${c.summary.zh}`, `${INDENT}${c.summary.en}`)
    }
  }
  lines.push('', EXIT_LINE, '')
  return lines.join('\n')
}

export function commandHelp(c: Command): string {
  const lines = [`kaohe ${usageLine(c)}`, '', `  ${c.summary.zh}`, `  ${c.summary.en}`]
  for (const n of c.notes ?? []) lines.push(`  ${n.zh}${n.en ? ` / ${n.en}` : ''}`)
  const own = Object.keys(c.options).length
  lines.push('', '选项 / options', ...(own ? optionLines(c.options) : ['  （无 / none）']))
  lines.push('', '全局选项 / global options', ...optionLines(GLOBAL_OPTIONS), '', EXIT_LINE, '')
  return lines.join('\n')
}

/** The commands under a word that is not a whole command (`kaohe audit`). */
export function groupHelp(prefix: readonly string[], commands: readonly Command[]): string {
  return [`kaohe ${prefix.join(' ')} …`, '', ...commands.flatMap((c) => [`  ${usageLine(c)}`, `${INDENT}${c.summary.zh} / ${c.summary.en}`]), ''].join('\n')
}
