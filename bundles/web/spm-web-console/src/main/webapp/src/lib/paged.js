// A list page's state: one page of GET <path> per request (docs/api.md "paging"), filters, sort, reload on language
// change. Views bind `rows`, `total`, `loading`, `error`, `query` and call `search()` / `onSort()`; options
// `{ immediate = true, map(item) }`; 20 rows a page. The code is shared with the portal (bundles/web/common/src/paged.js);
// this module binds it to the console's page().
import { createUsePagedList } from '@spm-common/paged.js';
import { page } from '../api.js';

export const usePagedList = createUsePagedList(page, { size: 20 });
