/** The host of a URL for display (UI summaries, workflow details), or null when it does not parse. */
export function hostOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).host : null;
  } catch {
    return null;
  }
}
