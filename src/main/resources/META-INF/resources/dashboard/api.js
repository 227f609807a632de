// Every call the dashboard makes goes through the public API with the pasted key as a bearer token.

const STORAGE_KEY = 'claimLedger.apiKey';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export const session = {
  get key() { return sessionStorage.getItem(STORAGE_KEY); },
  set key(value) {
    if (value) sessionStorage.setItem(STORAGE_KEY, value); else sessionStorage.removeItem(STORAGE_KEY);
  },
};

/** Called when the API refuses the key mid-session (revoked): the app signs out. */
let onUnauthorized = () => {};
export function whenUnauthorized(handler) { onUnauthorized = handler; }

export function authHeaders(extra = {}) {
  return {Authorization: `Bearer ${session.key}`, ...extra};
}

/**
 * Calls /api/v1 + path. Answers the parsed JSON, or {data, etag} with withEtag; throws ApiError
 * carrying the problem+json on any non-2xx answer, and ApiError(0) when the service cannot be reached.
 */
export async function api(path, {method = 'GET', body, headers = {}, withEtag = false, key} = {}) {
  const sent = {Accept: 'application/json', Authorization: `Bearer ${key ?? session.key}`, ...headers};
  if (body !== undefined) sent['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method, headers: sent, cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, {title: 'Cannot reach the service', detail: e.message});
  }
  if (!response.ok) {
    let problem;
    try { problem = await response.json(); } catch { problem = {title: `${response.status} ${response.statusText}`}; }
    const error = new ApiError(response.status, problem);
    if (response.status === 401 && key === undefined) onUnauthorized(error);
    throw error;
  }
  const data = response.status === 204 ? null : await response.json();
  return withEtag ? {data, etag: response.headers.get('ETag')} : data;
}

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const ROLES = ['READER', 'CHECKER', 'EDITOR', 'ADMIN'];
export function atLeast(role, least) {
  return ROLES.indexOf(role) >= ROLES.indexOf(least);
}
