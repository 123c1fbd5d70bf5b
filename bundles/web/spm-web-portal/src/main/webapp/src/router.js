import { createRouter, createWebHistory } from 'vue-router';
import { api, setUnauthorizedHandler } from './api.js';
import { mayOpen } from './nav.js';
import { session } from './session.js';

// Every page is its own chunk (dynamic import): a first visit loads the shell and the home page only.
// Public pages need no login; `meta.auth` pages need one, `meta.permission` the permission their API needs.
const routes = [
  { path: '/', name: 'home', component: () => import('./views/HomeView.vue') },
  { path: '/disclosure/:tab(companies|committees|patrols)?', name: 'disclosure', component: () => import('./views/DisclosureView.vue') },
  { path: '/credit', name: 'credit', component: () => import('./views/CreditView.vue') },
  { path: '/inspections', name: 'inspections', component: () => import('./views/InspectionsView.vue') },
  { path: '/assessment', name: 'assessment', component: () => import('./views/AssessmentView.vue') },
  { path: '/tenders', name: 'tenders', component: () => import('./views/TendersView.vue') },
  { path: '/tenders/:id(\\d+)', name: 'tender', component: () => import('./views/TenderView.vue'), props: true },
  { path: '/votes', name: 'votes', component: () => import('./views/vote/VotesView.vue') },
  { path: '/votes/:id(\\d+)', name: 'vote', component: () => import('./views/vote/VoteView.vue'), props: true },
  { path: '/satisfaction', name: 'satisfaction', component: () => import('./views/survey/SatisfactionView.vue') },
  { path: '/notices', name: 'notices', component: () => import('./views/publishing/NewsView.vue') },
  { path: '/notices/:id(\\d+)', name: 'notice', component: () => import('./views/publishing/NoticeView.vue'), props: true },
  { path: '/policies', name: 'policies', component: () => import('./views/publishing/PoliciesView.vue') },
  { path: '/policies/:id(\\d+)', name: 'policy', component: () => import('./views/publishing/PolicyView.vue'), props: true },
  { path: '/map', name: 'map', component: () => import('./views/MapView.vue') },
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue') },
  { path: '/me/houses', name: 'houses', component: () => import('./views/me/HousesView.vue'), meta: { auth: true, permission: 'house:verify' } },
  { path: '/me/complaints', name: 'complaints', component: () => import('./views/me/CaseListView.vue'), props: { kind: 'complaints' }, meta: { auth: true, permission: 'complaint:read' } },
  { path: '/me/complaints/new', name: 'complaint-new', component: () => import('./views/me/ComplaintFormView.vue'), meta: { auth: true, permission: 'complaint:create' } },
  { path: '/me/complaints/:id(\\d+)', name: 'complaint', component: () => import('./views/me/CaseDetailView.vue'), props: r => ({ kind: 'complaints', id: r.params.id }), meta: { auth: true, permission: 'complaint:read' } },
  { path: '/me/repairs', name: 'repairs', component: () => import('./views/me/CaseListView.vue'), props: { kind: 'repairs' }, meta: { auth: true, permission: 'repair:read' } },
  { path: '/me/repairs/new', name: 'repair-new', component: () => import('./views/me/RepairFormView.vue'), meta: { auth: true, permission: 'repair:request' } },
  { path: '/me/repairs/:id(\\d+)', name: 'repair', component: () => import('./views/me/CaseDetailView.vue'), props: r => ({ kind: 'repairs', id: r.params.id }), meta: { auth: true, permission: 'repair:read' } },
  { path: '/me/votes', name: 'my-votes', component: () => import('./views/vote/MyVotesView.vue'), meta: { auth: true, permission: 'vote:cast' } },
  { path: '/me/votes/:id(\\d+)', name: 'my-vote', component: () => import('./views/vote/CastView.vue'), props: true, meta: { auth: true, permission: 'vote:cast' } },
  { path: '/me/surveys', name: 'my-surveys', component: () => import('./views/survey/MySurveysView.vue'), meta: { auth: true, permission: 'survey:answer' } },
  { path: '/company', name: 'company', component: () => import('./views/company/CompanyView.vue'), meta: { auth: true, permission: 'company:read', scope: 'COMPANY' } },
  { path: '/:rest(.*)*', redirect: '/' },
];

export const router = createRouter({
  history: createWebHistory('/'),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});

/** GET /auth/me once per session (the header shows the own pages from it). */
export async function loadMe() {
  if (session.token && !session.me) session.me = await api('/auth/me');
  return session.me;
}

router.beforeEach(async to => {
  if (session.token && !session.me) {
    try { await loadMe(); } catch { /* a dead token: the 401 handler signed out */ }
  }
  if (!to.meta.auth) return true;
  if (!session.token) return { name: 'login', query: { redirect: to.fullPath } };
  if (!mayOpen(to.meta, session.me)) return { name: 'home' };
  return true;
});

setUnauthorizedHandler(() => {
  const current = router.currentRoute.value;
  if (current.meta.auth) router.push({ name: 'login', query: { redirect: current.fullPath } });
  return false;
});
