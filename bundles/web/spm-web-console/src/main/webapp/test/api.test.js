import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, fieldErrors, setUnauthorizedHandler } from '../src/api.js';
import { setLocale } from '../src/i18n.js';
import { session, signIn } from '../src/session.js';

function answer(status, body, type = 'application/problem+json') {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } }));
}

describe('API errors → field errors', () => {
  it('maps errors[{field, code, message}] to one message per field, joining repeats', () => {
    expect(fieldErrors({
      errors: [
        { field: 'newPassword', code: 'password.tooShort', message: 'too short' },
        { field: 'newPassword', code: 'password.classes', message: 'needs 3 classes' },
        { field: 'username', code: 'field.required', message: 'required' },
      ],
    })).toEqual({ newPassword: 'too short; needs 3 classes', username: 'required' });
    expect(fieldErrors(null)).toEqual({});
    expect(fieldErrors({ title: 'x' })).toEqual({});
  });

  it('throws an ApiError carrying status, code, detail and the field errors', async () => {
    const fetchImpl = () => answer(400, { status: 400, code: 'validation', detail: 'invalid', errors: [{ field: 'name', code: 'field.required', message: 'name is required' }] });
    const error = await api('/estates', { method: 'POST', body: {}, fetchImpl }).catch(e => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation');
    expect(error.message).toBe('invalid');
    expect(error.fields).toEqual({ name: 'name is required' });
  });
});

describe('requests', () => {
  beforeEach(() => setLocale('zh-CN'));

  it('sends the UI language as Accept-Language and the bearer token', async () => {
    signIn({ token: 'tok-1', limited: false });
    setLocale('pt');
    const fetchImpl = vi.fn(() => answer(200, { items: [] }, 'application/json'));
    await api('/estates', { query: { page: 0, size: 20, name: '' }, fetchImpl });
    const [url, init] = fetchImpl.mock.calls[0];
    expect(url).toBe('/api/v1/estates?page=0&size=20');
    expect(init.headers['Accept-Language']).toBe('pt-PT');
    expect(init.headers.Authorization).toBe('Bearer tok-1');
  });

  it('a 401 on a call signs out and hands over to the login page; a failed login does not', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    signIn({ token: 'tok-2', limited: false });
    await api('/auth/login', { method: 'POST', body: {}, fetchImpl: () => answer(401, { code: 'auth.invalid' }) }).catch(() => {});
    expect(handler).not.toHaveBeenCalled();
    await api('/estates', { fetchImpl: () => answer(401, { code: 'auth.unauthenticated' }) }).catch(() => {});
    expect(handler).toHaveBeenCalledOnce();
    expect(session.token).toBeNull();
  });

  it('repeats the call once with the new token when the person signed in again (work kept)', async () => {
    signIn({ token: 'old', limited: false });
    setUnauthorizedHandler(async () => { signIn({ token: 'new', limited: false }); return true; });
    const seen = [];
    const fetchImpl = (url, init) => {
      seen.push(init.headers.Authorization);
      return init.headers.Authorization === 'Bearer new' ? answer(200, { ok: 1 }, 'application/json') : answer(401, { code: 'auth.unauthenticated' });
    };
    expect(await api('/complaints/1/resolve', { method: 'POST', body: { result: 'done' }, fetchImpl })).toEqual({ ok: 1 });
    expect(seen).toEqual(['Bearer old', 'Bearer new']);
    setUnauthorizedHandler(async () => { signIn({ token: 'newer', limited: false }); return true; });
    const always401 = () => answer(401, { code: 'auth.unauthenticated' });
    expect((await api('/estates', { fetchImpl: always401 }).catch(e => e)).status).toBe(401); // one repeat, no loop
    setUnauthorizedHandler(() => false);
  });
});
