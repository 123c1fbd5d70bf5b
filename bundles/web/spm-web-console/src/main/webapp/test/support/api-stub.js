// The fetch stub the page tests share: answers by (method, URL pattern) and records every call; anything unstubbed is a
// problem+json 404 naming the call, so a test fails on the request its page should not have made.
import { vi } from 'vitest';

/** A JSON answer (problem+json from 400 on; 204 without a body). */
export const json = (status, body) => (status === 204 ? new Response(null, { status }) : new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
}));

/** Stubs the global fetch with `routes` = [[[method, urlRegExp], (url, init) => Response], …]; returns the calls made. */
export function stubApi(routes) {
  const calls = [];
  vi.stubGlobal('fetch', vi.fn((url, init = {}) => {
    const method = init.method || 'GET';
    calls.push({ url, method, headers: init.headers || {}, body: init.body });
    for (const [[m, re], answer] of routes) {
      if (m === method && re.test(url)) return Promise.resolve(answer(url, init));
    }
    return Promise.resolve(json(404, { status: 404, detail: `no stub for ${method} ${url}` }));
  }));
  return calls;
}
