import { createRouter, createWebHistory } from 'vue-router';
import { api, setUnauthorizedHandler } from './api.js';
import { areaRoutes } from './areas/index.js';
import { mayOpen } from './menu.js';
import { session } from './session.js';

// Every page is its own chunk (dynamic import): the first load carries only the shell and the login page.
const routes = [
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true } },
  { path: '/password', name: 'password', component: () => import('./views/PasswordView.vue'), meta: { limited: true } },
  {
    path: '/',
    component: () => import('./views/LayoutView.vue'),
    children: [
      { path: '', name: 'home', component: () => import('./views/HomeView.vue') },
      ...areaRoutes(),
    ],
  },
  { path: '/:rest(.*)*', redirect: '/' },
];

export const router = createRouter({ history: createWebHistory('/console/'), routes });

router.beforeEach(async to => {
  if (to.meta.public) return true;
  if (!session.token) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  if (session.limited) return to.meta.limited ? true : { name: 'password' };
  if (to.meta.limited) return { name: 'home' };
  if (!session.me) {
    try {
      session.me = await api('/auth/me');
    } catch (e) {
      return e.status === 401 ? { name: 'login' } : true;
    }
  }
  if (!mayOpen(to.path, session.me.permissions)) return { name: 'home' };
  return true;
});

setUnauthorizedHandler(() => {
  const current = router.currentRoute.value;
  if (!current.meta.public) router.push({ name: 'login', query: { redirect: current.fullPath } });
});
