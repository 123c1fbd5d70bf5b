// Issue 13: the console is built into the bundle (target/classes/console) and served at /console/; the rest of the
// configuration is the one both apps share (bundles/web/common/vite.base.mjs).
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { webAppConfig } from '../../../../common/vite.base.mjs';

export default defineConfig(webAppConfig({
  vue,
  base: '/console/',
  outDir: fileURLToPath(new URL('../../../target/classes/console', import.meta.url)),
}));
