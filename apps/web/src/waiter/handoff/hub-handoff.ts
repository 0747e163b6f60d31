/**
 * What the cloud waiter app keeps, while online, to carry on through the shop's hub when the
 * internet fails (docs/architecture.md, "Phones through the hub"): the store's hubs' LAN URLs and
 * a hub pass. An `https` page cannot call `http://192.168.…`, but it may navigate there, so the
 * one tap is a navigation carrying the pass in the URL's fragment, which no request ever sends.
 */
export interface HubHandoff {
  readonly storeId: string;
  /** `http://<address>:<port>` of the store's hubs, the most recently reported first. */
  readonly hubUrls: readonly string[];
  readonly pass: string;
  readonly passExpiresAt: string;
  /** When this was fetched (ms since the epoch): it is fetched again once it is old. */
  readonly fetchedAt: number;
}

const KEY = "quay.waiter.hubHandoff";
/** Fetched again this often while online: a hub's new address, a fresh pass. */
export const HANDOFF_REFRESH_MS = 10 * 60_000;
/** A pass this close to its expiry is not offered: it might lapse on the way. */
const PASS_MARGIN_MS = 60_000;

export function loadHandoff(): HubHandoff | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? "null");
    if (typeof value !== "object" || value === null) return null;
    const handoff = value as Partial<HubHandoff>;
    const ok =
      typeof handoff.storeId === "string" &&
      Array.isArray(handoff.hubUrls) &&
      typeof handoff.pass === "string" &&
      typeof handoff.passExpiresAt === "string" &&
      typeof handoff.fetchedAt === "number";
    return ok ? (handoff as HubHandoff) : null;
  } catch {
    return null;
  }
}

export function saveHandoff(handoff: HubHandoff): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(handoff));
  } catch {
    // Private mode: nothing kept, nothing offered.
  }
}

export function clearHandoff(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
}

/** Whether what is kept is missing, of another store, or old enough to fetch again. */
export function handoffIsStale(handoff: HubHandoff | null, storeId: string, nowMs: number): boolean {
  return handoff === null || handoff.storeId !== storeId || nowMs - handoff.fetchedAt >= HANDOFF_REFRESH_MS;
}

/**
 * Where the one tap goes: the first hub's waiter app with the pass in the fragment; null while
 * online, or without a hub, or with a pass of another store or about to expire.
 */
export function handoffTarget(
  handoff: HubHandoff | null,
  context: { readonly storeId: string; readonly online: boolean; readonly nowMs: number },
): string | null {
  if (context.online || handoff === null || handoff.storeId !== context.storeId) return null;
  const [hubUrl] = handoff.hubUrls;
  if (hubUrl === undefined || Date.parse(handoff.passExpiresAt) - PASS_MARGIN_MS <= context.nowMs)
    return null;
  return `${hubUrl.replace(/\/+$/, "")}/m/#pass=${encodeURIComponent(handoff.pass)}`;
}
