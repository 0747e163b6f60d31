import { hostname } from "node:os";
import type { StationDb } from "../db/station-db.js";
import type { Logger } from "../logger.js";
import type { ServerClient } from "../sync/server-client.js";

/** What provisioning needs of the sync engine. */
export interface ProvisionedSync {
  /** The server stopped accepting the device token (a 401): the station must register again. */
  readonly deviceRejected: boolean;
  /** The station holds a new device token. */
  deviceRegistered(): void;
  /** Pulls until the station holds all the server has for it. */
  pullAll(): Promise<void>;
  /** The station is provisioned: follow the server and sync (a pull too, unless `pulled` now). */
  resume(pulled: boolean): void;
}

export interface ProvisioningDeps {
  db: StationDb;
  client: Pick<ServerClient, "register">;
  /** Hears that the server answered. */
  monitor: { reportSuccess(): void };
  sync: ProvisionedSync;
  logger: Logger;
  /** `--store`: the store code to register with. */
  storeCode?: string | undefined;
}

/**
 * Binds the station to its store with a user's server token (an online login) when it has no
 * device token the server accepts, and, the first time, pulls the catalog and the users before
 * answering, so offline works from then on (docs/sync-protocol.md, "Register").
 */
export async function provisionStation(deps: ProvisioningDeps, userToken: string): Promise<void> {
  const { db, client, sync } = deps;
  const identity = db.identity();
  if (!identity || !db.settings.get("deviceToken") || sync.deviceRejected) {
    const storeCode = deps.storeCode ?? identity?.store.code;
    const registered = await client.register(userToken, {
      ...(storeCode ? { storeCode } : {}),
      ...(identity ? { stationId: identity.stationId } : {}),
      name: `Quầy ${hostname()}`.slice(0, 80),
    });
    db.transaction(() => {
      db.settings.set("stationId", registered.stationId);
      db.settings.set("stationCode", registered.stationCode);
      db.settings.set("deviceToken", registered.deviceToken);
      db.settings.set("store", registered.store);
    });
    sync.deviceRegistered();
    deps.logger.info({ stationCode: registered.stationCode }, "station registered");
  }
  deps.monitor.reportSuccess();
  const firstTime = !db.catalog();
  if (firstTime) await sync.pullAll();
  sync.resume(firstTime);
}
