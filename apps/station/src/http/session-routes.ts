import {
  ErrorBody,
  LoginRequestSchema,
  PassLoginRequestSchema,
  ServiceLoginResponseSchema,
  SessionUserSchema,
} from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import { z } from "zod";
import type { LoginService } from "../auth/login-service.js";
import type { PassLogin } from "../auth/pass-login.js";
import { SESSION_TTL_MS, type SessionManager } from "../auth/session-manager.js";
import type { StationDb } from "../db/station-db.js";
import { isLoopback } from "./lan-exposure.js";
import { requestToken, SESSION_COOKIE, sessionCookie, sessionOf } from "./request-session.js";

const SessionResponseSchema = z.object({
  user: SessionUserSchema,
  mode: z.enum(["online", "offline"]),
  expiresAt: z.string(),
});

/**
 * What a login here answers besides the session, as the cloud's does: the station's one store (a
 * login needs a provisioned station, or provisions it) and that the shop's network answered.
 */
function shopSide(db: StationDb) {
  const store = db.identity()?.store;
  const stores = store ? [{ id: store.id, code: store.code, name: store.name }] : [];
  return { stores, network: "shop" as const };
}

/** Login (online or offline), logout, and who is signed in. */
export function registerSessionRoutes(
  app: HttpService,
  deps: { login: LoginService; passLogin: PassLogin; sessions: SessionManager; db: StationDb },
) {
  app.post(
    "/api/login",
    {
      config: { access: "public" },
      schema: {
        summary:
          "Log in online (checked by the server; at the counter PC, provisions the station), offline (cached credentials), or, naming no mode (a phone), online while the server answers, else offline",
        body: LoginRequestSchema,
        response: { 200: ServiceLoginResponseSchema, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const { username, password, mode: asked } = request.body;
      const caller = { address: request.ip, atCounter: isLoopback(request.ip) };
      const { token, session, user, mode } = await deps.login.login(username, password, asked, caller);
      reply.header("set-cookie", sessionCookie(token, Math.floor(SESSION_TTL_MS / 1000)));
      return { token, user, expiresAt: session.expiresAt, mode, ...shopSide(deps.db) };
    },
  );

  app.post(
    "/api/login/pass",
    {
      config: { access: "public" },
      schema: {
        summary:
          "Log in with a hub pass the cloud signed (the waiter app's one tap when the internet fails); checked offline",
        body: PassLoginRequestSchema,
        response: { 200: ServiceLoginResponseSchema, 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const { token, session, user } = await deps.passLogin.login(request.body.pass, request.ip);
      reply.header("set-cookie", sessionCookie(token, Math.floor(SESSION_TTL_MS / 1000)));
      return { token, user, expiresAt: session.expiresAt, mode: session.mode, ...shopSide(deps.db) };
    },
  );

  app.post(
    "/api/logout",
    {
      // Answers 204 with or without a session: it ends the one the token names, if any.
      config: { access: "public" },
      schema: { summary: "End the caller's session", response: { 204: z.null() } },
    },
    async (request, reply) => {
      const token = requestToken(request);
      const session = token ? deps.sessions.verify(token) : null;
      if (session) deps.sessions.close(session.id);
      reply.header("set-cookie", `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/session",
    {
      config: { access: "signed-in" },
      schema: {
        summary: "The signed-in user and the mode they logged in with",
        response: { 200: SessionResponseSchema },
      },
    },
    async (request) => {
      const session = sessionOf(request);
      return { user: session.user, mode: session.mode, expiresAt: session.expiresAt };
    },
  );
}
