import { hashSecret, loginThrottleKeys, verifySecret } from "@quay/auth";
import {
  ErrorBody,
  IsoTime,
  LoginRequestSchema,
  ServiceLoginResponseSchema,
  SessionUserSchema,
  StoreRefSchema,
} from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { callerOf, SESSION_COOKIE } from "../auth/request-auth.js";
import { USER_SESSION_MS } from "../auth/session-authority.js";
import type { ServerContext } from "../server-context.js";
import { ServerError } from "../server-errors.js";
import type { StoreRecord, UserRecord } from "../storage/scripts/records.js";
import { getStores, tenantStores } from "../storage/scripts/stores.js";
import { findUserByUsername } from "../storage/scripts/users.js";

const MeResponseSchema = z.object({
  user: SessionUserSchema,
  expiresAt: IsoTime,
  stores: z.array(StoreRefSchema),
});

const storeRefs = (stores: readonly StoreRecord[]) =>
  stores.map(({ id, code, name }) => ({ id, code, name }));
const sessionUser = (user: UserRecord) => ({
  id: user.id,
  username: user.username,
  name: user.name,
  role: user.role,
});

export function registerSessionRoutes(app: HttpService, context: ServerContext): void {
  // Checking a made-up hash when the username is unknown keeps the answer time the same.
  let decoyHash: Promise<string> | null = null;
  const decoy = () => {
    decoyHash ??= hashSecret("decoy password never used");
    return decoyHash;
  };

  app.post(
    "/api/login",
    {
      config: { access: "public" },
      schema: {
        tags: ["session"],
        summary: "Log in with a username and password; answers a bearer token (also set as a cookie)",
        body: LoginRequestSchema,
        response: { 200: ServiceLoginResponseSchema, 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const found = await context.storage.read(findUserByUsername(username));
      const user = await context.attempts.check(
        loginThrottleKeys(username, request.ip),
        found?.tenantId ?? null,
        async () => {
          const matches = await verifySecret(password, found?.passwordHash ?? (await decoy()));
          return found && matches && found.active ? found : null;
        },
      );
      if (!user) throw new ServerError("BAD_CREDENTIALS", `login as ${username}`);
      const issued = await context.sessions.issueForUser(user);
      const stores =
        user.role === "owner"
          ? await context.storage.read(tenantStores(user.tenantId))
          : await context.storage.read(getStores(user.storeIds));
      setSessionCookie(request, reply, issued.token, USER_SESSION_MS / 1000);
      request.log.info({ userId: user.id }, "logged in");
      return {
        token: issued.token,
        user: sessionUser(user),
        expiresAt: issued.expiresAt,
        stores: storeRefs(stores),
        network: "cloud" as const,
      };
    },
  );

  app.post(
    "/api/logout",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["session"],
        summary: "End this session: its token stops working at once",
        response: { 204: z.null(), 401: ErrorBody },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await context.sessions.revoke(caller.session.id);
      setSessionCookie(request, reply, "", 0);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/me",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["session"],
        summary: "Who is logged in, and their stores",
        response: { 200: MeResponseSchema, 401: ErrorBody },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      return {
        user: sessionUser(caller.user),
        expiresAt: new Date(caller.session.expiresAt).toISOString(),
        stores: storeRefs(caller.stores),
      };
    },
  );
}

function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  maxAgeSeconds: number,
) {
  const secure = request.protocol === "https" ? "; Secure" : "";
  reply.header(
    "set-cookie",
    `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`,
  );
}
