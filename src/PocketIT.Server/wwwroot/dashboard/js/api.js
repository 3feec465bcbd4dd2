// The REST client: every call carries the bearer token of the signed-in user (even over the
// localhost bypass, so the server always knows who is acting).
import { session } from './session.js';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

let onUnauthorized = () => {};
export function setUnauthorizedHandler(fn) { onUnauthorized = fn; }

export async function request(method, path, body, { raw = false, token } = {}) {
  const headers = { Accept: 'application/json' };
  const bearer = token ?? session.token;
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.');
  }
  if (raw && response.ok) return response;
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (!response.ok) {
    const message = (data && typeof data.error === 'string' && data.error) || `Request failed (${response.status})`;
    if (response.status === 401 && session.token && !path.startsWith('/api/admin/login') && !path.includes('2fa') && !path.includes('verify-2fa')
        && !path.startsWith('/api/admin/user/')) onUnauthorized();
    throw new ApiError(response.status, message);
  }
  return data;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body = {}) => request('POST', path, body),
  put: (path, body = {}) => request('PUT', path, body),
  patch: (path, body = {}) => request('PATCH', path, body),
  del: (path) => request('DELETE', path),
  raw: (method, path) => request(method, path, undefined, { raw: true }),
};

export const enc = encodeURIComponent;
