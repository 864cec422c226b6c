import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// Read electron-builder.yml with electron-builder's own loader and schema (app-builder-lib, which
// the electron-builder devDependency brings), so the test sees what `npm run dist` will see.
const root = fileURLToPath(new URL('../..', import.meta.url))
const builderRequire = createRequire(createRequire(import.meta.url).resolve('electron-builder'))
interface Config {
  appId?: string
  productName?: string
  files?: Array<string | { filter?: string[] }>
  asar?: boolean
  asarUnpack?: string[]
  electronFuses?: Record<string, boolean>
  win?: { target?: Array<{ target: string }> }
  linux?: { target?: Array<{ target: string }> }
}
const { getConfig, validateConfiguration } = builderRequire('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, options: null): Promise<Config>
  validateConfiguration(config: Config, logger: unknown): Promise<void>
}
const { DebugLogger } = builderRequire('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }

const config = await getConfig(root, null, null)
const filePatterns = (config.files ?? []).flatMap((f) => (typeof f === 'string' ? [f] : (f.filter ?? [])))

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('names the app', () => {
    expect(config.appId).toBe('cn.gov.kaohe')
    expect(config.productName).toBe('考核台')
  })

  it('flips every security fuse', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    })
  })

  it('packs the built app in an asar, with the native SQLite module unpacked', () => {
    expect(config.asar).not.toBe(false)
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3-multiple-ciphers/**')
  })

  it('ships out/** and package.json, never the CLI with its loopback bridge', () => {
    expect(filePatterns).toEqual(expect.arrayContaining(['out/**', 'package.json', '!out/cli/**']))
    // the exclusion must come after the inclusion it narrows
    expect(filePatterns.indexOf('!out/cli/**')).toBeGreaterThan(filePatterns.indexOf('out/**'))
    expect(filePatterns.filter((p) => !p.startsWith('!') && p !== 'out/**' && p !== 'package.json')).toEqual([])
  })

  it('builds NSIS and portable for Windows, AppImage and deb for Linux', () => {
    expect(config.win?.target?.map((t) => t.target)).toEqual(['nsis', 'portable'])
    expect(config.linux?.target?.map((t) => t.target)).toEqual(['AppImage', 'deb'])
  })
})
