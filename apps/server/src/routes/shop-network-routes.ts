import {
  ErrorBody,
  HubPassSchema,
  Id,
  ShopNetworkSchema,
  StationNetworkAnswerSchema,
  StationNetworkReportSchema,
} from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import { z } from "zod";
import { callerOf, callerStore, stationOf } from "../auth/request-auth.js";
import { nowIso, type ServerContext } from "../server-context.js";
import { reportStationNetwork, storeHubs } from "../storage/scripts/station-network.js";

const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const StoreParams = z.object({ storeId: Id });

/**
 * How a phone carries on through the shop's hub when the internet fails (docs/architecture.md,
 * "Phones through the hub"): stations say where they are on the shop's network and get the key
 * hub passes are checked with; the waiter app, while online, learns its store's hubs and a pass.
 */
export function registerShopNetworkRoutes(app: HttpService, context: ServerContext): void {
  app.put(
    "/api/stations/self/network",
    {
      config: { access: "device" },
      schema: {
        tags: ["stations"],
        summary:
          "A station says its role and addresses on the shop's network; answers the key hub passes are checked with",
        body: StationNetworkReportSchema,
        response: { 200: StationNetworkAnswerSchema, ...refusals },
      },
    },
    async (request) => {
      const { station } = stationOf(request);
      await context.storage.write(reportStationNetwork(station.id, request.body, nowIso(context)));
      return { passKey: context.hubPasses.publicKey };
    },
  );

  app.get(
    "/api/stores/:storeId/shop-network",
    {
      config: { access: { permission: "orders.write" } },
      schema: {
        tags: ["stores"],
        summary: "The store's hubs and the LAN URLs they last reported, newest first",
        params: StoreParams,
        response: { 200: ShopNetworkSchema, ...refusals },
      },
    },
    async (request) => {
      const store = callerStore(callerOf(request), request.params.storeId);
      return { hubs: await context.storage.read(storeHubs(store.id)) };
    },
  );

  app.post(
    "/api/stores/:storeId/hub-pass",
    {
      config: { access: { permission: "orders.write" } },
      schema: {
        tags: ["session"],
        summary: "A signed 12-hour pass the store's hubs take for a session, checked offline",
        params: StoreParams,
        response: { 200: HubPassSchema, ...refusals },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const store = callerStore(caller, request.params.storeId);
      return context.hubPasses.issue(caller.user.id, store.id);
    },
  );
}
