const FRAGMENT = /^#pass=([^&]+)$/;

let arriving: string | null | undefined;

/**
 * The hub pass a phone arrived with from the cloud app (`/m/#pass=…`), read once: the fragment
 * is removed at once, so neither a reload, the history nor a shared link carries it further.
 */
export function takeArrivingPass(): string | null {
  if (arriving !== undefined) return arriving;
  const match = FRAGMENT.exec(window.location.hash);
  arriving = match?.[1] ? decodeURIComponent(match[1]) : null;
  if (arriving !== null)
    window.history.replaceState(null, "", `${window.location.pathname}${window.location.search}`);
  return arriving;
}

/** The pass was used (or refused): a later sign-out shows the normal login. */
export function forgetArrivingPass(): void {
  arriving = null;
}
