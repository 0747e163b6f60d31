import { MAX_GROUP_OPTIONS, MAX_ITEM_OPTION_GROUPS } from "@quay/core";
import {
  AreaSchema,
  CatalogSnapshotSchema,
  CategorySchema,
  ErrorBody,
  Id,
  ItemSchema,
  OptionChoiceSchema,
  OptionGroupSchema,
  SortOrder,
  TableSchema,
} from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import { z } from "zod";
import { callerOf, callerStore, chooseStore } from "../auth/request-auth.js";
import type { ServerContext } from "../server-context.js";
import { ServerError } from "../server-errors.js";
import {
  type CatalogFields,
  type CatalogKind,
  catalogEntryStore,
  catalogSnapshot,
  createCatalogEntry,
  deleteCatalogEntry,
  optionGroupsOf,
  updateCatalogEntry,
} from "../storage/scripts/catalog.js";

const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const IdParams = z.object({ id: Id });
const StoreQuery = z.object({ storeId: Id.optional() });
/** An item's groups: each once (core's `MAX_ITEM_OPTION_GROUPS` bounds the list). */
const ItemGroupIds = z
  .array(Id)
  .max(MAX_ITEM_OPTION_GROUPS)
  .refine((ids) => new Set(ids).size === ids.length, "each group once");
/** A group's options as a client sends them: an option without an id is new (the server names it). */
const GroupOptionsInput = z
  .array(OptionChoiceSchema.extend({ id: Id.optional(), active: z.boolean().default(true) }))
  .min(1)
  .max(MAX_GROUP_OPTIONS);
const GroupInput = OptionGroupSchema.omit({ id: true }).extend({
  sortOrder: SortOrder.default(0),
  options: GroupOptionsInput,
});
const GroupPatch = OptionGroupSchema.omit({ id: true, options: true })
  .extend({ options: GroupOptionsInput })
  .partial();

/** Each kind of catalog entry: its wire schema and what a client may send to create it. */
const KINDS = {
  categories: {
    entry: CategorySchema,
    patch: CategorySchema.omit({ id: true }).partial(),
    create: CategorySchema.omit({ id: true }).extend({ sortOrder: SortOrder.default(0) }),
    label: "menu category",
  },
  items: {
    entry: ItemSchema,
    // Sold out is toggled on its own route (sold-out-routes.ts), by the counter's staff too.
    patch: ItemSchema.omit({ id: true, soldOut: true, soldOutAt: true })
      .extend({ optionGroupIds: ItemGroupIds })
      .partial(),
    create: ItemSchema.omit({ id: true, soldOut: true, soldOutAt: true }).extend({
      unit: z.string().max(20).default(""),
      active: z.boolean().default(true),
      optionGroupIds: ItemGroupIds.default([]),
    }),
    label: "menu item (VAT-inclusive price in đồng)",
  },
  areas: {
    entry: AreaSchema,
    patch: AreaSchema.omit({ id: true }).partial(),
    create: AreaSchema.omit({ id: true }).extend({ sortOrder: SortOrder.default(0) }),
    label: "floor area",
  },
  tables: {
    entry: TableSchema,
    patch: TableSchema.omit({ id: true }).partial(),
    create: TableSchema.omit({ id: true }).extend({ sortOrder: SortOrder.default(0) }),
    label: "table",
  },
  optionGroups: {
    entry: OptionGroupSchema,
    patch: GroupPatch,
    create: GroupInput,
    label: "shared option group (a size: minChoices 1, maxChoices 1; toppings: minChoices 0)",
  },
} as const;

/**
 * The catalog (menu and floor): everyone of a store reads it, managers and owners edit it.
 * Each change takes a server sequence number, so stations pull it, and is announced live.
 */
