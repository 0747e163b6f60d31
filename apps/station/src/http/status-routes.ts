import { can } from "@quay/core";
import { ErrorBody, StationStatusSchema } from "@quay/protocol";
import { AppError, answerLanguage, type HttpService, openEventStream } from "@quay/service-kit";
import { z } from "zod";
import type { SessionManager } from "../auth/session-manager.js";
import { STATION_ERRORS, StationError } from "../errors.js";
import type { StatusHub } from "../status-hub.js";
import type { StationStore } from "../store/station-store.js";
import type { SyncEngine } from "../sync/sync-engine.js";
import { requireSession } from "./request-session.js";

const SettingsSchema = z.object({ autoSync: z.boolean() });

export interface StatusRouteDeps {
  hub: StatusHub;
  engine: SyncEngine;
  store: StationStore;
  sessions: SessionManager;
}

/** Status, the live event stream, the cashier's "sync now", and the sync setting. */
export function registerStatusRoutes(app: HttpService, deps: StatusRouteDeps) {
  app.get(
    "/api/status",
    {
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
      schema: {
        summary:
          "Server-Sent Events: `status` (the body of /api/status) when it changes, `order` when an order changes",
      },
    },
    async (request, reply) => {
      const stream = openEventStream(request, reply);
      stream.send("status", deps.hub.latest());
      const offStatus = deps.hub.onStatus((status) => stream.send("status", status));
      const offOrder = deps.hub.onOrder((order) => stream.send("order", order));
      await stream.closed;
      offStatus();
      offOrder();
    },
  );

  app.post(
    "/api/sync",
    {
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
    { schema: { summary: "Station settings", response: { 200: SettingsSchema } } },
    async () => ({ autoSync: effectiveAutoSync(deps.store) }),
  );

  app.post(
    "/api/settings",
    {
      schema: {
        summary: "Change station settings (manager): autoSync syncs on reconnection without asking",
        body: SettingsSchema.partial(),
        response: { 200: SettingsSchema },
      },
    },
    async (request) => {
      const session = requireSession(request, deps.sessions);
      if (!can(session.user.role, "stores.edit")) throw new StationError("FORBIDDEN");
      if (request.body.autoSync !== undefined) deps.store.settings.set("autoSync", request.body.autoSync);
      deps.hub.statusMayHaveChanged();
      return { autoSync: effectiveAutoSync(deps.store) };
    },
  );
}

function effectiveAutoSync(store: StationStore): boolean {
  return store.settings.get("autoSync") ?? store.settings.get("store")?.autoSync ?? false;
}
