// The one way the console calls /api/v1: bearer token, the UI language as Accept-Language, problem+json → ApiError.
// The code is shared with the portal (bundles/web/common/src/api.js); this module binds it to the console's session.
import { createApi } from '@spm-common/api.js';
import { currentLocale } from './i18n.js';
import { session, signOut } from './session.js';

export { BASE, ApiError, fieldErrors } from '@spm-common/api.js';

export const { api, page, setUnauthorizedHandler } = createApi({ session, signOut, currentLocale });
