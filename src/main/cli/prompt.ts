import { createInterface } from 'node:readline'

/**
 * Reads a secret: from the named environment variable when set (scripts, tests), otherwise from a
 * hidden prompt on the terminal. Without either there is no way to ask, which is a usage error.
 */
export class UsageError extends Error {}

export async function secret(envName: string, question: string): Promise<string> {
  const fromEnv = process.env[envName]
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv
  if (!process.stdin.isTTY) {
    throw new UsageError(`需要密码：请设置环境变量 ${envName} / password needed: set ${envName}`)
  }
  return hiddenPrompt(question)
}

function hiddenPrompt(question: string): Promise<string> {
  return new Promise((resolvePrompt, reject) => {
    const stdin = process.stdin
    process.stderr.write(question)
    stdin.setRawMode(true)
    stdin.resume()
    let value = ''
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          done()
          resolvePrompt(value)
          return
        }
        if (ch === '\u0003') {
          done()
          reject(new UsageError('cancelled / 已取消'))
          return
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1)
        else value += ch
      }
    }
    const done = () => {
      stdin.setRawMode(false)
      stdin.pause()
      stdin.off('data', onData)
      process.stderr.write('\n')
    }
    stdin.on('data', onData)
  })
}

/** A visible yes/no question; non-interactive runs must pass --yes. */
export async function confirm(question: string, yes: boolean): Promise<boolean> {
  if (yes) return true
  if (!process.stdin.isTTY) throw new UsageError('此操作需要确认：请加 --yes / this needs confirmation: add --yes')
  const rl = createInterface({ input: process.stdin, output: process.stderr })
  const answer = await new Promise<string>((ok) => rl.question(`${question} [y/N] `, ok))
  rl.close()
  return /^y(es)?$/i.test(answer.trim())
}
