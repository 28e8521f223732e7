// The APIs on this origin (the web app's proxy routes them). The token lives in this module's memory only.
let token = null;
let roles = [];

export const session = {
  get signedIn() { return token !== null; },
  get roles() { return roles; },
  signOut() { token = null; roles = []; },
  /** Holds a token from the identity provider (OIDC); the roles shown are read from its claims. */
  adopt(accessToken) {
    token = accessToken;
    roles = rolesOf(accessToken);
    const claims = claimsOf(accessToken);
    return claims.preferred_username || claims.email || claims.sub || 'your account';
  },
  authorization() { return token ? { Authorization: `Bearer ${token}` } : {}; },
};

/** An API error carrying the problem+json document, if any. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

function describe(status, problem) {
  if (!problem) return `The server answered ${status}.`;
  let text = problem.detail || problem.title || `The server answered ${status}.`;
  const fields = problem.errors || problem.fieldErrors || problem.invalidParams;
  if (Array.isArray(fields) && fields.length) {
    text += ' ' + fields.map(f => `${f.field || f.name || f.parameter}: ${f.message || f.reason}`).join('; ');
  } else if (fields && typeof fields === 'object') {
    text += ' ' + Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ');
  }
  return text;
}

/** The claims of a JWT, unverified: only for what the UI shows; the APIs check the token themselves. */
export function claimsOf(jwt) {
  try {
    return JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    return {};
  }
}

/** The {@code roles} claim (or Keycloak's realm_access.roles). */
export function rolesOf(jwt) {
  const claims = claimsOf(jwt);
  const claim = claims.roles ?? claims.realm_access?.roles ?? [];
  return Array.isArray(claim) ? claim : String(claim).split(/[ ,]+/);
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try { return await response.json(); } catch { return null; }
  }
  return null;
}

/** fetch on this origin with the token; {body} goes as JSON, {form} (FormData) as multipart. */
export async function api(path, { method = 'GET', body, form, headers = {} } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...session.authorization(), ...headers } };
  if (form !== undefined) {
    init.body = form;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = init.headers['Content-Type'] || 'application/json';
  }
  const response = await fetch(path, init);
  if (response.status === 401 && token !== null) {
    // The token expired or was revoked: the shell signs out and says so.
    window.dispatchEvent(new CustomEvent('novatune:unauthorized'));
  }
  if (!response.ok) throw await api.errorOf(response);
  const etag = response.headers.get('ETag');
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  return { status: response.status, etag, data };
}

api.headers = () => session.authorization();

/**
 * A file the API serves as an attachment (exports), fetched with the token and offered as a download on `link`:
 * an <a> gets a blob URL and the name from Content-Disposition (or `fallbackName`), then is clicked.
 */
export async function download(path, link, fallbackName) {
  const response = await fetch(path, { headers: session.authorization() });
  if (!response.ok) throw await api.errorOf(response);
  const disposition = response.headers.get('Content-Disposition') || '';
  const named = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const blob = await response.blob();
  if (link.href) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(blob);
  link.download = named ? decodeURIComponent(named[1]) : fallbackName;
  link.hidden = false;
  link.textContent = `Download ${link.download}`;
  link.click();
}
api.errorOf = async response => new ApiError(response.status, await problemOf(response));

export async function signInLocally(userId, withAdmin) {
  const requested = withAdmin ? ['user', 'admin'] : ['user'];
  const { data } = await api('/api/v1/dev/token', { method: 'POST', body: { userId, roles: requested } });
  token = data.token;
  roles = requested;
}

/** Multipart upload with progress (fetch cannot report upload progress; XMLHttpRequest can). */
export function upload(file, metadata, onProgress) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('metadata', new Blob([JSON.stringify(metadata)], { type: 'application/json' }));
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/tracks');
    Object.entries(session.authorization()).forEach(([k, v]) => xhr.setRequestHeader(k, v));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = e => { if (e.lengthComputable) onProgress(Math.round(100 * e.loaded / e.total)); };
    xhr.onload = () => {
      let parsed = null;
      try { parsed = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed);
      else reject(new ApiError(xhr.status, parsed));
    };
    xhr.onerror = () => reject(new ApiError(0, { detail: 'The upload could not reach the server.' }));
    xhr.send(form);
  });
}

/** The playable URL of a track: the proxy answers /stream's redirect as JSON, since audio cannot send the token. */
export async function streamUrl(id) {
  const { data } = await api(`/api/v1/tracks/${encodeURIComponent(id)}/stream`,
    { headers: { 'X-Novatune-Resolve': 'location' } });
  return data.location;
}
