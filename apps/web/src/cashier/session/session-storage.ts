import type { SessionStore } from "../../shared/session/session-store.js";
import type { Session } from "../api/station-types.js";

const STORAGE_KEY = "quay.cashier.session";
/** The station also accepts its session token in this cookie: the SSE stream cannot send headers. */
const COOKIE_NAME = "quay_session";

function isSession(value: unknown): value is Session {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<Session>;
  return typeof candidate.token === "string" && typeof candidate.user === "object" && candidate.user !== null;
}

/** The session kept from the last sign-in on this browser, unless it has expired. */
function loadSession(): Session | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null");
    if (!isSession(parsed) || Date.parse(parsed.expiresAt) <= Date.now()) return null;
    writeCookie(parsed.token, parsed.expiresAt);
    return parsed;
  } catch {
    return null;
  }
}

function saveSession(session: Session): void {
  writeCookie(session.token, session.expiresAt);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  } catch {
    // Private mode: the session lasts for this page only.
  }
}

function clearSession(): void {
  // biome-ignore lint/suspicious/noDocumentCookie: one fixed cookie, written synchronously before the stream opens
  document.cookie = `${COOKIE_NAME}=; Path=/; Max-Age=0; SameSite=Strict`;
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing was saved.
  }
}

function writeCookie(token: string, expiresAt: string): void {
  const expires = new Date(expiresAt);
  const expiry = Number.isNaN(expires.getTime()) ? "" : `; Expires=${expires.toUTCString()}`;
  // biome-ignore lint/suspicious/noDocumentCookie: one fixed cookie, written synchronously before the stream opens
  document.cookie = `${COOKIE_NAME}=${encodeURIComponent(token)}; Path=/; SameSite=Strict${expiry}`;
}

/** The cashier's session: in localStorage, and in a cookie for the station's event stream. */
export const cashierSessions: SessionStore<Session> = {
  load: loadSession,
  save: saveSession,
  clear: clearSession,
};
