// Bundles the `kaohe` command (src/main/cli/main.ts) into out/cli/kaohe.js for plain Node.
// The native SQLite module stays external: it loads from node_modules, built for Node. pdfkit
// too: it reads its font metrics and colour profile from files beside its own code at load time.
import { build } from 'esbuild'
import { resolve } from 'node:path'

await build({
  entryPoints: [resolve('src/main/cli/main.ts')],
  outfile: resolve('out/cli/kaohe.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['better-sqlite3-multiple-ciphers', 'pdfkit'],
  alias: { '@shared': resolve('src/shared') },
  logLevel: 'warning',
})
console.log('out/cli/kaohe.js')
