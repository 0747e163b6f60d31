import { can, type Permission } from "@quay/core";
import type { FastifyRequest } from "fastify";
import { ServerError } from "../server-errors.js";
import type { StoreRecord } from "../storage/scripts/records.js";
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

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}

/** Checks who is calling; every route that needs a caller goes through here. */
export class RequestAuth {
  /** Each request is authenticated once, even when a hook and its handler both ask. */
  readonly #checked = new WeakMap<FastifyRequest, Promise<Principal | null>>();

  constructor(private readonly authority: SessionAuthority) {}

  async principal(request: FastifyRequest, allowQuery = false): Promise<Principal> {
    let checked = this.#checked.get(request);
    if (!checked) {
      const token = requestToken(request, allowQuery);
      checked = token ? this.authority.authenticate(token) : Promise.resolve(null);
      this.#checked.set(request, checked);
    }
    const principal = await checked;
    if (!principal) throw new ServerError("UNAUTHENTICATED");
    return principal;
  }

  /** A logged-in person, who must hold `permission` when one is named. */
  async user(request: FastifyRequest, permission?: Permission, allowQuery = false): Promise<UserPrincipal> {
    const principal = await this.principal(request, allowQuery);
    if (principal.kind !== "user") throw new ServerError("FORBIDDEN", "a device token cannot do this");
    if (permission && !can(principal.user.role, permission)) {
      throw new ServerError("FORBIDDEN", `${principal.user.role} may not ${permission}`);
    }
    return principal;
  }

  /** A registered station. */
  async device(request: FastifyRequest): Promise<DevicePrincipal> {
    const principal = await this.principal(request);
    if (principal.kind !== "device")
      throw new ServerError("FORBIDDEN", "only a station's device token can do this");
    return principal;
  }
}

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

/** The caller's store with this id, or NOT_FOUND (another store's data is not even acknowledged). */
export function callerStore(caller: UserPrincipal, storeId: string): StoreRecord {
  const store = caller.stores.find((candidate) => candidate.id === storeId);
  if (!store) throw new ServerError("NOT_FOUND", `store ${storeId} is not the caller's`);
  return store;
}
