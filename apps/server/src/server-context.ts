import type { Clock, IdGenerator } from "@quay/core";
import type { AttemptGuard } from "./auth/attempt-guard.js";
import type { HubPassIssuer } from "./auth/hub-pass-issuer.js";
import type { SessionAuthority } from "./auth/session-authority.js";
import type { LiveEvents } from "./live/live-events.js";
import type { ServerStorage } from "./storage/server-storage.js";

/** What every route module is given. */
export interface ServerContext {
  readonly storage: ServerStorage;
  readonly clock: Clock;
  readonly newId: IdGenerator;
  readonly sessions: SessionAuthority;
  /** Passwords and manager PINs are checked through it: failures are throttled. */
  readonly attempts: AttemptGuard;
  readonly live: LiveEvents;
  /** Signs the passes phones take to the shop's hub when the internet fails. */
  readonly hubPasses: HubPassIssuer;
}

export function nowIso(context: ServerContext): string {
  return new Date(context.clock.now()).toISOString();
}
