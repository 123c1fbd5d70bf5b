// Issue 13: the console is built into the bundle (target/classes/console) and served at /console/.
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  base: '/console/',
  plugins: [vue()],
  build: {
    outDir: fileURLToPath(new URL('../../../target/classes/console', import.meta.url)),
    emptyOutDir: true,
    // no inline scripts or data: modules: the Content Security Policy allows scripts from 'self' only
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 600,
    reportCompressedSize: true,
  },
  server: {
    // `npm run dev` against a running platform
    proxy: { '/api': 'http://127.0.0.1:8181' },
  },
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.js'],
  },
});
