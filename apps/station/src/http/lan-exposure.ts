import type { HttpService } from "@quay/service-kit";
import type { SessionManager } from "../auth/session-manager.js";
import { StationError } from "../errors.js";
import { requestToken } from "./request-session.js";

/**
 * The public routes a caller on the shop's network reaches without a session: the logins, the
 * health probe (a spoke's monitor), and the web apps. Everything else public on the counter PC
 * itself (the status the login screen shows, the API reference) needs a session from the LAN.
 */
const LAN_PUBLIC = new Set([
  "POST /api/login",
  "POST /api/login/pass",
  "POST /api/logout",
  "GET /healthz",
  "GET /*",
  "HEAD /*",
]);

/**
 * Whether the caller is this machine: the cashier's own browser at `localhost`. Only the
 * addresses a loopback connection comes from by default count, so a caller that binds another
 * of 127/8 (as the cross-process tests' LAN guests do) is treated as the shop's network.
 */
export function isLoopback(address: string): boolean {
  return address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1";
}

/**
 * Bound for the shop's network (`--lan`), a station also hears guests on the Wi-Fi: a public route
 * outside `LAN_PUBLIC` answers them 401 UNAUTHENTICATED unless they hold a session. Routes that
 * need a session or a device token are checked by the route guard, wherever the caller is.
 */
export function guardLanExposure(app: HttpService, sessions: SessionManager): void {
  app.addHook("onRequest", async (request) => {
    if (request.is404 || isLoopback(request.ip)) return;
    if (request.routeOptions.config.access !== "public") return;
    if (LAN_PUBLIC.has(`${request.method} ${request.routeOptions.url}`)) return;
    const token = requestToken(request);
    if (!token || !sessions.verify(token))
      throw new StationError("UNAUTHENTICATED", "a session is needed from the LAN");
  });
}
