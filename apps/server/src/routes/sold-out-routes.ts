import {
  ErrorBody,
  Id,
  ItemSchema,
  protocolMismatch,
  SoldOutToggleSchema,
  SYNC_CALLS,
  syncRoute,
} from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import { z } from "zod";
import { callerOf, callerStore, stationOf } from "../auth/request-auth.js";
import { nowIso, type ServerContext } from "../server-context.js";
import { ServerError } from "../server-errors.js";
import { catalogEntryStore, catalogSnapshot } from "../storage/scripts/catalog.js";
import { applySoldOutMarks } from "../storage/scripts/sold-out.js";

const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/**
 * "Hết món" (docs/back-office.md, docs/sync-protocol.md "Sold out"): a person marks an item sold
 * out or back on sale, and a station sends the toggles made at its counters. Either way the
 * latest toggle wins, the catalog takes a sequence number and every station and browser hears it.
 */
export function registerSoldOutRoutes(app: HttpService, context: ServerContext): void {
  app.post(
    "/api/items/:id/sold-out",
    {
      config: { access: { permission: "items.soldOut" } },
      schema: {
        tags: ["catalog"],
        summary: 'Mark a menu item sold out ("hết món") or back on sale; answers the item',
        params: z.object({ id: Id }),
        body: SoldOutToggleSchema,
        response: { 200: ItemSchema, ...refusals },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const itemId = request.params.id;
      const storeId = await context.storage.read(catalogEntryStore("items", itemId));
      if (!storeId) throw new ServerError("NOT_FOUND", `item ${itemId}`);
      const store = callerStore(caller, storeId);
      const mark = { itemId, soldOut: request.body.soldOut, at: nowIso(context), userId: caller.user.id };
      await context.storage.write(applySoldOutMarks({ storeId: store.id, marks: [mark], checkUsers: false }));
      const snapshot = await context.storage.read(catalogSnapshot(store.id));
      const item = snapshot?.items.find((candidate) => candidate.id === itemId);
      if (!item) throw new ServerError("NOT_FOUND", `item ${itemId}`);
      return item;
    },
  );

  const { soldOut } = SYNC_CALLS;
  app.post(
    soldOut.url,
    syncRoute(soldOut, {
      tags: ["sync"],
      summary:
        "A station's sold-out toggles, each applied when later than the item's last (device token); answers the store's head",
    }),
    async (request) => {
      const device = stationOf(request);
      const mismatch = protocolMismatch(request.body.protocolVersion, "station", "server");
      if (mismatch) throw new ServerError(mismatch.code, mismatch.message);
      const cursor = await context.storage.write(
        applySoldOutMarks({ storeId: device.store.id, marks: request.body.marks, checkUsers: true }),
      );
      return { cursor };
    },
  );
}