export function registerCatalogRoutes(app: HttpService, context: ServerContext): void {
  app.get(
    "/api/catalog",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["catalog"],
        summary: "The store's catalog: store, categories, items, areas, tables, printers, option groups",
        querystring: StoreQuery,
        response: { 200: CatalogSnapshotSchema, ...refusals },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const store = chooseStore(caller, request.query.storeId);
      const snapshot = await context.storage.read(catalogSnapshot(store.id));
      if (!snapshot) throw new ServerError("NOT_FOUND", `store ${store.id}`);
      return snapshot;
    },
  );

  for (const kind of Object.keys(KINDS) as CatalogKind[]) registerKind(app, context, kind);
}

function registerKind(app: HttpService, context: ServerContext, kind: CatalogKind): void {
  const { entry, create, patch, label } = KINDS[kind];
  const path = `/api/catalog/${kind}`;

  const readEntry = async (storeId: string, id: string) => {
    const snapshot = await context.storage.read(catalogSnapshot(storeId));
    const found = (snapshot?.[kind] ?? []).find((candidate) => candidate.id === id);
    if (!found) throw new ServerError("NOT_FOUND", `${kind} ${id}`);
    return found;
  };

  /**
   * The fields as stored: a group's new options get their ids; an item's groups must be the
   * store's (NOT_FOUND), and a group's minimum at most its maximum once patched (VALIDATION).
   */
  const checkedFields = async (storeId: string, fields: CatalogFields): Promise<CatalogFields> => {
    if (kind === "optionGroups" && Array.isArray(fields.options)) {
      const options = (fields.options as { id?: string }[]).map((option) => ({
        ...option,
        id: option.id ?? context.newId(),
      }));
      if (new Set(options.map((option) => option.id)).size !== options.length) {
        throw new ServerError("VALIDATION_FAILED", "each option once");
      }
      return { ...fields, options };
    }
    if (kind === "items" && Array.isArray(fields.optionGroupIds)) {
      const held = new Set((await context.storage.read(optionGroupsOf(storeId))).map((group) => group.id));
      const missing = (fields.optionGroupIds as string[]).find((id) => !held.has(id));
      if (missing) throw new ServerError("NOT_FOUND", `option group ${missing}`);
    }
    return fields;
  };

  /** The caller's store holding this entry; another store's entries are NOT_FOUND. */
  const entryStore = async (caller: Parameters<typeof callerStore>[0], id: string) => {
    const storeId = await context.storage.read(catalogEntryStore(kind, id));
    if (!storeId) throw new ServerError("NOT_FOUND", `${kind} ${id}`);
    return callerStore(caller, storeId);
  };

  app.post(
    path,
    {
      config: { access: { permission: "catalog.edit" } },
      schema: {
        tags: ["catalog"],
        summary: `Create a ${label}`,
        body: create.extend({ storeId: Id.optional() }),
        response: { 201: entry, ...refusals },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const { storeId, ...body } = request.body as CatalogFields & { storeId?: string };
      const store = chooseStore(caller, storeId);
      const fields = await checkedFields(store.id, body);
      const id = context.newId();
      await context.storage.write(
        createCatalogEntry({ kind, id, tenantId: store.tenantId, storeId: store.id, fields }),
      );
      return reply.status(201).send(await readEntry(store.id, id));
    },
  );

  app.patch(
    `${path}/:id`,
    {
      config: { access: { permission: "catalog.edit" } },
      schema: {
        tags: ["catalog"],
        summary: `Change a ${label}`,
        params: IdParams,
        body: patch,
        response: { 200: entry, ...refusals },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const store = await entryStore(caller, request.params.id);
      const fields = await checkedFields(store.id, request.body as CatalogFields);
      await context.storage.write(
        updateCatalogEntry({ kind, id: request.params.id, storeId: store.id, fields }),
      );
      return readEntry(store.id, request.params.id);
    },
  );

  app.delete(
    `${path}/:id`,
    {
      config: { access: { permission: "catalog.edit" } },
      schema: {
        tags: ["catalog"],
        summary: `Delete a ${label} (409 IN_USE while anything is filed under it)`,
        params: IdParams,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const store = await entryStore(caller, request.params.id);
      await context.storage.write(deleteCatalogEntry({ kind, id: request.params.id, storeId: store.id }));
      return reply.status(204).send(null);
    },
  );
}
