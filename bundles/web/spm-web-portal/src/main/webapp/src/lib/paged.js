// One page of a list per request (docs/api.md "paging"), reloaded on page change and language change; 10 rows a page.
// The code is shared with the console (bundles/web/common/src/paged.js); this module binds it to the portal's page().
import { createUsePagedList } from '@spm-common/paged.js';
import { page } from '../api.js';

export const usePagedList = createUsePagedList(page, { size: 10 });
