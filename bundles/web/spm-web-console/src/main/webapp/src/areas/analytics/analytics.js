// Helpers of the analytics pages (ANA-1..6): the six views, the query the API takes from the page's filters, and the
// export download (GET …?format=csv|xlsx with the bearer token and the UI language, so the headers are the reader's).
import { api } from '../../api.js';

export const VIEWS = ['estates', 'companies', 'tenders', 'services', 'satisfaction', 'assessment'];

/** The API query of the filters: months as yyyy-MM, empty values left out. */
export function queryOf(filters, extra = {}) {
  const q = {};
  for (const k of ['from', 'to', 'community', 'estateId', 'companyId', 'subject']) {
    const v = filters[k];
    if (v !== undefined && v !== null && v !== '') q[k] = typeof v === 'string' ? v.trim() : v;
  }
  return { ...q, ...extra };
}

/** A numeric cell as shown: null as –, decimals with two places. */
export function cell(v) {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'number' && !Number.isInteger(v)) return v.toFixed(2);
  return String(v);
}

/** Downloads the view (or its trend) as csv or xlsx. */
export async function download(view, filters, format, { trend = false, sort } = {}) {
  let response;
  const path = `/analytics/${view}${trend ? '/trend' : ''}`;
  await api(path, {
    query: queryOf(filters, { format, sort }),
    fetchImpl: async (url, init) => {
      const res = await globalThis.fetch(url, { ...init, headers: { ...init.headers, Accept: '*/*' } });
      response = res.clone();
      return res;
    },
  });
  const blob = await response.blob();
  const name = `analytics-${view}${trend ? '-trend' : ''}.${format}`;
  if (typeof URL.createObjectURL !== 'function') return { name, blob };
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return { name, blob };
}
