#!/usr/bin/env node
// npm start: build, then launch the desktop app on this checkout with the demo unit if no unit
// exists yet. Where Electron's binary is not installed (offline machines install with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1), serve the same UI and core on 127.0.0.1 instead, building first
// when the build is missing or older than the sources (what `npm run start:web` does directly).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Path of the Electron executable, or null when it is not installed. */
function electronBinary() {
  try {
    const path = require('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

function run(args) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

// The package exports no ./bin path: find its bin through its package.json.
const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js')
const buildApp = () => run([electronVite, 'build'])
const buildCli = () => run([join(root, 'scripts/build-cli.mjs')])

/** Newest modification time of any file under the given folders (0 when none exist). */
function newest(...dirs) {
  let latest = 0
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else latest = Math.max(latest, statSync(path).mtimeMs)
    }
  }
  for (const dir of dirs) if (existsSync(join(root, dir))) walk(join(root, dir))
  return latest
}

/** Time of the oldest build output the browser route needs, or 0 when one is missing. */
function builtAt() {
  const outputs = ['out/renderer/index.html', 'out/cli/kaohe.js'].map((f) => join(root, f))
  return outputs.every((f) => existsSync(f)) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0
}

/** Forwards Ctrl+C to the child and leaves with its exit code. */
function follow(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (!child.killed) child.kill(signal)
    })
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

const electron = electronBinary()
if (electron === null) {
  console.error(
    [
      '本机未安装 Electron 运行文件，无法打开桌面窗口：改为在本机回环地址（127.0.0.1）上提供同一界面，请在浏览器中打开下面的地址。',
      'The Electron binary is not installed here, so there is no desktop window: serving the same UI on 127.0.0.1 instead; open the address below in a browser.',
      '（想直接使用此方式可运行 `npm run start:web`。/ `npm run start:web` does this directly.）',
      '',
    ].join('\n'),
  )
  const sources = newest('src', 'resources')
  if (builtAt() <= sources) {
    console.error('正在构建… / building…')
    buildApp()
    buildCli()
  }
  // Options after `npm start --` go to serve-web (`--port N`, `--data-dir DIR`).
  follow(spawn(process.execPath, [join(root, 'out/cli/kaohe.js'), 'serve-web', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' }))
} else {
  buildApp()
  // ELECTRON_RUN_AS_NODE in the caller's environment would start Electron as plain Node.
  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE
  follow(spawn(electron, ['.', '--demo-if-empty'], { cwd: root, stdio: 'inherit', env }))
}
