import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../src/i18n.js';
import { signIn } from '../src/session.js';
import ComplaintFormView from '../src/views/me/ComplaintFormView.vue';

const ESTATE = { id: 1, name: 'Estate One', companyId: 2 };

function answer(status, body, type = 'application/json') {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } }));
}

async function mountForm(onPost) {
  const calls = [];
  vi.stubGlobal('fetch', vi.fn((url, init) => {
    calls.push([url, init]);
    if (url.startsWith('/api/v1/estates')) return answer(200, { items: [ESTATE], page: 0, size: 200, total: 1 });
    if (url === '/api/v1/complaints' && init.method === 'POST') return onPost(JSON.parse(init.body), init);
    return answer(404, { status: 404 }, 'application/problem+json');
  }));
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/', component: { template: '<div/>' } }, { path: '/me/complaints/:id', component: { template: '<div/>' } }],
  });
  await router.push('/');
  const wrapper = mount(ComplaintFormView, { global: { plugins: [i18n, router] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, calls, router };
}

/** The error text Element Plus shows under a form item (after its 100 ms transition). */
async function errorOf(wrapper, testId) {
  await new Promise(resolve => setTimeout(resolve, 150));
  const item = wrapper.find(`[data-test="${testId}"]`).element.closest('.el-form-item');
  const error = item.querySelector('.el-form-item__error');
  return error ? error.textContent.trim() : '';
}

afterEach(() => vi.unstubAllGlobals());

describe('filing a complaint (OWN-5)', () => {
  it('shows the API field errors next to their fields, the photo error under the photos', async () => {
    setLocale('en');
    signIn({ token: 'owner-token', limited: false });
    const { wrapper, calls } = await mountForm(() => answer(400, {
      status: 400, code: 'validation', detail: 'invalid', errors: [
        { field: 'title', code: 'field.required', message: 'Subject is required' },
        { field: 'content', code: 'field.required', message: 'Content is required' },
        { field: 'photos[0].fileId', code: 'photos.notImage', message: 'Only JPEG or PNG photos' },
      ],
    }, 'application/problem+json'));
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(await errorOf(wrapper, 'complaint-title')).toBe('Subject is required');
    expect(await errorOf(wrapper, 'complaint-content')).toBe('Content is required');
    expect(await errorOf(wrapper, 'complaint-photos-item')).toBe('Only JPEG or PNG photos');
    expect(await errorOf(wrapper, 'complaint-estate')).toBe('');
    const post = calls.find(([url, init]) => url === '/api/v1/complaints' && init.method === 'POST');
    expect(post[1].headers.Authorization).toBe('Bearer owner-token');
    expect(post[1].headers['Idempotency-Key']).toBeTruthy();
    wrapper.unmount();
  });

  it('posts channel PORTAL to the estate company with the photos and opens the new complaint', async () => {
    setLocale('zh-CN');
    signIn({ token: 'owner-token', limited: false });
    let sent;
    const { wrapper, router } = await mountForm(body => { sent = body; return answer(201, { id: 77, number: 'TS-2026-000077', ...body }); });
    await wrapper.find('[data-test="complaint-title"]').setValue('Water in the garage');
    await wrapper.find('[data-test="complaint-content"]').setValue('After the rain the garage floods.');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(sent).toMatchObject({ channel: 'PORTAL', category: 'COMPLAINT', estateId: 1, companyId: 2, title: 'Water in the garage', photos: [] });
    expect(router.currentRoute.value.fullPath).toBe('/me/complaints/77');
    wrapper.unmount();
  });
});
