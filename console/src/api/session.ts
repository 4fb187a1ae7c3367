import { PORTAL_MODE, portalReadOnly, readPortalToken } from './portal';

// The API key lives in sessionStorage only: it goes away with the tab, and is never written anywhere else.
const KEY = 'hookrelay.apiKey';

export const readApiKey = (): string | null => sessionStorage.getItem(KEY);
export const storeApiKey = (key: string): void => sessionStorage.setItem(KEY, key);
export const forgetApiKey = (): void => sessionStorage.removeItem(KEY);

/** What calls to /v1 carry: a portal link's token on portal pages, else the signed-in API key. */
export const readCredential = (): string | null => (PORTAL_MODE ? readPortalToken() : readApiKey());

/** Whether the pages may offer changes: always with an API key, not through a read-only portal link. */
export const canManage = (): boolean => !PORTAL_MODE || !portalReadOnly();
