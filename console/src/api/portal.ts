// A portal link (`/console/portal/...#portal=<token>`) opens the console for one tenant with a short-lived token
// instead of an API key. Like the key, the token lives in sessionStorage only; it arrives in the fragment, which
// browsers never send to a server, and is taken out of the address bar at once.
const KEY = 'hookrelay.portalToken';
const PARAM = 'portal';

/** Portal pages live under /console/portal: the router's base, and the token (not a key) goes with every call. */
export const PORTAL_BASE = '/console/portal';
export const PORTAL_MODE = new RegExp(`^${PORTAL_BASE}(/|$)`).test(window.location.pathname);

export const readPortalToken = (): string | null => sessionStorage.getItem(KEY);
export const forgetPortalToken = (): void => sessionStorage.removeItem(KEY);

/**
 * Keeps the token a portal link brought and removes it from the address bar (and so from history and bookmarks).
 * A link to the plain console with a token is sent to the portal pages first.
 */
export function adoptPortalLink(): void {
  const token = new URLSearchParams(window.location.hash.slice(1)).get(PARAM);
  if (!token) return;
  if (!PORTAL_MODE) {
    window.location.replace(`${PORTAL_BASE}/subscriptions${window.location.hash}`);
    return;
  }
  sessionStorage.setItem(KEY, token);
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
}

/** The token's claims, read (not verified: the API does that) to shape the pages; null if unreadable. */
function claims(token: string): { ro?: unknown; exp?: unknown } | null {
  try {
    const body = token.slice('hrp_'.length, token.lastIndexOf('.'));
    return JSON.parse(atob(body.replace(/-/g, '+').replace(/_/g, '/'))) as { ro?: unknown; exp?: unknown };
  } catch {
    return null;
  }
}

/** A read-only link: the pages show no control that would change anything (the API refuses them anyway). */
export function portalReadOnly(): boolean {
  const token = readPortalToken();
  return token !== null && claims(token)?.ro !== false;
}
