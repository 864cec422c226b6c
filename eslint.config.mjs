// Lint, with the layering of DESIGN.md §2 enforced as rules rather than goodwill:
// renderer never imports main or Node; core never imports electron; only main/electron (and the
// preload) import 'electron'; shared imports nothing platform-specific.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

const nodeBuiltins = ['fs', 'path', 'crypto', 'os', 'child_process', 'http', 'net', 'url', 'util'].flatMap((m) => [m, `node:${m}`])

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'kaohe-data/**', 'test/electron/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...nodeBuiltins, 'electron', 'better-sqlite3-multiple-ciphers', 'kysely'].map((name) => ({ name, message: 'The renderer reaches data only through window.api.' })),
        patterns: [{ group: ['**/main/**', '../main/*', '../../main/*'], message: 'The renderer never imports from main.' }],
      }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...nodeBuiltins, 'electron', 'better-sqlite3-multiple-ciphers', 'kysely', 'react'].map((name) => ({ name, message: 'shared/ is pure TypeScript usable by main, preload and renderer.' })),
        patterns: [{ group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'shared/ depends on nothing else in src.' }],
      }],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**', 'src/main/index.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: "Only src/main/electron imports 'electron'." }],
        patterns: [{ group: ['**/electron/*', '../electron', './electron'], message: 'core, api, db and cli never depend on the Electron layer.' }],
      }],
    },
  },
  {
    files: ['src/main/core/**/*.ts', 'src/main/db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: "core never imports 'electron'." }],
        patterns: [{ group: ['../api', '../api/*', '../../api', '../../api/*', '**/main/api/**', '../cli/*', '../../cli/*', '**/electron/**'], message: 'core and db sit below the API layer.' }],
      }],
    },
  },
  {
    files: ['**/*.cjs', 'bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
