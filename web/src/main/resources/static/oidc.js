// OpenID Connect sign-in for production: authorization code + PKCE (RFC 7636, S256) against the configured issuer,
// as a public client (no secret in the browser). The access token stays in memory (api.js), the refresh token in a
// closure of keepRenewed; only the short-lived code verifier and state cross the redirect, in sessionStorage, and are
// removed as soon as the app is back.

const PENDING = 'novatune.oidc.pending';
// The share of an access token's lifetime after which it is renewed.
const RENEW_AT = 0.75;

const base64url = bytes => btoa(String.fromCharCode(...new Uint8Array(bytes)))
  .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A code verifier: 32 random bytes, base64url (43 characters of the unreserved set RFC 7636 allows). */
export function createVerifier() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The S256 code challenge: base64url(SHA-256(verifier)). */
export async function challengeOf(verifier) {
  return base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}

/** The issuer's endpoints from its discovery document. */
export async function discover(issuer) {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`the identity provider ${issuer} answered ${response.status}`);
  return response.json();
}

/** The authorization request's URL (response_type=code, S256). */
export function authorizationUrl(endpoint, { clientId, redirectUri, scope, state, challenge, audience }) {
  const url = new URL(endpoint);
  const params = { response_type: 'code', client_id: clientId, redirect_uri: redirectUri, scope, state,
    code_challenge: challenge, code_challenge_method: 'S256' };
  if (audience) params.audience = audience;
  Object.entries(params).forEach(([k, v]) => url.searchParams.set(k, v));
  return url.toString();
}

/** Where the provider sends the person back: this page, without query or fragment. */
export const redirectUriOf = location => `${location.origin}${location.pathname}`;

/** Sends the browser to the identity provider. */
export async function beginSignIn(config, location = window.location) {
  const provider = await discover(config.issuer);
  const verifier = createVerifier();
  const state = createVerifier();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  location.assign(authorizationUrl(provider.authorization_endpoint, {
    clientId: config.clientId, redirectUri: redirectUriOf(location), scope: config.scope || 'openid',
    state, challenge: await challengeOf(verifier), audience: config.audience,
  }));
}

/**
 * Back from the provider (?code=…&state=…): checks the state, redeems the code with the verifier and answers the
 * token response ({ access_token, expires_in, refresh_token? }); null when this page load is no such return. The
 * query is removed from the address bar.
 */
export async function completeSignIn(config, location = window.location) {
  const query = new URLSearchParams(location.search);
  if (!query.has('code') && !query.has('error')) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', redirectUriOf(location) + location.hash);
  if (query.has('error')) throw new Error(`sign-in refused: ${query.get('error_description') || query.get('error')}`);
  if (!pending || pending.state !== query.get('state')) throw new Error('sign-in answer does not match this tab; sign in again');
  return redeem(config, { grant_type: 'authorization_code', code: query.get('code'),
    redirect_uri: redirectUriOf(location), client_id: config.clientId, code_verifier: pending.verifier });
}

/** A request to the provider's token endpoint; answers its token response or throws its refusal. */
async function redeem(config, grant) {
  const provider = await discover(config.issuer);
  const response = await fetch(provider.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(grant),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok || !answer.access_token) {
    throw new Error(`the identity provider refused the ${grant.grant_type.replace('_', ' ')}: `
      + `${answer.error_description || answer.error || response.status}`);
  }
  return answer;
}

/**
 * Silent renewal: when the provider gave a refresh token, a new access token is fetched with it after
 * RENEW_AT of the current one's lifetime, so a person working in the app is not signed out when a token expires.
 * `adopt` receives each new access token; `ended` is called once when renewal fails (the person signs in again).
 * Answers a function that stops the renewal (on sign-out).
 */
export function keepRenewed(config, answer, { adopt, ended }) {
  let timer = null;
  let stopped = false;
  const plan = current => {
    if (stopped || !current.refresh_token || !current.expires_in) return;
    timer = setTimeout(async () => {
      try {
        const next = await redeem(config, { grant_type: 'refresh_token', refresh_token: current.refresh_token,
          client_id: config.clientId });
        if (stopped) return;
        adopt(next.access_token);
        // A provider that does not rotate refresh tokens answers none: the current one stays valid.
        plan({ ...next, refresh_token: next.refresh_token || current.refresh_token });
      } catch (error) {
        if (!stopped) ended(error);
      }
    }, current.expires_in * 1000 * RENEW_AT);
  };
  plan(answer);
  return () => { stopped = true; clearTimeout(timer); };
}
