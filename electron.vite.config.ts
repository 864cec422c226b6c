import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const alias = { '@shared': resolve(__dirname, 'src/shared') }

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      // The native module stays outside the bundle; electron-builder unpacks it from the asar. pdfkit
      // reads its data files from beside its own code, so it stays in node_modules too.
      externalizeDeps: { include: ['better-sqlite3-multiple-ciphers', 'pdfkit'] },
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      // Sandboxed preloads cannot require() their own chunks: one CommonJS file, nothing external.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      // Minified, and split by route (React.lazy in App.tsx and Shell.tsx): the sign-in screen loads
      // only its own chunk; bench/loginBundle.ts measures it.
      minify: 'esbuild',
      cssMinify: 'esbuild',
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
})
