#!/usr/bin/env node
// `npx kaohe`: runs the bundled CLI (npm run build makes it).
const { existsSync } = require('node:fs')
const { join } = require('node:path')
const cli = join(__dirname, '..', 'out', 'cli', 'kaohe.js')
if (!existsSync(cli)) {
  console.error('kaohe 尚未构建，请先运行 npm run build / not built yet: run npm run build first')
  process.exit(1)
}
require(cli).main(process.argv.slice(2)).then((code) => { process.exitCode = code })
