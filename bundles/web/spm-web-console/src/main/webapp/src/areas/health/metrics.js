// GET /metrics answers Prometheus text (docs/operations.md "Metrics"): read here into the tables of the health page.
import { api } from '../../api.js';

/** `name{a="x",b="y"} 12.5` lines → [{ name, labels: {a, b}, value }] (comments and blank lines skipped). */
export function parsePrometheus(text) {
  const out = [];
  for (const line of String(text || '').split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line.trim());
    if (!m || line.startsWith('#')) continue;
    const labels = {};
    for (const l of (m[2] || '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]] = l[2];
    out.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return out;
}

/** Requests by group: { group, '2xx': n, '4xx': n, '5xx': n, total, meanMs }, most requested first. */
export function requestTable(samples) {
  const groups = {};
  const row = g => (groups[g] ||= { group: g, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, total: 0, sum: 0, count: 0 });
  for (const s of samples) {
    if (s.name === 'spm_http_requests_total') {
      const r = row(s.labels.group);
      r[s.labels.status] = (r[s.labels.status] || 0) + s.value;
      r.total += s.value;
    } else if (s.name === 'spm_http_request_duration_seconds_sum') row(s.labels.group).sum = s.value;
    else if (s.name === 'spm_http_request_duration_seconds_count') row(s.labels.group).count = s.value;
  }
  return Object.values(groups)
    .map(({ sum, count, ...r }) => ({ ...r, meanMs: count ? Math.round((sum / count) * 10000) / 10 : null }))
    .sort((a, b) => b.total - a.total || a.group.localeCompare(b.group));
}

/** The gauges without labels by name. */
export function gauges(samples) {
  return Object.fromEntries(samples.filter(s => !Object.keys(s.labels).length).map(s => [s.name, s.value]));
}

/**
 * The metrics text through the console's api() (token, language, the re-login on 401): api() reads JSON answers only, so
 * the text of a successful answer is taken on the way and api() gets an empty JSON answer instead.
 */
export async function fetchMetrics(fetchImpl = globalThis.fetch) {
  let text = '';
  await api('/metrics', {
    headers: { Accept: 'text/plain' },
    fetchImpl: async (url, init) => {
      const res = await fetchImpl(url, init);
      if (!res.ok) return res;
      text = await res.text();
      return new Response('null', { status: 200, headers: { 'Content-Type': 'application/json' } });
    },
  });
  return text;
}
