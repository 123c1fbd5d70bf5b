// Complaints (SVC-CMP-1..5, OWN-5, COS-7, OCS-8): the scoped list with filters, the detail with photos, timeline and
// each allowed transition as a form. The texts shared by the supervision pages (`supervision.*`) live here too.
import messages from './messages.js';

export default {
  order: 40,
  menu: [{ key: 'complaints', path: '/complaints', permission: 'complaint:read' }],
  routes: [
    { path: 'complaints', name: 'complaints', component: () => import('./ComplaintsView.vue') },
    { path: 'complaints/:id', name: 'complaint', component: () => import('./ComplaintDetailView.vue') },
  ],
  messages,
};
