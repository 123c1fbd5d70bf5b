import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { acceptLanguage, chooseLocale, i18n, LOCALES, setLocale } from '../src/i18n.js';
import messages from '../src/messages.js';
import LanguageSwitch from '../src/components/LanguageSwitch.vue';
import HomeView from '../src/views/HomeView.vue';

function keys(object, prefix = '') {
  return Object.entries(object).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, prefix + k + '.') : [prefix + k]));
}

function json(body) {
  return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
}

afterEach(() => vi.unstubAllGlobals());

describe('languages of the portal', () => {
  it('has every text in all four languages', () => {
    const reference = keys(messages['zh-CN']).sort();
    for (const { code } of LOCALES) expect(keys(messages[code]).sort(), code).toEqual(reference);
  });

  it('negotiates like the console (shared code) and asks the API in the language shown', () => {
    expect(chooseLocale(null, ['zh-MO'])).toBe('zh-TW');
    expect(chooseLocale(null, ['pt-BR'])).toBe('pt');
    expect(chooseLocale('en', ['zh-CN'])).toBe('en');
    expect(acceptLanguage('pt')).toBe('pt-PT');
  });

  it('the switch changes the texts, <html lang>, the stored choice and the Accept-Language of the next calls', async () => {
    setLocale('zh-CN');
    const fetchMock = vi.fn(() => json({ items: [], page: 0, size: 1, total: 3 }));
    vi.stubGlobal('fetch', fetchMock);
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div/>' } }] });
    const home = mount(HomeView, { global: { plugins: [i18n, router] } });
    const lang = mount(LanguageSwitch, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    expect(home.find('h1').text()).toBe('物业服务，公开透明');
    expect(fetchMock.mock.calls[0][1].headers['Accept-Language']).toBe('zh-CN');

    lang.findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', 'pt');
    await flushPromises();
    expect(home.find('h1').text()).toBe('Administração de propriedades, às claras');
    expect(document.documentElement.lang).toBe('pt');
    expect(localStorage.getItem('spm.locale')).toBe('pt');

    setLocale('en');
    await flushPromises();
    expect(home.find('[data-test="stat-companies"]').text()).toContain('Filed property companies');
    home.unmount();
    const again = mount(HomeView, { global: { plugins: [i18n, router] } });
    await flushPromises();
    expect(fetchMock.mock.calls.at(-1)[1].headers['Accept-Language']).toBe('en');
    again.unmount();
    lang.unmount();
  });
});
