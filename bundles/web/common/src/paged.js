// A list page's state, for both apps: one page of GET <path> per request (docs/api.md "paging"), filters, sort, reload
// on page, size and language change; a newer request wins over an older answer. Views bind `rows`, `total`, `loading`,
// `error`, `loaded`, `query` and call `search()` / `onSort()`. Each app binds it to its own `page()` (its session):
// the console's src/lib/paged.js (20 rows a page), the portal's (10).
import { reactive, ref, watch, onMounted } from 'vue';
import { useI18n } from 'vue-i18n';

/**
 * @param page the app's `page(path, query)` (api.js), answering `{ items, page, size, total }`
 * @param size the app's default page size
 * @returns `usePagedList(path, defaults, options)`
 */
export function createUsePagedList(page, { size: defaultSize = 20 } = {}) {
  /**
   * @param path the API list path, or a function returning it (for nested lists)
   * @param defaults filters and `sort` (the default sort); a `size` here wins over the app's default
   * @param options `{ size, immediate = true, map(item) }`
   */
  return function usePagedList(path, defaults = {}, { size = defaultSize, immediate = true, map } = {}) {
    const { locale } = useI18n();
    const rows = ref([]);
    const total = ref(0);
    const loading = ref(false);
    const error = ref('');
    const loaded = ref(false); // the first page has answered
    const initialSort = defaults.sort;
    const query = reactive({ page: 1, size, ...defaults });
    let seq = 0;

    async function load() {
      const mine = ++seq;
      loading.value = true;
      error.value = '';
      try {
        const { page: p, size: s, ...filters } = query;
        const result = await page(typeof path === 'function' ? path() : path, { page: p - 1, size: s, ...filters });
        if (mine !== seq) return; // a newer request answered first
        rows.value = map ? result.items.map(map) : result.items;
        total.value = result.total;
        loaded.value = true;
      } catch (e) {
        if (mine === seq) error.value = e.message;
      } finally {
        if (mine === seq) loading.value = false;
      }
    }

    function search() {
      if (query.page !== 1) query.page = 1; // the watch below loads
      else load();
    }

    /** Element Plus `sort-change` → `sort=prop` / `sort=-prop` (back to the default when cleared). */
    function onSort({ prop, order }) {
      query.sort = !order ? initialSort : (order === 'descending' ? '-' : '') + prop;
      search();
    }

    watch(() => [query.page, query.size], load);
    watch(locale, load); // server texts follow the language
    if (immediate) onMounted(load);
    return { rows, total, loading, error, loaded, query, load, search, onSort };
  };
}
