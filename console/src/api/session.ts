// The API key lives in sessionStorage only: it goes away with the tab, and is never written anywhere else.
const KEY = 'hookrelay.apiKey';

export const readApiKey = (): string | null => sessionStorage.getItem(KEY);
export const storeApiKey = (key: string): void => sessionStorage.setItem(KEY, key);
export const forgetApiKey = (): void => sessionStorage.removeItem(KEY);
