import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@shared': resolve(__dirname, 'src/shared') } },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Key slots use scrypt with N = 2^17 on purpose; a sign-in takes a noticeable fraction of a second.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
