import { createApp } from 'vue';
import 'element-plus/dist/index.css';
import './style.css';
import App from './App.vue';
import { i18n, currentLocale } from './i18n.js';
import { router } from './router.js';

document.documentElement.lang = currentLocale();
createApp(App).use(i18n).use(router).mount('#app');
