import { can } from "@quay/core";
import { type RouteGuard, readCookie } from "@quay/service-kit";
import type { FastifyRequest } from "fastify";
import { ServerError } from "../server-errors.js";
import type { StoreRecord } from "../storage/scripts/records.js";
import { bankKeyHash, bankKeyOf } from "./bank-key.js";
import type { DevicePrincipal, Principal, UserPrincipal } from "./principal.js";
import type { SessionAuthority } from "./session-authority.js";

/** The cookie browsers may carry their session in instead of the Authorization header. */
export const SESSION_COOKIE = "quay_session";

/**
 * The token a request carries: `Authorization: Bearer …`, else the session cookie, else (for
 * EventSource, which cannot set headers) a `token` query parameter when `allowQuery`.
 */
export function requestToken(request: FastifyRequest, allowQuery = false): string | null {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1] ?? null;
  }
  const cookie = readCookie(request.headers.cookie, SESSION_COOKIE);
  if (cookie) return cookie;
  if (allowQuery) {
    const query = request.query as Record<string, unknown> | undefined;
    if (typeof query?.token === "string" && query.token) return query.token;
  }
  return null;
}

/** Who called, for the requests the guard let through. */
const principals = new WeakMap<FastifyRequest, Principal>();
/** The store whose bank key a bank-notification request carried. */
const bankCallers = new WeakMap<FastifyRequest, StoreRecord>();

/** Finds the store a bank key's hash belongs to. */
export type BankKeyLookup = (keyHash: string) => Promise<StoreRecord | undefined>;

/**
 * The server's route guard (`guardRoutes`): authenticates the caller once, checks them against
 * the access the route declares and remembers them for the handler. 401 UNAUTHENTICATED without
 * a valid token; 403 FORBIDDEN for a device token where a person is needed, a person's token on
 * a station's route, or a role without the route's permission (docs/security.md). A route that
 * declares `"bank-key"` takes only a store's bank key (`Authorization: Apikey …`): 401 otherwise.
 */
export function requestGuard(authority: SessionAuthority, bankKeys: BankKeyLookup): RouteGuard {
  return async (request, access) => {
    if (access === "bank-key") {
      const key = bankKeyOf(request);
      const store = key === null ? undefined : await bankKeys(bankKeyHash(key));
      if (!store) throw new ServerError("BANK_KEY_INVALID");
      bankCallers.set(request, store);
      return;
    }
    const token = requestToken(request, request.routeOptions.config.tokenInQuery === true);
    const principal = token ? await authority.authenticate(token) : null;
    if (!principal) throw new ServerError("UNAUTHENTICATED");
    if (access === "device") {
      if (principal.kind !== "device") {
        throw new ServerError("FORBIDDEN", "only a station's device token can do this");
      }
    } else if (principal.kind !== "user") {
      throw new ServerError("FORBIDDEN", "a device token cannot do this");
    } else if (access !== "signed-in" && !can(principal.user.role, access.permission)) {
      throw new ServerError("FORBIDDEN", `${principal.user.role} may not ${access.permission}`);
    }
    principals.set(request, principal);
  };
}

/** The person calling a route that declares `"signed-in"` or a permission. */
export function callerOf(request: FastifyRequest): UserPrincipal {
  const principal = principals.get(request);
  if (principal?.kind !== "user") throw new Error(`${routeName(request)} reads a person it does not declare`);
  return principal;
}

/** The station calling a route that declares `"device"`. */
export function stationOf(request: FastifyRequest): DevicePrincipal {
  const principal = principals.get(request);
  if (principal?.kind !== "device")
    throw new Error(`${routeName(request)} reads a station it does not declare`);
  return principal;
}

/** The store whose bank key called a route that declares `"bank-key"`. */
export function bankStoreOf(request: FastifyRequest): StoreRecord {
  const store = bankCallers.get(request);
  if (!store) throw new Error(`${routeName(request)} reads a bank key it does not declare`);
  return store;
}

const routeName = (request: FastifyRequest) => `${request.method} ${request.routeOptions.url ?? request.url}`;

/**
 * The store a call is about: the one named (it must be the caller's), else the caller's only
 * store; a caller of several stores must say which.
 */
export function chooseStore(caller: UserPrincipal, storeId: string | undefined): StoreRecord {
  if (storeId !== undefined) {
    const store = caller.stores.find((candidate) => candidate.id === storeId);
    if (!store) throw new ServerError("FORBIDDEN", `store ${storeId} is not the caller's`);
    return store;
  }
  const [only, ...others] = caller.stores;
  if (!only) throw new ServerError("FORBIDDEN", "the caller has no store");
  if (others.length > 0) throw new ServerError("STORE_REQUIRED");
  return only;
}

/** The stores a listing covers: the one named (it must be the caller's), else all the caller's. */
export function callerStoreIds(caller: UserPrincipal, storeId: string | undefined): string[] {
  return storeId === undefined ? caller.stores.map((store) => store.id) : [callerStore(caller, storeId).id];
}

/** The caller's store with this id, or NOT_FOUND (another store's data is not even acknowledged). */
export function callerStore(caller: UserPrincipal, storeId: string): StoreRecord {
  const store = caller.stores.find((candidate) => candidate.id === storeId);
  if (!store) throw new ServerError("NOT_FOUND", `store ${storeId} is not the caller's`);
  return store;
}
