// usePagedList (bundles/web/common/src/paged.js, bound to the portal's page()): one page per request, 10 rows a page.
import { describe, expect, it, vi, beforeEach } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { defineComponent, nextTick } from 'vue';

const page = vi.fn();
vi.mock('../src/api.js', () => ({ page: (...args) => page(...args) }));

const { usePagedList } = await import('../src/lib/paged.js');
const { i18n, setLocale } = await import('../src/i18n.js');

function mountList(...args) {
  let list;
  mount(defineComponent({ setup() { list = usePagedList(...args); return () => null; } }), { global: { plugins: [i18n] } });
  return list;
}

beforeEach(() => page.mockReset());

describe('usePagedList (portal)', () => {
  it('asks the first page of 10 with the filters and the sort, and keeps the answer', async () => {
    page.mockResolvedValue({ items: [{ id: 1 }], page: 0, size: 10, total: 31 });
    const list = mountList('/public/companies', { sort: 'name' });
    expect(list.loaded.value).toBe(false);
    await flushPromises();
    expect(page).toHaveBeenCalledWith('/public/companies', { page: 0, size: 10, sort: 'name' });
    expect(list.rows.value).toEqual([{ id: 1 }]);
    expect(list.total.value).toBe(31);
    expect(list.loaded.value).toBe(true);
    expect(list.loading.value).toBe(false);
  });

  it('loads again on page change; search() goes back to page 1; an older answer never overwrites a newer one', async () => {
    page.mockResolvedValue({ items: [], total: 0 });
    const list = mountList(() => '/complaints', { status: '' });
    await flushPromises();
    list.query.page = 3;
    await flushPromises();
    expect(page).toHaveBeenLastCalledWith('/complaints', { page: 2, size: 10, status: '' });

    let answerOld;
    page.mockReturnValueOnce(new Promise(resolve => { answerOld = resolve; }));
    page.mockResolvedValueOnce({ items: [{ id: 'new' }], total: 1 });
    list.query.status = 'OPEN';
    list.search();
    await nextTick();
    list.load();
    await flushPromises();
    answerOld({ items: [{ id: 'old' }], total: 9 });
    await flushPromises();
    expect(list.query.page).toBe(1);
    expect(list.rows.value).toEqual([{ id: 'new' }]);
    expect(list.total.value).toBe(1);
  });

  it('shows the error of a failed page and reloads when the language changes', async () => {
    page.mockRejectedValueOnce(new Error('boom'));
    const list = mountList('/public/patrols');
    await flushPromises();
    expect(list.error.value).toBe('boom');
    page.mockResolvedValue({ items: [{ id: 2 }], total: 1 });
    setLocale(i18n.global.locale.value === 'en' ? 'pt' : 'en');
    await flushPromises();
    expect(list.error.value).toBe('');
    expect(list.rows.value).toEqual([{ id: 2 }]);
  });
});
