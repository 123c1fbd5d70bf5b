// A list page's state: one page of GET <path> per request (docs/api.md "paging"), filters, sort, reload on language
// change. Views bind `rows`, `total`, `loading`, `error`, `query` and call `search()` / `onSort()`.
import { reactive, ref, watch, onMounted } from 'vue';
import { useI18n } from 'vue-i18n';
import { page } from '../api.js';

/**
 * @param path the API list path, or a function returning it (for nested lists)
 * @param defaults filters and `sort` (the default sort); `size` defaults to 20
 * @param options `{ immediate = true, map(item) }`
 */
export function usePagedList(path, defaults = {}, { immediate = true, map } = {}) {
  const { locale } = useI18n();
  const rows = ref([]);
  const total = ref(0);
  const loading = ref(false);
  const error = ref('');
  const initialSort = defaults.sort;
  const query = reactive({ page: 1, size: 20, ...defaults });
  let seq = 0;

  async function load() {
    const mine = ++seq;
    loading.value = true;
    error.value = '';
    try {
      const { page: p, size, ...filters } = query;
      const result = await page(typeof path === 'function' ? path() : path, { page: p - 1, size, ...filters });
      if (mine !== seq) return; // a newer request answered first
      rows.value = map ? result.items.map(map) : result.items;
      total.value = result.total;
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
  return { rows, total, loading, error, query, load, search, onSort };
}
