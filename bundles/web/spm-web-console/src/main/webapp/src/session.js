import { reactive } from 'vue';

// The bearer token lives in sessionStorage: it ends with the tab, and no other site can read it.
const KEY = 'spm.token';

export const session = reactive({
  token: read(),
  limited: readLimited(),
  me: null,
});

function readLimited() {
  try { return sessionStorage.getItem(KEY + '.limited') === 'true'; } catch { return false; }
}

function read() {
  try { return sessionStorage.getItem(KEY); } catch { return null; }
}

export function signIn(result) {
  session.token = result.token;
  session.limited = !!result.limited;
  session.me = null;
  try {
    sessionStorage.setItem(KEY, result.token);
    sessionStorage.setItem(KEY + '.limited', String(session.limited));
  } catch { /* private mode */ }
}

export function signOut() {
  session.token = null;
  session.limited = false;
  session.me = null;
  try {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(KEY + '.limited');
  } catch { /* private mode */ }
}
