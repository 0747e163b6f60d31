import type { SessionUser } from "@quay/protocol";
import type { SessionStore } from "./session-store.js";

/** A store the signed-in person works in, as `POST /api/login` on the server lists it. */
export interface StoreRef {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

/**
 * Which side answered the login: the cloud server, or a station on the shop's network (the
 * waiter app works through either with the same calls).
 */
export type SessionNetwork = "cloud" | "shop";

/** A session with the cloud server (waiter app, back office), or with a station for the waiter app. */
export interface ServerSession {
  readonly token: string;
  readonly user: SessionUser;
  readonly expiresAt: string;
  readonly stores: readonly StoreRef[];
  /** Left out by services older than the field, which were all the cloud. */
  readonly network?: SessionNetwork;
}

function isSession(value: unknown): value is ServerSession {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<ServerSession>;
  return (
    typeof candidate.token === "string" &&
    typeof candidate.user === "object" &&
    candidate.user !== null &&
    Array.isArray(candidate.stores)
  );
}

/** Keeps one app's server session in localStorage under `key` (API calls send it as a bearer token). */
export function serverSessionStorage(key: string): SessionStore<ServerSession> {
  return {
    load(): ServerSession | null {
      try {
        const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? "null");
        if (!isSession(parsed) || Date.parse(parsed.expiresAt) <= Date.now()) return null;
        return parsed;
      } catch {
        return null;
      }
    },
    save(session: ServerSession): void {
      try {
        localStorage.setItem(key, JSON.stringify(session));
      } catch {
        // Private mode: the session lasts for this page only.
      }
    },
    clear(): void {
      try {
        localStorage.removeItem(key);
      } catch {
        // Nothing was saved.
      }
    },
  };
}
