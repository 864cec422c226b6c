/**
 * bench/loginBundle: how much JavaScript the sign-in screen loads. Reads the production renderer
 * build (out/renderer, made by `npm run build`), starts from the scripts and modulepreloads of
 * index.html and follows every chunk's static imports (dynamic `import()` — the lazily loaded pages
 * and screens — is not followed: it loads after sign-in). Prints the raw and gzip bytes of that set
 * against the same run's baseline, all the renderer's JS, and their ratio; the budget is 300 KB gzip.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'

const ROOT = process.env.BENCH_RENDERER_DIR ?? join('out', 'renderer')
const BUDGET_GZIP = 300 * 1024

/** The chunk paths (relative to ROOT, posix) index.html loads at once: module scripts and modulepreloads. */
export function htmlEntries(html: string): string[] {
  const out: string[] = []
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1]
    const isScript = /^<script/i.test(tag) && attr('type') === 'module'
    const isPreload = /^<link/i.test(tag) && attr('rel') === 'modulepreload'
    const url = isScript ? attr('src') : isPreload ? attr('href') : undefined
    if (url && !/^[a-z]+:/i.test(url)) out.push(posix.normalize(url.replace(/^\//, '')))
  }
  return out
}

/**
 * The static imports of one ES chunk, resolved against its own path. Rollup writes them first in
 * the chunk (`import{a as b}from"./x.js";import"./y.js";export{c}from"./z.js"`); `import("./p.js")`
 * is dynamic and not matched (a parenthesis follows `import`).
 */
export function staticImports(code: string, from: string): string[] {
  const out: string[] = []
  // Linear on minified code: bindings are one {…} list, `* as x`, `*` or a name (plus a list).
  const bindings = String.raw`(?:\{[^{}]*\}|\*\s*as\s*[\w$]+|\*|[\w$]+(?:\s*,\s*(?:\{[^{}]*\}|\*\s*as\s*[\w$]+))?)`
  const re = new RegExp(String.raw`\b(?:import\s*(?=["'])|(?:import|export)\s*${bindings}\s*from\s*)["'](\.{1,2}\/[^"']+)["']`, 'g')
  for (const m of code.matchAll(re)) {
    const spec = m[1]
    if (spec === undefined || !spec.startsWith('.')) continue
    out.push(posix.normalize(posix.join(posix.dirname(from), spec)))
  }
  return out
}

function gzipSize(buf: Buffer): number {
  return gzipSync(buf).byteLength
}

function main(): void {
  const htmlPath = join(ROOT, 'index.html')
  if (!existsSync(htmlPath)) {
    console.error(`no ${htmlPath}: run \`npm run build\` first`)
    process.exit(2)
  }
  const read = (rel: string) => readFileSync(join(ROOT, ...rel.split('/')))
  const seen = new Set<string>()
  const queue = htmlEntries(readFileSync(htmlPath, 'utf8'))
  while (queue.length) {
    const rel = queue.shift() as string
    if (seen.has(rel) || !rel.endsWith('.js')) continue
    seen.add(rel)
    queue.push(...staticImports(read(rel).toString('utf8'), rel))
  }
  const all = readdirSync(join(ROOT, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`)
  const login = [...seen].sort()
  const sizes = (files: string[]) => {
    const bufs = files.map(read)
    return {
      raw: bufs.reduce((n, b) => n + b.byteLength, 0),
      // Each file is sent and compressed on its own, so the gzip total is the sum of each file's.
      gzip: bufs.reduce((n, b) => n + gzipSize(b), 0),
    }
  }
  const l = sizes(login)
  const a = sizes(all)
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10
  const r3 = (x: number) => Math.round(x * 1000) / 1000
  console.log(
    JSON.stringify(
      {
        bench: 'loginBundle',
        loginChunks: login.length,
        loginFiles: login.map((f) => ({ file: f, kb: kb(read(f).byteLength) })),
        loginRawKB: kb(l.raw),
        loginGzipKB: kb(l.gzip),
        baselineChunks: all.length,
        baselineRawKB: kb(a.raw),
        baselineGzipKB: kb(a.gzip),
        ratioRaw: r3(l.raw / a.raw),
        ratioGzip: r3(l.gzip / a.gzip),
        budgetGzipKB: kb(BUDGET_GZIP),
        withinBudget: l.gzip <= BUDGET_GZIP,
        note: 'JS the sign-in screen loads (index.html scripts + modulepreloads + their static imports) against all renderer JS of the same build; gzip = sum of each file gzipped (zlib default level); lower ratio is better',
      },
      null,
      2,
    ),
  )
  if (l.gzip > BUDGET_GZIP) process.exitCode = 1
}

main()
