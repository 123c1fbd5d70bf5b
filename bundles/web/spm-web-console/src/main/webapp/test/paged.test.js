// usePagedList (bundles/web/common/src/paged.js, bound to the console's page()): 20 rows a page, sort, map, immediate.
import { describe, expect, it, vi, beforeEach } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { defineComponent } from 'vue';

const page = vi.fn();
vi.mock('../src/api.js', () => ({ page: (...args) => page(...args) }));

const { usePagedList } = await import('../src/lib/paged.js');
const { i18n } = await import('../src/i18n.js');

function mountList(...args) {
  let list;
  mount(defineComponent({ setup() { list = usePagedList(...args); return () => null; } }), { global: { plugins: [i18n] } });
  return list;
}

beforeEach(() => page.mockReset());

describe('usePagedList (console)', () => {
  it('asks 20 rows a page, maps the items and follows the table sort back to the default', async () => {
    page.mockResolvedValue({ items: [{ id: 1 }], total: 1 });
    const list = mountList('/estates', { sort: 'name', name: '' }, { map: e => ({ ...e, label: `#${e.id}` }) });
    await flushPromises();
    expect(page).toHaveBeenLastCalledWith('/estates', { page: 0, size: 20, sort: 'name', name: '' });
    expect(list.rows.value).toEqual([{ id: 1, label: '#1' }]);
    list.onSort({ prop: 'updatedAt', order: 'descending' });
    await flushPromises();
    expect(page).toHaveBeenLastCalledWith('/estates', { page: 0, size: 20, sort: '-updatedAt', name: '' });
    list.onSort({ prop: 'updatedAt', order: null });
    await flushPromises();
    expect(page).toHaveBeenLastCalledWith('/estates', { page: 0, size: 20, sort: 'name', name: '' });
  });

  it('waits for load() when not immediate', async () => {
    page.mockResolvedValue({ items: [], total: 0 });
    const list = mountList('/estates', {}, { immediate: false });
    await flushPromises();
    expect(page).not.toHaveBeenCalled();
    await list.load();
    expect(page).toHaveBeenCalledWith('/estates', { page: 0, size: 20 });
  });
});
