// Issue 13 item 2 (ID-3): the chain check's answer as the auditor sees it — intact with the rows checked, or the first
// broken row by its number, its time and the reason, in the UI language; and the metrics text of the health page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18n, setLocale } from '../src/i18n.js';
import VerifyResult from '../src/areas/audit/VerifyResult.vue';
import { fetchMetrics, parsePrometheus, requestTable } from '../src/areas/health/metrics.js';

afterEach(() => vi.unstubAllGlobals());

describe('VerifyResult (GET /audit/verify)', () => {
  it('says the chain is intact and how many rows were checked', () => {
    setLocale('en');
    const wrapper = mount(VerifyResult, { props: { result: { intact: true, checked: 1004 } }, global: { plugins: [i18n] } });
    const root = wrapper.find('[data-test="audit-verify-result"]');
    expect(root.attributes('data-intact')).toBe('true');
    expect(root.text()).toContain('The chain is intact: 1004 records checked');
    expect(wrapper.find('[data-test="audit-broken-seq"]').exists()).toBe(false);
  });

  it('names the first broken row, its time and why', () => {
    setLocale('en');
    const result = { intact: false, checked: 41, firstBrokenSeq: 42, reason: 'content: the row was changed after it was written' };
    const wrapper = mount(VerifyResult, { props: { result, brokenAt: '2026-12-04T03:51:06.123Z' }, global: { plugins: [i18n] } });
    const root = wrapper.find('[data-test="audit-verify-result"]');
    expect(root.attributes('data-intact')).toBe('false');
    expect(root.text()).toContain('The chain is broken at record no. 42');
    expect(wrapper.find('[data-test="audit-broken-seq"]').text()).toBe('42');
    expect(wrapper.find('[data-test="audit-broken-at"]').text()).toBe('Time of that record: 04/12/2026, 11:51:06'); // Asia/Shanghai
    expect(wrapper.find('[data-test="audit-broken-reason"]').text()).toContain('changed after it was written');
    expect(root.text()).toContain('The 41 records before it are intact.');
  });

  it('puts the row number where each language puts it, and shows an unknown reason as the API wrote it', () => {
    setLocale('zh-CN');
    const result = { intact: false, checked: 9, firstBrokenSeq: 10, reason: 'something new' };
    const wrapper = mount(VerifyResult, { props: { result }, global: { plugins: [i18n] } });
    expect(wrapper.find('[data-test="audit-verify-result"]').text()).toContain('哈希链在第 10 条记录处断开');
    expect(wrapper.find('[data-test="audit-broken-at"]').exists()).toBe(false); // time not found: not invented
    expect(wrapper.find('[data-test="audit-broken-reason"]').text()).toBe('原因：something new');
  });
});

describe('metrics (GET /metrics, Prometheus text)', () => {
  it('reads requests by group and status class with the mean time', () => {
    const text = [
      '# HELP spm_http_requests_total Requests', '# TYPE spm_http_requests_total counter',
      'spm_http_requests_total{group="auth",status="2xx"} 3', 'spm_http_requests_total{group="auth",status="4xx"} 1',
      'spm_http_requests_total{group="estates",status="2xx"} 8',
      'spm_http_request_duration_seconds_sum{group="estates"} 0.4', 'spm_http_request_duration_seconds_count{group="estates"} 8',
      'spm_jvm_threads_live 77',
    ].join('\n');
    const samples = parsePrometheus(text);
    expect(samples).toContainEqual({ name: 'spm_jvm_threads_live', labels: {}, value: 77 });
    const rows = requestTable(samples);
    expect(rows.map(r => r.group)).toEqual(['estates', 'auth']);
    expect(rows[0]).toMatchObject({ total: 8, '2xx': 8, meanMs: 50 });
    expect(rows[1]).toMatchObject({ total: 4, '2xx': 3, '4xx': 1, meanMs: null });
  });

  it('reads the text of GET /metrics through the console api (its language and problems)', async () => {
    const fetchMock = vi.fn()
      .mockResolvedValueOnce(new Response('spm_jvm_threads_live 5\n', { status: 200, headers: { 'Content-Type': 'text/plain' } }))
      .mockResolvedValueOnce(new Response(JSON.stringify({ status: 403, code: 'network.denied', detail: 'admin network only' }),
        { status: 403, headers: { 'Content-Type': 'application/problem+json' } }));
    vi.stubGlobal('fetch', fetchMock);
    setLocale('pt');
    expect(await fetchMetrics()).toBe('spm_jvm_threads_live 5\n');
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/metrics');
    expect(fetchMock.mock.calls[0][1].headers).toMatchObject({ Accept: 'text/plain', 'Accept-Language': 'pt-PT' });
    await expect(fetchMetrics()).rejects.toMatchObject({ status: 403, code: 'network.denied' });
  });
});
