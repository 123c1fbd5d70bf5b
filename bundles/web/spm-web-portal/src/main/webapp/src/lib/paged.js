// One page of a list per request (docs/api.md "paging"), reloaded on page change and language change.
import { reactive, ref, watch, onMounted } from 'vue';
import { useI18n } from 'vue-i18n';
import { page } from '../api.js';

export function usePagedList(path, defaults = {}, { size = 10 } = {}) {
  const { locale } = useI18n();
  const rows = ref([]);
  const total = ref(0);
  const loading = ref(false);
  const error = ref('');
  const loaded = ref(false);
  const query = reactive({ page: 1, size, ...defaults });
  let seq = 0;

  async function load() {
    const mine = ++seq;
    loading.value = true;
    error.value = '';
    try {
      const { page: p, size: s, ...filters } = query;
      const result = await page(typeof path === 'function' ? path() : path, { page: p - 1, size: s, ...filters });
      if (mine !== seq) return;
      rows.value = result.items;
      total.value = result.total;
      loaded.value = true;
    } catch (e) {
      if (mine === seq) error.value = e.message;
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  function search() {
    if (query.page !== 1) query.page = 1;
    else load();
  }

  watch(() => [query.page, query.size], load);
  watch(locale, load);
  onMounted(load);
  return { rows, total, loading, error, loaded, query, load, search };
}
