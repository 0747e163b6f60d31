import { PERMISSIONS, type Permission } from "@quay/core";
import type { FastifyRequest, FastifySchema, RouteOptions } from "fastify";
import type { HttpService } from "./http-service.js";

/**
 * Who may call a route. Every route declares it as `config: { access }`; a service whose routes
 * do not all declare one refuses to start.
 * - `"public"`: anyone; no token is read.
 * - `"signed-in"`: any signed-in person.
 * - `"device"`: a station's device token (the server's sync endpoints).
 * - `"bank-key"`: a store's key for bank notifications, `Authorization: Apikey <key>` (the
 *   server's bank webhook: the bank's service calls it, no person or station).
 * - `{ permission }`: a signed-in person whose role holds it in the core's `PERMISSIONS`.
 */
export type RouteAccess =
  | "public"
  | "signed-in"
  | "device"
  | "bank-key"
  | { readonly permission: Permission };

/** The access of a route that needs a caller. */
export type GuardedAccess = Exclude<RouteAccess, "public">;

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Also take the token from a `token` query parameter: EventSource cannot set headers. */
    tokenInQuery?: boolean;
  }
}

/**
 * A route as registered, with the access it declares (`undefined` when it declares none) and the
 * schemas it parses with, so tests can reach every route (the fuzzer calls each one) without a
 * list to keep in step by hand.
 */
export interface DeclaredRoute {
  readonly method: string;
  /** The path as declared, `:name` for parameters and `*` for a wildcard. */
  readonly url: string;
  readonly access: RouteAccess | undefined;
  readonly schema: FastifySchema | undefined;
}

/**
 * Refuses (by throwing the service's UNAUTHENTICATED or FORBIDDEN) a caller who does not meet
 * `access`, and otherwise remembers who called so the handler can read it without asking again.
 */
export type RouteGuard = (request: FastifyRequest, access: GuardedAccess) => Promise<void> | void;

interface AccessBook {
  /** The route options as the onRoute hooks see them: later hooks may still fill in `config`. */
  readonly routes: RouteOptions[];
  guarded: boolean;
}

const books = new WeakMap<HttpService, AccessBook>();

export function isRouteAccess(value: unknown): value is RouteAccess {
  if (value === "public" || value === "signed-in" || value === "device" || value === "bank-key") return true;
  if (typeof value !== "object" || value === null || !("permission" in value)) return false;
  const { permission } = value;
  return typeof permission === "string" && Object.hasOwn(PERMISSIONS, permission);
}

/**
 * Records every route `app` and its plugins register, and makes `app` refuse to start while one
 * declares no valid access, or while a route needs a caller and no guard checks it.
 */
export function trackRouteAccess(app: HttpService): void {
  const book: AccessBook = { routes: [], guarded: false };
  books.set(app, book);
  app.addHook("onRoute", (route) => {
    book.routes.push(route);
  });
  app.addHook("onReady", async () => {
    const routes = declaredRoutes(app);
    const undeclared = routes.filter((route) => !isRouteAccess(route.access));
    if (undeclared.length > 0) {
      const names = undeclared.map((route) => `${route.method} ${route.url}`).join(", ");
      throw new Error(`routes without a valid access declaration: ${names}`);
    }
    if (!book.guarded && routes.some((route) => route.access !== "public")) {
      throw new Error("routes need a caller but no guard checks them (guardRoutes)");
    }
  });
}

/** Every route of `app` with the access and schemas it declares, one entry per method, in the order declared. */
export function declaredRoutes(app: HttpService): DeclaredRoute[] {
  const book = books.get(app);
  if (!book) throw new Error("this service does not track its routes' access");
  return book.routes.flatMap((route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    return methods.map((method) => ({
      method,
      url: route.url,
      access: route.config?.access,
      schema: route.schema,
    }));
  });
}

/**
 * The one hook that checks every route's declared access before anything else of the request is
 * read (the body, on a 32 MiB sync push, would otherwise arrive first): public routes pass,
 * others go through `guard`.
 */
export function guardRoutes(app: HttpService, guard: RouteGuard): void {
  const book = books.get(app);
  if (!book) throw new Error("this service does not track its routes' access");
  if (book.guarded) throw new Error("a service has one route guard");
  book.guarded = true;
  app.addHook("onRequest", async (request) => {
    // Unknown paths have no route, so no declaration: they answer 404 whoever asks.
    if (request.is404) return;
    const { access } = request.routeOptions.config;
    if (!isRouteAccess(access)) throw new Error(`${request.method} ${request.url} declares no access`);
    if (access !== "public") await guard(request, access);
  });
}

/**
 * The routes anyone may call, as `METHOD url`, sorted: what a service's route-access test holds
 * to its list (HEAD twins and the OpenAPI pages at /docs left out).
 */
export function publicRouteNames(routes: readonly DeclaredRoute[]): string[] {
  return routes
    .filter((route) => route.access === "public" && route.method !== "HEAD")
    .map((route) => `${route.method} ${route.url}`)
    .filter((route) => !route.includes(" /docs"))
    .sort();
}

/** Declares public every route registered through `instance` that declares nothing (a plugin's own). */
export function declarePublic(instance: HttpService): void {
  instance.addHook("onRoute", (route) => {
    route.config = { ...route.config, access: route.config?.access ?? "public" };
  });
}
