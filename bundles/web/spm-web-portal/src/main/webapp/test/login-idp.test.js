// Issue 13 item 2: the portal's 广东省统一身份认证 (gd-tyrz) login button, the way back with a one-time handoff code, and
// the refusal the callback reports as ?idpError=<problem code>.
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

const NONE = () => answer(404, { status: 404 }, 'application/problem+json');
const LOGIN = { token: 'tyrz-token', expiresAt: '2026-03-02T10:00:00Z', limited: false, mustChangePassword: false,
  totpEnrollmentRequired: false, username: 'gd-tyrz:gdsim-mainland', roles: ['OWNER'] };
const ME = { username: 'gd-tyrz:gdsim-mainland', roles: ['OWNER'], permissions: ['house:verify', 'complaint:read'], scope: { kind: 'OWNER' } };

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
      { path: '/login', name: 'login', component: LoginView },
      { path: '/me/houses', component: { template: '<div/>' } },
      { path: '/me/complaints', component: { template: '<div/>' } },
    ],
  });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(LoginView, { global: { plugins: [i18n, router] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, calls, router };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  signOut();
  sessionStorage.clear();
});

describe('广东省统一身份认证 login (issue 13 item 2)', () => {
  it('asks authorize for gd-tyrz with returnTo=/login and sends the browser to the answered url', async () => {
    setLocale('zh-CN');
    const go = vi.spyOn(navigation, 'go').mockImplementation(() => {});
    const { wrapper, calls } = await mountAt('/login?redirect=/me/complaints', url => url.startsWith('/api/v1/auth/idp/gd-tyrz/authorize')
      ? answer(200, { url: 'http://127.0.0.1:8182/sso/connect/page/oauth2/authorize?state=s2', state: 's2' }) : NONE());
    const button = wrapper.find('[data-test="login-tyrz"]');
    expect(button.text()).toBe('广东省统一身份认证登录');
    await button.trigger('click');
    await flushPromises();
    expect(calls[0][0]).toBe('/api/v1/auth/idp/gd-tyrz/authorize?returnTo=%2Flogin');
    expect(go).toHaveBeenCalledWith('http://127.0.0.1:8182/sso/connect/page/oauth2/authorize?state=s2');
    expect(sessionStorage.getItem('spm.portal.idp.redirect')).toBe('/me/complaints');
    wrapper.unmount();
  });

  it('hides the button when the provider is not configured (authorize answers 404)', async () => {
    setLocale('en');
    const go = vi.spyOn(navigation, 'go').mockImplementation(() => {});
    const { wrapper } = await mountAt('/login', NONE);
    await wrapper.find('[data-test="login-tyrz"]').trigger('click');
    await flushPromises();
    expect(go).not.toHaveBeenCalled();
    expect(wrapper.find('[data-test="login-tyrz"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="login-message"]').text()).toContain('not enabled');
    wrapper.unmount();
  });

  it('redeems ?handoff= once, signs in and opens the first own page', async () => {
    setLocale('en');
    const { wrapper, calls, router } = await mountAt('/login?handoff=xyz', (url, init) => {
      if (url === '/api/v1/auth/idp/handoff' && init.method === 'POST') return answer(200, LOGIN);
      if (url === '/api/v1/auth/me') return answer(200, ME);
      return NONE();
    });
    expect(JSON.parse(calls[0][1].body)).toEqual({ code: 'xyz' });
    expect(calls[1][1].headers.Authorization).toBe('Bearer tyrz-token');
    expect(session.token).toBe('tyrz-token');
    expect(sessionStorage.getItem('spm.portal.token')).toBe('tyrz-token');
    expect(router.currentRoute.value.fullPath).toBe('/me/houses');
    wrapper.unmount();
  });

  it('goes to the page kept before the login, and shows the API text when the code is refused', async () => {
    setLocale('en');
    sessionStorage.setItem('spm.portal.idp.redirect', '/me/complaints');
    let ok = true;
    const respond = url => {
      if (url === '/api/v1/auth/me') return answer(200, ME);
      return ok ? answer(200, LOGIN) : answer(400, { status: 400, code: 'problem.validation', detail: 'Invalid request',
        errors: [{ field: 'code', code: 'idp.handoff', message: 'The login handoff code is unknown, expired or already used; log in again' }] },
      'application/problem+json');
    };
    const first = await mountAt('/login?handoff=one', respond);
    expect(first.router.currentRoute.value.fullPath).toBe('/me/complaints');
    first.wrapper.unmount();
    signOut();
    ok = false;
    const again = await mountAt('/login?handoff=one', respond);
    expect(session.token).toBe(null);
    expect(again.wrapper.find('[data-test="login-message"]').text()).toContain('The login handoff code is unknown, expired or already used');
    expect(again.router.currentRoute.value.fullPath).toBe('/login');
    again.wrapper.unmount();
  });

  it('shows the text of the problem code of ?idpError= in the chosen language', async () => {
    setLocale('zh-CN');
    const notReal = await mountAt('/login?idpError=idp.notReal', NONE);
    expect(notReal.wrapper.find('[data-test="login-message"]').text()).toContain('该省统一身份认证账号尚未完成实名认证');
    expect(notReal.calls).toHaveLength(0);
    expect(notReal.router.currentRoute.value.fullPath).toBe('/login');
    notReal.wrapper.unmount();
    setLocale('pt');
    const other = await mountAt('/login?idpError=idp.whatever', NONE);
    expect(other.wrapper.find('[data-test="login-message"]').text()).toContain('A entrada com a autenticação unificada não foi concluída');
    other.wrapper.unmount();
  });
});
