// Issue 13 item 3: the portal is built into the bundle (target/classes/portal) and served at /.
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// bundles/web/common/src: the code the portal shares with the console (api, session, locale, form), built into each
// app; its bare imports (vue, vue-i18n, …) resolve from this app's node_modules (dedupe)
const common = fileURLToPath(new URL('../../../../common/src', import.meta.url));

export default defineConfig({
  base: '/',
  plugins: [vue()],
  resolve: {
    alias: { '@spm-common': common },
    dedupe: ['vue', 'vue-i18n', 'vue-router', 'element-plus'],
  },
  build: {
    outDir: fileURLToPath(new URL('../../../target/classes/portal', import.meta.url)),
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
    fs: { allow: ['.', common] },
  },
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.js'],
  },
});
