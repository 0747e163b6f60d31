import { hashSecret } from "@quay/auth";
import { manageableRoles } from "@quay/core";
import { ErrorBody, Id, Role, Text } from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import { z } from "zod";
import type { UserPrincipal } from "../auth/principal.js";
import { callerOf, callerStore, callerStoreIds } from "../auth/request-auth.js";
import { nowIso, type ServerContext } from "../server-context.js";
import { ServerError } from "../server-errors.js";
import type { UserRecord } from "../storage/scripts/records.js";
import { createUser, getUser, listUsers, type UserPatch, updateUser } from "../storage/scripts/users.js";
import { rethrowTaken } from "./rethrow-taken.js";

const Pin = z.string().regex(/^\d{4,8}$/);
const Password = z.string().min(4).max(200);
const UserViewSchema = z.object({
  id: Id,
  username: z.string(),
  name: z.string(),
  role: Role,
  active: z.boolean(),
  hasPin: z.boolean(),
  storeIds: z.array(Id),
});
const CreateUserSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{2,64}$/),
  name: Text(120),
  role: Role,
  password: Password,
  pin: Pin.nullable().optional(),
  storeIds: z.array(Id).min(1).max(500),
});
const PatchUserSchema = z.object({
  name: Text(120).optional(),
  role: Role.optional(),
  password: Password.optional(),
  pin: Pin.nullable().optional(),
  active: z.boolean().optional(),
  storeIds: z.array(Id).min(1).max(500).optional(),
});
const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

const userView = (user: UserRecord) => ({
  id: user.id,
  username: user.username,
  name: user.name,
  role: user.role,
  active: user.active,
  hasPin: user.pinHash !== null,
  storeIds: [...user.storeIds],
});

/** Managers run their stores' cashiers and waiters; owners run everyone in the tenant. */
function checkMayManage(caller: UserPrincipal, role: Role, storeIds: readonly string[]): void {
  if (!manageableRoles(caller.user.role).includes(role)) {
    throw new ServerError("FORBIDDEN", `${caller.user.role} may not manage ${role} users`);
  }
  for (const storeId of storeIds) callerStore(caller, storeId);
}

export function registerUserRoutes(app: HttpService, context: ServerContext): void {
  app.get(
    "/api/users",
    {
      config: { access: { permission: "users.manage" } },
      schema: {
        tags: ["users"],
        summary: "Users of the caller's stores (never their secrets)",
        querystring: z.object({ storeId: Id.optional() }),
        response: { 200: z.object({ users: z.array(UserViewSchema) }), ...refusals },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const storeIds = callerStoreIds(caller, request.query.storeId);
      const users = await context.storage.read(listUsers(caller.user.tenantId, storeIds));
      return { users: users.map(userView) };
    },
  );

  app.post(
    "/api/users",
    {
      config: { access: { permission: "users.manage" } },
      schema: {
        tags: ["users"],
        summary: "Create a user (usernames are unique on the server, whatever the case)",
        body: CreateUserSchema,
        response: { 201: UserViewSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const body = request.body;
      checkMayManage(caller, body.role, body.storeIds);
      const user = await context.storage
        .write(
          createUser({
            id: context.newId(),
            tenantId: caller.user.tenantId,
            username: body.username,
            name: body.name,
            role: body.role,
            passwordHash: await hashSecret(body.password),
            pinHash: body.pin ? await hashSecret(body.pin) : null,
            active: true,
            storeIds: [...new Set(body.storeIds)],
            now: nowIso(context),
          }),
        )
        .catch(rethrowTaken);
      return reply.status(201).send(userView(user));
    },
  );

  app.patch(
    "/api/users/:id",
    {
      config: { access: { permission: "users.manage" } },
      schema: {
        tags: ["users"],
        summary: "Change a user; deactivating one ends their sessions at once",
        params: z.object({ id: Id }),
        body: PatchUserSchema,
        response: { 200: UserViewSchema, ...refusals },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const target = await context.storage.read(getUser(request.params.id));
      if (!target || target.tenantId !== caller.user.tenantId) {
        throw new ServerError("NOT_FOUND", `user ${request.params.id}`);
      }
      const body = request.body;
      const isCallers = (storeId: string) => caller.stores.some((store) => store.id === storeId);
      if (target.role !== "owner" && !target.storeIds.some(isCallers)) {
        throw new ServerError("NOT_FOUND", `user ${target.id} is in none of the caller's stores`);
      }
      // A change to a user reaches every store they work in (one login, one role): someone who
      // also works where the caller does not manage is for the owner (who has every store) to change.
      if (!target.storeIds.every(isCallers)) {
        throw new ServerError(
          "FORBIDDEN",
          `user ${target.id} also works in a store the caller does not manage`,
        );
      }
      checkMayManage(caller, target.role, []);
      checkMayManage(caller, body.role ?? target.role, body.storeIds ?? []);
      if (target.id === caller.user.id && (body.role !== undefined || body.active === false)) {
        throw new ServerError("FORBIDDEN", "nobody changes their own role or locks themselves out");
      }
      const patch: { -readonly [K in keyof UserPatch]: UserPatch[K] } = {};
      if (body.name !== undefined) patch.name = body.name;
      if (body.role !== undefined) patch.role = body.role;
      if (body.active !== undefined) patch.active = body.active;
      if (body.storeIds !== undefined) patch.storeIds = [...new Set(body.storeIds)];
      if (body.password !== undefined) patch.passwordHash = await hashSecret(body.password);
      if (body.pin !== undefined) patch.pinHash = body.pin === null ? null : await hashSecret(body.pin);
      const updated = await context.storage.write(updateUser(target.id, patch));
      if (!updated) throw new ServerError("NOT_FOUND", `user ${target.id}`);
      if (body.active === false || body.password !== undefined) {
        await context.sessions.revokeAllOf("user", target.id);
      }
      return userView(updated);
    },
  );
}
