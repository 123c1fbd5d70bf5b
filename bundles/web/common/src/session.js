// The bearer token of a browser app (issue 13). It lives in sessionStorage under the app's own key: it ends with the
// tab, no other site can read it, and the console's and the portal's sessions are separate.
import { reactive } from 'vue';

export function createSession(key) {
  const session = reactive({
    token: read(key),
    limited: readLimited(key),
    me: null,
  });

  function signIn(result) {
    session.token = result.token;
    session.limited = !!result.limited;
    session.me = null;
    try {
      sessionStorage.setItem(key, result.token);
      sessionStorage.setItem(key + '.limited', String(session.limited));
    } catch { /* private mode */ }
  }

  function signOut() {
    session.token = null;
    session.limited = false;
    session.me = null;
    try {
      sessionStorage.removeItem(key);
      sessionStorage.removeItem(key + '.limited');
    } catch { /* private mode */ }
  }

  return { session, signIn, signOut };
}

function readLimited(key) {
  try { return sessionStorage.getItem(key + '.limited') === 'true'; } catch { return false; }
}

function read(key) {
  try { return sessionStorage.getItem(key); } catch { return null; }
}
