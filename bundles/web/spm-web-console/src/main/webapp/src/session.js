// The bearer token lives in sessionStorage: it ends with the tab, and no other site can read it.
// The code is shared with the portal (bundles/web/common/src/session.js), which keeps its token under its own key.
import { createSession } from '@spm-common/session.js';

export const { session, signIn, signOut } = createSession('spm.token');
