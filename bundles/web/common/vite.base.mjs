// Issue 13: the Vite configuration both apps share (the console at /console/, the portal at /). Each app's
// vite.config.js passes its own @vitejs/plugin-vue factory, base and outDir, so every package resolves from the app's
// node_modules: this file imports Node built-ins only.
import { fileURLToPath, URL } from 'node:url';

// bundles/web/common/src: the code the apps share (api, session, locale, form, …), built into each app;
// its bare imports (vue, vue-i18n, …) resolve from the importing app's node_modules (dedupe)
export const common = fileURLToPath(new URL('./src', import.meta.url));

/**
 * @param {{ vue: Function, base: string, outDir: string }} app the app's plugin-vue factory, base URL and build folder
 * @returns the configuration for the app's defineConfig()
 */
export function webAppConfig({ vue, base, outDir }) {
  return {
    base,
    plugins: [vue()],
    resolve: {
      alias: { '@spm-common': common },
      dedupe: ['vue', 'vue-i18n', 'vue-router', 'element-plus', 'ol'],
    },
    build: {
      outDir,
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
      // a view test mounts Element Plus and waits for its renders: 5 s (Vitest's default) timed out on the shared
      // 2-core machine at load 17 (accounts.test.js, clean-clone run of 2026-12-05); the tests assert behaviour, not time
      testTimeout: 30000,
    },
  };
}
