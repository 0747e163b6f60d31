import type { FastifyRequest } from "fastify";
import type { Session, SessionManager } from "../auth/session-manager.js";
import { StationError } from "../errors.js";

/** The cookie the browser app may use instead of the Authorization header. */
export const SESSION_COOKIE = "quay_session";

/** The token a request carries: `Authorization: Bearer …` or the `quay_session` cookie. */
export function requestToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith("Bearer ")) return header.slice(7).trim() || null;
  const cookies = request.headers.cookie;
  if (!cookies) return null;
  for (const part of cookies.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join("=")) || null;
  }
  return null;
}

/** The caller's session, or 401 UNAUTHENTICATED. */
export function requireSession(request: FastifyRequest, sessions: SessionManager): Session {
  const token = requestToken(request);
  const session = token ? sessions.verify(token) : null;
  if (!session) throw new StationError("UNAUTHENTICATED");
  return session;
}

export function sessionCookie(token: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
}
