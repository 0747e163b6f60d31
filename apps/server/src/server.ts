import { randomFillSync } from "node:crypto";
import { fileURLToPath } from "node:url";
import { type Clock, type IdGenerator, uuidV7Generator } from "@quay/core";
import { PROTOCOL_VERSION } from "@quay/protocol";
import { createHttpService, guardRoutes, type HttpService } from "@quay/service-kit";
import { AttemptGuard } from "./auth/attempt-guard.js";
import { HubPassIssuer } from "./auth/hub-pass-issuer.js";
import { requestGuard } from "./auth/request-auth.js";
import { SessionAuthority } from "./auth/session-authority.js";
import { LiveEvents } from "./live/live-events.js";
import { registerBankRoutes } from "./routes/bank-routes.js";
import { registerBillRoutes } from "./routes/bill-routes.js";
import { registerCatalogRoutes } from "./routes/catalog-routes.js";
import { registerEventRoutes } from "./routes/event-routes.js";
import { registerFloorRoutes } from "./routes/floor-routes.js";
import { registerHealthRoutes } from "./routes/health-routes.js";
import { registerOrderRoutes } from "./routes/order-routes.js";
import { registerPrinterRoutes } from "./routes/printer-routes.js";
import { registerReportRoutes } from "./routes/report-routes.js";
import { registerSessionRoutes } from "./routes/session-routes.js";
import { registerShiftRoutes } from "./routes/shift-routes.js";
import { registerShopNetworkRoutes } from "./routes/shop-network-routes.js";
import { registerSoldOutRoutes } from "./routes/sold-out-routes.js";
import { registerStationRoutes } from "./routes/station-routes.js";
import { registerStoreRoutes } from "./routes/store-routes.js";
import { registerSyncRoutes } from "./routes/sync-routes.js";
import { registerUserRoutes } from "./routes/user-routes.js";
import type { ServerContext } from "./server-context.js";
import { SERVER_ERRORS } from "./server-errors.js";
import { storeOfBankKey } from "./storage/scripts/bank-notifications.js";
import type { ServerStorage } from "./storage/server-storage.js";
import { registerWebApps } from "./web/web-apps.js";

/** Where the web build sits next to this package: `apps/web/dist`. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL("../../web/dist", import.meta.url));

export interface ServerOptions {
  /** The storage; the caller opens it and closes it after the server. */
  storage: ServerStorage;
  clock?: Clock;
  newId?: IdGenerator;
  /** Pino level; "silent" in tests. */
  logLevel?: string;
  /** The web build to serve `/m/` and `/admin/` from; null serves none. */
  webDist?: string | null;
}

const systemClock: Clock = { now: () => Date.now() };

/** The Quầy cloud server, ready to `listen` (or to `inject` in tests). */
export async function buildServer(options: ServerOptions): Promise<HttpService> {
  const clock = options.clock ?? systemClock;
  const newId = options.newId ?? uuidV7Generator(clock, (length) => randomFillSync(new Uint8Array(length)));
  const app = await createHttpService({
    title: "Quầy server",
    version: `protocol ${PROTOCOL_VERSION}`,
    errors: SERVER_ERRORS,
    ...(options.logLevel ? { logLevel: options.logLevel } : {}),
  });
  const sessions = await SessionAuthority.create(options.storage, clock, newId);
  const live = new LiveEvents(options.storage, app.log);
  app.addHook("onClose", async () => live.stop());
  const context: ServerContext = {
    storage: options.storage,
    clock,
    newId,
    sessions,
    attempts: new AttemptGuard(options.storage, clock, app.log),
    live,
    hubPasses: await HubPassIssuer.create(options.storage, clock),
  };
  // Every route declares who may call it (`config.access`); this one hook checks them all.
  guardRoutes(
    app,
    requestGuard(sessions, (keyHash) => options.storage.read(storeOfBankKey(keyHash))),
  );

  registerHealthRoutes(app, context);
  registerSessionRoutes(app, context);
  registerStoreRoutes(app, context);
  registerCatalogRoutes(app, context);
  registerSoldOutRoutes(app, context);
  registerPrinterRoutes(app, context);
  registerOrderRoutes(app, context);
  registerBillRoutes(app, context);
  registerFloorRoutes(app, context);
  registerReportRoutes(app, context);
  registerShiftRoutes(app, context);
  registerUserRoutes(app, context);
  registerStationRoutes(app, context);
  registerShopNetworkRoutes(app, context);
  registerSyncRoutes(app, context);
  registerEventRoutes(app, context);
  registerBankRoutes(app, context);
  await registerWebApps(app, options.webDist === undefined ? DEFAULT_WEB_DIST : options.webDist);
  return app;
}
