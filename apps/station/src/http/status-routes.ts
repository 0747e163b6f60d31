import { ErrorBody, StationStatusSchema } from "@quay/protocol";
import {
  AppError,
  answerLanguage,
  EventBroadcast,
  type HttpService,
  openEventStream,
} from "@quay/service-kit";
import { z } from "zod";
import type { StationDb } from "../db/station-db.js";
import { STATION_ERRORS } from "../errors.js";
import type { StatusHub } from "../status-hub.js";
import type { SyncEngine } from "../sync/sync-engine.js";
import { StoreQuerySchema, stationStore } from "./store-scope.js";

const SettingsSchema = z.object({ autoSync: z.boolean() });

export interface StatusRouteDeps {
  hub: StatusHub;
  engine: SyncEngine;
  db: StationDb;
}

/**
 * Status, the live event stream, the cashier's "sync now", and the sync setting. Only the status
 * is public (the login screen shows it); the stream carries every order, so it and the rest need
 * a session (docs/security.md).
 */
export function registerStatusRoutes(app: HttpService, deps: StatusRouteDeps) {
  // Every screen gets the same events: each is serialised once for all of them.
  const screens = new EventBroadcast();
  deps.hub.onStatus((status) => screens.send("status", status));
  deps.hub.onOrder((order) => screens.send("order", order));
  deps.hub.onBankTransfer((transfer) => screens.send("bankTransfer", transfer));
  // As the cloud tells phones: the menu or floor changed, fetch it again.
  deps.hub.onCatalog(() => screens.send("catalog", { storeId: deps.db.identity()?.store.id ?? null }));

  app.get(
    "/healthz",
    {
      // What a spoke's monitor probes to know its hub answers.
      config: { access: "public" },
      schema: {
        summary: "200 while the station answers",
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async () => ({ ok: true as const }),
  );

  app.get(
    "/api/status",
    {
      config: { access: "public" },
      schema: {
        summary: "Online/offline, pending work and sync progress",
        response: { 200: StationStatusSchema },
      },
    },
    async () => deps.hub.current(),
  );

  app.get(
    "/api/events",
    {
      // EventSource cannot set headers: the cashier's stream goes by the session cookie, a
      // phone's (whose session is kept apart from the page) by `?token=`, as on the cloud.
      config: { access: "signed-in", tokenInQuery: true },
      schema: {
        summary:
          "Server-Sent Events: `status` (the body of /api/status) when it changes, `order` when an order changes, `catalog` when a pull brought a new menu or floor, `bankTransfer` when the store's bank confirmed a transfer for an order",
        querystring: StoreQuerySchema.extend({ token: z.string().optional() }),
      },
    },
    async (request, reply) => {
      stationStore(deps.db, request.query.storeId);
      const stream = openEventStream(request, reply);
      stream.send("status", deps.hub.latest());
      screens.add(stream);
      await stream.closed;
    },
  );

  app.post(
    "/api/sync",
    {
      config: { access: "signed-in" },
      schema: {
        summary:
          "Start syncing now (the cashier's yes); 409 SERVER_UNREACHABLE while the server cannot be reached",
        response: { 202: z.object({ accepted: z.literal(true) }), 409: ErrorBody },
      },
    },
    async (request, reply) => {
      try {
        deps.engine.requestSync();
      } catch (error) {
        if (error instanceof AppError && error.code === "SERVER_UNREACHABLE") {
          const message = STATION_ERRORS.SERVER_UNREACHABLE[answerLanguage(request)];
          return reply.code(409).send({ error: { code: "SERVER_UNREACHABLE", message } });
        }
        throw error;
      }
      deps.hub.statusMayHaveChanged();
      return reply.code(202).send({ accepted: true });
    },
  );

  app.get(
    "/api/settings",
    {
      config: { access: "signed-in" },
      schema: { summary: "Station settings", response: { 200: SettingsSchema } },
    },
    async () => ({ autoSync: effectiveAutoSync(deps.db) }),
  );

  app.post(
    "/api/settings",
    {
      config: { access: { permission: "stores.edit" } },
      schema: {
        summary: "Change station settings (manager): autoSync syncs on reconnection without asking",
        body: SettingsSchema.partial(),
        response: { 200: SettingsSchema },
      },
    },
    async (request) => {
      if (request.body.autoSync !== undefined) deps.db.settings.set("autoSync", request.body.autoSync);
      deps.hub.statusMayHaveChanged();
      return { autoSync: effectiveAutoSync(deps.db) };
    },
  );
}

function effectiveAutoSync(db: StationDb): boolean {
  return db.settings.get("autoSync") ?? db.settings.get("store")?.autoSync ?? false;
}
