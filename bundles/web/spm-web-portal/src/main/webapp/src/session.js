// The portal's own session (issue 13 item 3): its bearer token under its own sessionStorage key, apart from the console's.
import { createSession } from '@spm-common/session.js';

export const { session, signIn, signOut } = createSession('spm.portal.token');
