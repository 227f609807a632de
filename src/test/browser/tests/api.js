// A small client of the service's public API for seeding and for changes made "elsewhere".

export const BASE_URL = process.env.BASE_URL;
export const ADMIN_KEY = process.env.ADMIN_KEY;

export async function call(method, path, body, {key = ADMIN_KEY, headers = {}} = {}) {
  const response = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${key}`, Accept: 'application/json',
      ...(body === undefined ? {} : {'Content-Type': 'application/json'}), ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  }
  return {status: response.status, body: json, etag: response.headers.get('ETag')};
}

export async function create(path, body) {
  return (await call('POST', path, body)).body;
}

export async function apiKey(name, role) {
  return (await create('/api-keys', {name, role})).secret;
}

/** Moves a claim through the workflow, conditional on the version just read. */
export async function setStatus(id, status, {explanation, supersededBy, key} = {}) {
  const {etag} = await call('GET', `/claims/${id}`, undefined, {key});
  const body = {status};
  if (explanation) body.explanation = explanation;
  if (supersededBy) body.supersededBy = supersededBy;
  return (await call('POST', `/claims/${id}/status`, body, {key, headers: {'If-Match': etag}})).body;
}

export async function patchClaim(id, patch, reason) {
  const {etag} = await call('GET', `/claims/${id}`);
  return (await call('PATCH', `/claims/${id}`, patch, {
    headers: {'If-Match': etag, 'Content-Type': 'application/merge-patch+json', 'X-Change-Reason': reason},
  })).body;
}
