// Issue 13 item 3: the portal is built into the bundle (target/classes/portal) and served at /; the rest of the
// configuration is the one both apps share (bundles/web/common/vite.base.mjs).
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { webAppConfig } from '../../../../common/vite.base.mjs';

export default defineConfig(webAppConfig({
  vue,
  base: '/',
  outDir: fileURLToPath(new URL('../../../target/classes/portal', import.meta.url)),
}));
