// Issue 13 item 2: the console's 粤政易 (gd-zwy) login button, the way back with a one-time handoff code, and the
// refusal the callback reports as ?idpError=<problem code>.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { navigation } from '@spm-common/idp.js';
import { i18n, setLocale } from '../src/i18n.js';
import { session, signOut } from '../src/session.js';
import LoginView from '../src/views/LoginView.vue';

function answer(status, body, type = 'application/json') {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } }));
}

async function mountAt(path, respond) {
  const calls = [];
  vi.stubGlobal('fetch', vi.fn((url, init) => {
    calls.push([url, init]);
    return respond(url, init);
  }));
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'home', component: { template: '<div/>' } },
      { path: '/estates', component: { template: '<div/>' } },
      { path: '/login', name: 'login', component: LoginView },
      { path: '/password', name: 'password', component: { template: '<div/>' } },
    ],
  });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(LoginView, { global: { plugins: [i18n, router] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, calls, router };
}

const LOGIN = { token: 'zwy-token', expiresAt: '2026-03-02T10:00:00Z', limited: false, mustChangePassword: false,
  totpEnrollmentRequired: false, username: 'demo-officer', roles: ['OFFICER'] };

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  signOut();
  sessionStorage.clear();
});

describe('粤政易 login (issue 13 item 2)', () => {
  it('asks authorize for gd-zwy with returnTo=/console/login and sends the browser to the answered url', async () => {
    setLocale('zh-CN');
    const go = vi.spyOn(navigation, 'go').mockImplementation(() => {});
    const { wrapper, calls } = await mountAt('/login?redirect=/estates', url => url.startsWith('/api/v1/auth/idp/gd-zwy/authorize')
      ? answer(200, { url: 'http://127.0.0.1:8186/connect/oauth2/authorize?state=s1', state: 's1' })
      : answer(404, { status: 404 }, 'application/problem+json'));
    const button = wrapper.find('[data-test="login-zwy"]');
    expect(button.text()).toBe('粤政易登录');
    await button.trigger('click');
    await flushPromises();
    expect(calls[0][0]).toBe('/api/v1/auth/idp/gd-zwy/authorize?returnTo=%2Fconsole%2Flogin');
    expect(go).toHaveBeenCalledWith('http://127.0.0.1:8186/connect/oauth2/authorize?state=s1');
    expect(sessionStorage.getItem('spm.console.idp.redirect')).toBe('/estates');
    wrapper.unmount();
  });

  it('hides the button when the provider is not configured (authorize answers 404)', async () => {
    setLocale('en');
    const go = vi.spyOn(navigation, 'go').mockImplementation(() => {});
    const { wrapper } = await mountAt('/login', () => answer(404, { status: 404, code: 'idp.unknown', detail: 'Unknown identity provider gd-zwy' },
      'application/problem+json'));
    expect(wrapper.find('[data-test="login-zwy"]').text()).toBe('Log in with Yue Zheng Yi');
    await wrapper.find('[data-test="login-zwy"]').trigger('click');
    await flushPromises();
    expect(go).not.toHaveBeenCalled();
    expect(wrapper.find('[data-test="login-zwy"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="login-message"]').text()).toContain('not enabled');
    wrapper.unmount();
  });

  it('redeems ?handoff= once, signs in and goes to the page asked for before', async () => {
    setLocale('en');
    sessionStorage.setItem('spm.console.idp.redirect', '/estates');
    const { wrapper, calls, router } = await mountAt('/login?handoff=abc_DEF-123', (url, init) =>
      url === '/api/v1/auth/idp/handoff' && init.method === 'POST' ? answer(200, LOGIN) : answer(404, { status: 404 }, 'application/problem+json'));
    expect(calls).toHaveLength(1);
    expect(JSON.parse(calls[0][1].body)).toEqual({ code: 'abc_DEF-123' });
    expect(session.token).toBe('zwy-token');
    expect(sessionStorage.getItem('spm.token')).toBe('zwy-token');
    expect(router.currentRoute.value.fullPath).toBe('/estates');
    expect(sessionStorage.getItem('spm.console.idp.redirect')).toBe(null);
    wrapper.unmount();
  });

  it('goes home after a handoff without a kept redirect, and shows the API text when the code is refused', async () => {
    setLocale('en');
    let ok = true;
    const respond = () => ok ? answer(200, LOGIN) : answer(400, { status: 400, code: 'problem.validation', detail: 'Invalid request',
      errors: [{ field: 'code', code: 'idp.handoff', message: 'The login handoff code is unknown, expired or already used; log in again' }] },
    'application/problem+json');
    const first = await mountAt('/login?handoff=one', respond);
    expect(first.router.currentRoute.value.fullPath).toBe('/');
    first.wrapper.unmount();
    signOut();
    ok = false;
    const again = await mountAt('/login?handoff=one', respond);
    expect(session.token).toBe(null);
    expect(again.wrapper.find('[data-test="login-message"]').text()).toContain('The login handoff code is unknown, expired or already used');
    expect(again.router.currentRoute.value.fullPath).toBe('/login');
    again.wrapper.unmount();
  });

  it('shows the text of the problem code of ?idpError= in the chosen language, a general text for an unknown code', async () => {
    setLocale('zh-CN');
    const none = () => answer(404, { status: 404 }, 'application/problem+json');
    const notLinked = await mountAt('/login?idpError=idp.notLinked', none);
    expect(notLinked.wrapper.find('[data-test="login-message"]').text()).toContain('该粤政易账号尚未关联本平台的工作人员账号');
    expect(notLinked.calls).toHaveLength(0);
    expect(notLinked.router.currentRoute.value.fullPath).toBe('/login');
    expect(session.token).toBe(null);
    notLinked.wrapper.unmount();
    setLocale('en');
    const admin = await mountAt('/login?idpError=idp.adminNeedsTotp', none);
    expect(admin.wrapper.find('[data-test="login-message"]').text()).toContain('Administrator accounts cannot sign in through Yue Zheng Yi');
    admin.wrapper.unmount();
    const odd = await mountAt('/login?idpError=%3Cscript%3E', none);
    expect(odd.wrapper.find('[data-test="login-message"]').text()).toContain('The login with Yue Zheng Yi did not complete');
    odd.wrapper.unmount();
  });
});
