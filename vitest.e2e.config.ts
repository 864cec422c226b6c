import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

// End-to-end tests: the real renderer build in Debian's Chromium, window.api through the loopback
// bridge over the real router, core and encrypted database. Run after `npm run build`.
export default defineConfig({
  resolve: { alias: { '@shared': resolve(__dirname, 'src/shared') } },
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
})
