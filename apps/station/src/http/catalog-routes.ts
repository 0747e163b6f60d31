import {
  AreaSchema,
  CategorySchema,
  ItemSchema,
  OptionGroupSchema,
  StoreSchema,
  TableSchema,
} from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import { z } from "zod";
import type { StationDb } from "../db/station-db.js";
import { StationError } from "../errors.js";
import { StoreQuerySchema, stationStore } from "./store-scope.js";

const CatalogResponseSchema = z.object({
  /** The store it is the menu of (as the cloud answers a phone). */
  store: StoreSchema,
  categories: z.array(CategorySchema),
  items: z.array(ItemSchema),
  areas: z.array(AreaSchema),
  tables: z.array(TableSchema),
  /** The shared option groups the items name (`optionGroupIds`): the chooser offers them. */
  optionGroups: z.array(OptionGroupSchema),
});

const StoreResponseSchema = z.object({
  store: StoreSchema,
  station: z.object({ id: z.string(), code: z.string() }),
});

/** The menu and floor as last synced, and the store's details for receipts and VietQR. */
export function registerCatalogRoutes(app: HttpService, deps: { db: StationDb }) {
  app.get(
    "/api/catalog",
    {
      config: { access: "signed-in" },
      schema: {
        summary:
          "The store, categories, active items, areas and tables (`storeId`, if given, must be this station's)",
        querystring: StoreQuerySchema,
        response: { 200: CatalogResponseSchema },
      },
    },
    async (request) => {
      const { store } = stationStore(deps.db, request.query.storeId);
      const catalog = deps.db.catalog();
      if (!catalog) throw new StationError("NOT_PROVISIONED");
      return {
        store,
        categories: catalog.categories,
        items: catalog.items.filter((item) => item.active),
        areas: catalog.areas,
        tables: catalog.tables,
        optionGroups: catalog.optionGroups ?? [],
      };
    },
  );

  app.get(
    "/api/store",
    {
      // The station's id is what a re-registration names: for signed-in staff only.
      config: { access: "signed-in" },
      schema: {
        summary: "The store this station sells for, and the station's code",
        response: { 200: StoreResponseSchema },
      },
    },
    async () => {
      const identity = deps.db.identity();
      if (!identity) throw new StationError("NOT_PROVISIONED");
      return { store: identity.store, station: { id: identity.stationId, code: identity.stationCode } };
    },
  );
}
