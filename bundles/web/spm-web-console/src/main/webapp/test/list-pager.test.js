// ListPager: the one pager under the console's lists (server paging through usePagedList's query).
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { nextTick, reactive } from 'vue';
import { i18n } from '../src/i18n.js';
import ListPager from '../src/components/ListPager.vue';

function mountPager(query, total = 95) {
  return mount(ListPager, {
    props: { query, total, label: 'Rows per page', 'data-test': 'complaints-pager' },
    global: { plugins: [i18n] },
    attachTo: document.body,
  });
}

describe('ListPager', () => {
  it('puts the data-test on the pagination itself and names the page-size select', () => {
    const wrapper = mountPager(reactive({ page: 1, size: 20 }));
    const pager = wrapper.find('[data-test="complaints-pager"]');
    expect(pager.exists()).toBe(true);
    expect(pager.classes()).toContain('el-pagination');
    expect(wrapper.classes()).toContain('spm-pager');
    expect(pager.find('.el-pagination__total').text()).toMatch(/95/);
    expect(pager.find('.el-pagination__sizes input').attributes('aria-label')).toBe('Rows per page');
    expect(pager.findAll('.el-pager li').map(li => li.text())).toEqual(['1', '2', '3', '4', '5']);
    wrapper.unmount();
  });

  it('writes the page the user picks into the list query', async () => {
    const query = reactive({ page: 1, size: 20 });
    const wrapper = mountPager(query);
    await wrapper.findAll('.el-pager li').find(li => li.text() === '3').trigger('click');
    expect(query.page).toBe(3);
    await wrapper.find('.btn-prev').trigger('click');
    expect(query.page).toBe(2);
    query.page = 5; // the list's query (e.g. search() back to page 1) drives the pager too
    await nextTick();
    expect(wrapper.find('.el-pager li.is-active').text()).toBe('5');
    wrapper.unmount();
  });
});
