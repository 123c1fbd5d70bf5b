import { describe, expect, it, vi, afterEach } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../src/i18n.js';
import SideMenu from '../src/components/SideMenu.vue';
import LoginView from '../src/views/LoginView.vue';

function router() {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<div/>' } },
      { path: '/login', name: 'login', component: LoginView },
      { path: '/password', name: 'password', component: { template: '<div/>' } },
    ],
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('SideMenu', () => {
  it('lists only what the permissions allow, in the chosen language', async () => {
    setLocale('en');
    const wrapper = mount(SideMenu, { props: { permissions: ['estate:read', 'no:such'] }, global: { plugins: [i18n, router()] } });
    const labels = wrapper.findAll('[data-test^="menu-"]').map(w => w.text());
    expect(labels).toEqual(['Home', 'Estates']);
    expect(wrapper.find('[data-test="menu-accounts"]').exists()).toBe(false);
    setLocale('zh-CN');
    await flushPromises();
    expect(wrapper.find('[data-test="menu-estates"]').text()).toBe('小区');
  });
});

describe('LoginView', () => {
  async function mountLogin(answers) {
    const fetchMock = vi.fn(() => {
      const [status, body] = answers.shift();
      return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } }));
    });
    vi.stubGlobal('fetch', fetchMock);
    const r = router();
    r.push('/login');
    await r.isReady();
    const wrapper = mount(LoginView, { global: { plugins: [i18n, r], stubs: { transition: false, 'transition-group': false } }, attachTo: document.body });
    return { wrapper, fetchMock };
  }

  it('shows the API field errors under their fields', async () => {
    setLocale('en');
    const { wrapper } = await mountLogin([[400, { status: 400, detail: 'invalid', errors: [{ field: 'username', code: 'field.required', message: 'Account is required' }] }]]);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    await new Promise(resolve => setTimeout(resolve, 150)); // Element Plus shows a form item's error after 100 ms
    const item = wrapper.find('[data-test="username"]').element.closest('.el-form-item');
    expect(item.querySelector('.el-form-item__error').textContent).toContain('Account is required');
    wrapper.unmount();
  });

  it('asks for the one-time code when the API answers auth.totpRequired', async () => {
    setLocale('en');
    const { wrapper, fetchMock } = await mountLogin([[401, { status: 401, code: 'auth.totpRequired', detail: 'TOTP required' }]]);
    expect(wrapper.find('[data-test="totp"]').exists()).toBe(false);
    await wrapper.find('[data-test="username"]').setValue('demo-sysadmin');
    await wrapper.find('[data-test="password"]').setValue('Demo@2026spm');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="totp"]').exists()).toBe(true);
    expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual({ username: 'demo-sysadmin', password: 'Demo@2026spm' });
    expect(fetchMock.mock.calls[0][1].headers['Accept-Language']).toBe('en');
    wrapper.unmount();
  });
});

describe('EstatesView', () => {
  it('pages through the API: one page per request, the next page on the pager', async () => {
    setLocale('en');
    const items = n => Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `Estate ${i + 1}`, buildingCount: 1, houseCount: 2, status: 'ACTIVE' }));
    const fetchMock = vi.fn(url => {
      const pageNo = Number(new URL(url, 'http://x').searchParams.get('page'));
      const body = { items: items(pageNo === 0 ? 20 : 5), page: pageNo, size: 20, total: 25 };
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
    });
    vi.stubGlobal('fetch', fetchMock);
    const EstatesView = (await import('../src/areas/estates/EstatesView.vue')).default;
    const wrapper = mount(EstatesView, { global: { plugins: [i18n, router()] }, attachTo: document.body });
    await flushPromises();
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/estates?page=0&size=20&sort=name');
    expect(wrapper.findAll('.el-table__body tr').length).toBe(20);
    await wrapper.find('[data-test="pager"] .btn-next').trigger('click');
    await flushPromises();
    expect(fetchMock.mock.calls.at(-1)[0]).toBe('/api/v1/estates?page=1&size=20&sort=name');
    expect(wrapper.findAll('.el-table__body tr').length).toBe(5);
    wrapper.unmount();
  });
});
