// Issue 13 item 2 (OPS-1, 三权分立): the create-account form shows the API's field errors next to their fields, a refusal
// without a field (403 sod.createAdmin) above the form under the separation-of-duties heading, and reports the creation.
import { describe, expect, it, vi, afterEach } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { i18n, setLocale } from '../src/i18n.js';
import AccountForm from '../src/areas/accounts/AccountForm.vue';

afterEach(() => vi.unstubAllGlobals());

function answers(list) {
  const fetchMock = vi.fn(() => {
    const [status, body] = list.shift();
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const errorNextTo = (wrapper, dataTest) => {
  const item = wrapper.find(`[data-test="${dataTest}"]`).element.closest('.el-form-item');
  const error = item.querySelector('.el-form-item__error');
  return error ? error.textContent.trim() : '';
};
const settle = async () => {
  await flushPromises();
  await new Promise(resolve => setTimeout(resolve, 150)); // Element Plus shows a form item's error after its transition
};

describe('AccountForm (POST /accounts)', () => {
  it('shows each API field error next to its field and clears them on the next try', async () => {
    setLocale('en');
    const fetchMock = answers([
      [400, { status: 400, code: 'problem.validation', detail: 'invalid', errors: [
        { field: 'username', code: 'field.required', message: 'required' },
        { field: 'phone', code: 'account.phone', message: 'The phone number is not valid (e.g. 13800001234 or +85361234567)' }] }],
      [200, { account: { id: 42, username: 'it-officer', roles: ['OFFICER'], status: 'ACTIVE' }, initialPassword: 'Xy7#once' }],
    ]);
    const wrapper = mount(AccountForm, { global: { plugins: [i18n] }, attachTo: document.body });
    await wrapper.find('[data-test="account-phone"]').setValue('12');
    await wrapper.find('form').trigger('submit');
    await settle();
    expect(errorNextTo(wrapper, 'account-username')).toBe('required');
    expect(errorNextTo(wrapper, 'account-phone')).toContain('The phone number is not valid');
    expect(errorNextTo(wrapper, 'account-display-name')).toBe('');
    expect(wrapper.find('[data-test="account-form-message"]').exists()).toBe(false); // field errors only, no banner
    const first = JSON.parse(fetchMock.mock.calls[0][1].body);
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/accounts');
    expect(first).toMatchObject({ username: '', phone: '12', scope: 'NONE', roles: [] });

    await wrapper.find('[data-test="account-username"]').setValue('it-officer');
    await wrapper.find('[data-test="account-phone"]').setValue('13800001234');
    await wrapper.find('form').trigger('submit');
    await settle();
    expect(errorNextTo(wrapper, 'account-username')).toBe('');
    expect(errorNextTo(wrapper, 'account-phone')).toBe('');
    expect(wrapper.emitted('created')[0][0]).toMatchObject({ initialPassword: 'Xy7#once', account: { id: 42 } });
    wrapper.unmount();
  });

  it('shows a separation-of-duties refusal with its code above the form', async () => {
    setLocale('en');
    answers([[403, { status: 403, code: 'sod.createAdmin', title: 'Separation of duties',
      detail: 'Separation of duties: the system admin creates accounts without admin roles; admin roles are granted by the security admin' }]]);
    const wrapper = mount(AccountForm, { global: { plugins: [i18n] }, attachTo: document.body });
    await wrapper.find('[data-test="account-username"]').setValue('it-auditor');
    await wrapper.find('form').trigger('submit');
    await settle();
    const banner = wrapper.find('[data-test="account-form-message"]');
    expect(banner.exists()).toBe(true);
    expect(banner.attributes('data-code')).toBe('sod.createAdmin');
    expect(banner.text()).toContain('Separation of duties: refused');
    expect(banner.text()).toContain('admin roles are granted by the security admin (sod.createAdmin)');
    expect(wrapper.emitted('created')).toBeUndefined();
    wrapper.unmount();
  });

  it('sends the id the chosen scope kind needs and shows its field error', async () => {
    setLocale('zh-CN');
    const fetchMock = answers([[400, { status: 400, code: 'problem.validation', detail: 'invalid',
      errors: [{ field: 'companyId', code: 'field.required', message: '必填' }] }]]);
    const wrapper = mount(AccountForm, { global: { plugins: [i18n] }, attachTo: document.body });
    expect(wrapper.find('[data-test="account-scope-id"]').exists()).toBe(false);
    wrapper.vm.$.setupState.form.scope = 'COMPANY';
    await flushPromises();
    await wrapper.find('[data-test="account-username"]').setValue('it-company');
    await wrapper.find('[data-test="account-scope-id"]').setValue('7');
    await wrapper.find('form').trigger('submit');
    await settle();
    expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toMatchObject({ username: 'it-company', scope: 'COMPANY', companyId: 7 });
    expect(errorNextTo(wrapper, 'account-scope-id')).toBe('必填');
    wrapper.unmount();
  });
});

describe('AccountsView (GET /accounts, paged on the server)', () => {
  it('asks one page with the filters and shows the API total', async () => {
    setLocale('en');
    const fetchMock = vi.fn(url => {
      const q = new URL(url, 'http://x').searchParams;
      const items = q.get('q') === 'ops' ? [{ id: 7, username: 'demo-ops', roles: ['OPS'], status: 'ACTIVE' }]
        : Array.from({ length: 20 }, (_, i) => ({ id: i + 1, username: `user-${i + 1}`, roles: ['OFFICER'], status: 'ACTIVE' }));
      const body = { items, page: Number(q.get('page')), size: 20, total: q.get('q') === 'ops' ? 1 : 45 };
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
    });
    vi.stubGlobal('fetch', fetchMock);
    const AccountsView = (await import('../src/areas/accounts/AccountsView.vue')).default;
    const wrapper = mount(AccountsView, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/accounts?page=0&size=20&sort=id');
    expect(wrapper.findAll('[data-test="accounts-table"] .el-table__body tr').length).toBe(20);
    expect(wrapper.text()).toContain('45');
    await wrapper.find('input[data-test="accounts-search"]').setValue('ops');
    await wrapper.find('[data-test="accounts-find"]').trigger('click');
    await flushPromises();
    expect(fetchMock.mock.calls.at(-1)[0]).toBe('/api/v1/accounts?page=0&size=20&sort=id&q=ops');
    expect(wrapper.findAll('[data-test="accounts-table"] .el-table__body tr').length).toBe(1);
    wrapper.unmount();
  });
});
