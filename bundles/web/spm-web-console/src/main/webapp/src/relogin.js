// The re-login dialog's state (components/ReloginDialog.vue renders it inside the layout). Every call that met the
// 401 waits on the same promise: true when the same person signed in again, false when they went to the login page.
import { reactive } from 'vue';

export const relogin = reactive({ open: false, who: null });
let pending = null;
let settle = null;

export function askRelogin(who) {
  if (!pending) {
    relogin.who = who;
    relogin.open = true;
    pending = new Promise(resolve => { settle = resolve; });
  }
  return pending;
}

export function finishRelogin(ok) {
  relogin.open = false;
  const done = settle;
  pending = null;
  settle = null;
  if (done) done(ok);
}
