import { can } from "@quay/core";
import { type RouteGuard, readCookie } from "@quay/service-kit";
import type { FastifyRequest } from "fastify";
import type { Session, SessionManager } from "../auth/session-manager.js";
import { StationError } from "../errors.js";
import type { Spoke, SpokeRegistry } from "../hub/spoke-registry.js";

/** The cookie the browser app may use instead of the Authorization header. */
export const SESSION_COOKIE = "quay_session";

/**
 * The token a request carries: `Authorization: Bearer …`, the `quay_session` cookie, or, on a
 * route that says so (`tokenInQuery`: EventSource cannot set headers), a `token` query parameter.
 */
export function requestToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith("Bearer ")) return header.slice(7).trim() || null;
  const cookie = readCookie(request.headers.cookie, SESSION_COOKIE);
  if (cookie || request.routeOptions.config?.tokenInQuery !== true) return cookie;
  const { token } = (request.query ?? {}) as { token?: unknown };
  return typeof token === "string" && token ? token : null;
}

/** The sessions of the requests the guard let through. */
const sessionsOfRequests = new WeakMap<FastifyRequest, Session>();
/** The spokes calling the hub's sync routes the guard let through. */
const spokesOfRequests = new WeakMap<FastifyRequest, Spoke>();

/**
 * The station's route guard (`guardRoutes`): 401 UNAUTHENTICATED without a session of this
 * station, 403 FORBIDDEN when the route names a permission the user's role lacks. A route
 * declaring `"device"` (the hub's sync routes) takes only a device token this station issued to
 * a spoke (`SpokeRegistry`), and a device token opens nothing else.
 */
export function sessionGuard(sessions: SessionManager, spokes?: SpokeRegistry): RouteGuard {
  return (request, access) => {
    const token = requestToken(request);
    // Bank notifications reach the cloud only; a station serves no such route.
    if (access === "bank-key") throw new StationError("FORBIDDEN", "bank notifications go to the cloud");
    if (access === "device") {
      const spoke = token && spokes ? spokes.verify(token) : null;
      if (!spoke) throw new StationError("UNAUTHENTICATED", "a spoke's device token is needed");
      spokesOfRequests.set(request, spoke);
      return;
    }
    const session = token ? sessions.verify(token) : null;
    if (!session) throw new StationError("UNAUTHENTICATED");
    if (access !== "signed-in" && !can(session.user.role, access.permission)) {
      throw new StationError("FORBIDDEN", `${session.user.role} may not ${access.permission}`);
    }
    sessionsOfRequests.set(request, session);
  };
}

/** The session calling a route that declares `"signed-in"` or a permission. */
export function sessionOf(request: FastifyRequest): Session {
  const session = sessionsOfRequests.get(request);
  if (!session) throw new Error(`${request.method} ${request.url} reads a session it does not declare`);
  return session;
}

/** Who the guard let this request through as, if anyone: what the connected list counts. */
export function callerIfAny(request: FastifyRequest): { session?: Session; spoke?: Spoke } {
  const session = sessionsOfRequests.get(request);
  const spoke = spokesOfRequests.get(request);
  return { ...(session ? { session } : {}), ...(spoke ? { spoke } : {}) };
}

/** The spoke calling a route that declares `"device"`. */
export function spokeOf(request: FastifyRequest): Spoke {
  const spoke = spokesOfRequests.get(request);
  if (!spoke) throw new Error(`${request.method} ${request.url} reads a spoke it does not declare`);
  return spoke;
}

export function sessionCookie(token: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
}
