import { createRouter, createWebHistory } from 'vue-router';
import { api, setUnauthorizedHandler } from './api.js';
import { areaRoutes } from './areas/index.js';
import { mayOpen } from './menu.js';
import { session } from './session.js';
import { askRelogin } from './relogin.js';

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

// The session ended (expired, revoked, signed out elsewhere) while someone works on a page: the re-login dialog opens
// over the page, which stays as it is (forms keep their input), and the failed call is repeated after the login. With
// nobody known yet (a reload with a dead token) or when the person declines, the login page comes.
setUnauthorizedHandler(async (error, who) => {
  const current = router.currentRoute.value;
  if (current.meta.public) return false;
  if (who && who.username && !current.meta.limited && (await askRelogin(who))) return true;
  router.push({ name: 'login', query: { redirect: current.fullPath } });
  return false;
});
