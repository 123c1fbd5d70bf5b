// Issue 17 item 4 (DIS-1..6): the public disclosure surface limits calls per client address; a 429 (problem+json with
// Retry-After) shows a friendly text in the UI's language with the seconds to wait, on single documents (TOP 10)
// and on paged lists (company credit) alike.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../src/i18n.js';
import { signOut } from '../src/session.js';
import { api } from '../src/api.js';
import AssessmentView from '../src/views/AssessmentView.vue';
import CreditView from '../src/views/CreditView.vue';

const limited = (seconds) => () => Promise.resolve(new Response(JSON.stringify({
  type: 'https://smartproperty.org/problems/publicRateLimited', title: 'Too many requests', status: 429,
  detail: `Too many requests for public information; try again in ${seconds} seconds`, code: 'problem.publicRateLimited',
}), { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': String(seconds) } }));

async function mountView(view, path) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { template: '<div/>' } }] });
  await router.push(path);
  const wrapper = mount(view, { global: { plugins: [i18n, router] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('public disclosure rate limit (DIS-1..6, 429)', () => {
  it('says in each language how long to wait', async () => {
    signOut();
    vi.stubGlobal('fetch', vi.fn(limited(7)));
    const texts = {};
    for (const lang of ['zh-CN', 'zh-TW', 'pt', 'en']) {
      setLocale(lang);
      const error = await api('/public/assessment/top10').catch(e => e);
      expect(error.status).toBe(429);
      expect(error.retryAfter).toBe(7);
      texts[lang] = error.message;
    }
    expect(texts).toEqual({
      'zh-CN': '访问过于频繁，请 7 秒后再试。',
      'zh-TW': '訪問過於頻繁，請 7 秒後再試。',
      pt: 'Demasiados pedidos; tente novamente dentro de 7 segundos.',
      en: 'Too many requests; please try again in 7 seconds.',
    });
  });

  it('shows the friendly text on the TOP 10 page and on a paged list', async () => {
    setLocale('en');
    signOut();
    vi.stubGlobal('fetch', vi.fn(limited(12)));
    const top = await mountView(AssessmentView, '/assessment');
    expect(top.text()).toContain('Too many requests; please try again in 12 seconds.');
    top.unmount();
    const credit = await mountView(CreditView, '/credit');
    expect(credit.text()).toContain('Too many requests; please try again in 12 seconds.');
    credit.unmount();
  });

  it('leaves other problems as the server wrote them', async () => {
    setLocale('en');
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(JSON.stringify({ status: 400, detail: 'size: out of range' }),
      { status: 400, headers: { 'Content-Type': 'application/problem+json' } }))));
    const error = await api('/public/credit').catch(e => e);
    expect(error.message).toBe('size: out of range');
  });
});

describe('public disclosure caching (DIS-1..6)', () => {
  it('revalidates every call, so a page never shows an answer older than the last change', async () => {
    const { page: pageOf } = await import('../src/api.js');
    const calls = [];
    vi.stubGlobal('fetch', vi.fn((url, init) => {
      calls.push([url, init]);
      return Promise.resolve(new Response(JSON.stringify({ items: [], page: 0, size: 10, total: 0 }),
        { status: 200, headers: { 'Content-Type': 'application/json' } }));
    }));
    await api('/public/assessment/top10');
    await pageOf('/public/credit', { size: 10, q: 'x' });
    expect(calls.map(c => c[0])).toEqual(['/api/v1/public/assessment/top10', '/api/v1/public/credit?page=0&size=10&q=x']);
    expect(calls.map(c => c[1].cache)).toEqual(['no-cache', 'no-cache']);
  });
});
