#!/usr/bin/env node
// npm start: build, then launch the desktop app on this checkout with the demo unit if no unit
// exists yet. Where Electron's binary is not installed (offline machines install with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1), say so and point to the browser build instead.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
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

const electron = electronBinary()
if (electron === null) {
  console.error(
    [
      '本机未安装 Electron 运行文件，无法启动桌面版考核台。',
      '请改用 `npm run start:web`：通过本机回环地址（127.0.0.1）在浏览器中打开同一界面。',
      '',
      'The Electron binary is not installed on this machine, so the desktop shell cannot run here.',
      'Use `npm run start:web` instead: it serves the same UI through the loopback bridge (127.0.0.1).',
    ].join('\n'),
  )
  process.exit(1)
}

const build = spawnSync(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'], {
  cwd: root,
  stdio: 'inherit',
})
if (build.status !== 0) process.exit(build.status ?? 1)

// ELECTRON_RUN_AS_NODE in the caller's environment would start Electron as plain Node.
const env = { ...process.env }
delete env.ELECTRON_RUN_AS_NODE

const child = spawn(electron, ['.', '--demo-if-empty'], { cwd: root, stdio: 'inherit', env })
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!child.killed) child.kill(signal)
  })
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
