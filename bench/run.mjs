// Runs a benchmark written in TypeScript: `npm run bench -- db` bundles bench/db.ts with esbuild
// (same alias as the app) and runs it on plain Node. Every benchmark prints one JSON document.
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'

const names = process.argv.slice(2)
const all = readdirSync('bench').filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3))
const chosen = names.length ? names : all
for (const name of chosen) {
  const entry = resolve('bench', `${name}.ts`)
  if (!existsSync(entry)) {
    console.error(`no such benchmark: ${name} (have: ${all.join(', ')})`)
    process.exit(2)
  }
  const outfile = resolve('out/bench', `${name}.cjs`)
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3-multiple-ciphers', 'pdfkit'],
    alias: { '@shared': resolve('src/shared') },
    logLevel: 'warning',
  })
  const r = spawnSync(process.execPath, [outfile], { stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
