// The API lists no replays (only GET /v1/replays/:id), so the console remembers the ones made in this tab, like
// the key itself: sessionStorage only, forgotten with the tab.
const KEY = 'hookrelay.recentReplays';
const KEEP = 10;

export function recentReplayIds(): string[] {
  try {
    const ids: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberReplay(id: string): void {
  sessionStorage.setItem(KEY, JSON.stringify([id, ...recentReplayIds().filter((x) => x !== id)].slice(0, KEEP)));
}
