import { ErrorBody, Id, StoreSchema } from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import { z } from "zod";
import { callerOf, callerStore } from "../auth/request-auth.js";
import { nowIso, type ServerContext } from "../server-context.js";
import { ServerError } from "../server-errors.js";
import { createStore, storeView, updateStore } from "../storage/scripts/stores.js";
import { getUser, updateUser } from "../storage/scripts/users.js";
import { rethrowTaken } from "./rethrow-taken.js";

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const TimeZone = z.string().refine(isTimeZone, "not an IANA time zone");
// Without their defaults: a patch that leaves a setting out keeps it as it is.
const StorePatchSchema = StoreSchema.omit({ id: true })
  .extend({
    timeZone: TimeZone,
    ticketMaxAgeMinutes: StoreSchema.shape.ticketMaxAgeMinutes.unwrap(),
    printReceipts: StoreSchema.shape.printReceipts.unwrap(),
    taxCode: StoreSchema.shape.taxCode.unwrap(),
    receiptHeader: StoreSchema.shape.receiptHeader.unwrap(),
    receiptFooter: StoreSchema.shape.receiptFooter.unwrap(),
    wifi: StoreSchema.shape.wifi.unwrap(),
    shiftRequired: StoreSchema.shape.shiftRequired.unwrap(),
    discountLimits: StoreSchema.shape.discountLimits.unwrap(),
  })
  .partial();
const StoreInputSchema = StoreSchema.omit({ id: true }).extend({
  timeZone: TimeZone,
  address: z.string().max(300).default(""),
  phone: z.string().max(30).default(""),
  autoSync: z.boolean().default(false),
  bank: StoreSchema.shape.bank.default(null),
});
const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Stores of the caller's tenant: owners open them, owners and managers set them up. */
export function registerStoreRoutes(app: HttpService, context: ServerContext): void {
  app.get(
    "/api/stores",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["stores"],
        summary: "The caller's stores",
        response: { 200: z.object({ stores: z.array(StoreSchema) }), ...refusals },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      return { stores: caller.stores.map(storeView) };
    },
  );

  app.post(
    "/api/stores",
    {
      config: { access: { permission: "stores.create" } },
      schema: {
        tags: ["stores"],
        summary: "Open a new store in the owner's tenant",
        body: StoreInputSchema,
        response: { 201: StoreSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const id = context.newId();
      const store = await context.storage
        .write(createStore({ id, tenantId: caller.user.tenantId, store: request.body, now: nowIso(context) }))
        .catch(rethrowTaken);
      // The owner who opened it works there too (owners see every store of the tenant anyway).
      const owner = await context.storage.read(getUser(caller.user.id));
      if (owner) await context.storage.write(updateUser(owner.id, { storeIds: [...owner.storeIds, id] }));
      return reply.status(201).send(storeView(store));
    },
  );

  app.patch(
    "/api/stores/:id",
    {
      config: { access: { permission: "stores.edit" } },
      schema: {
        tags: ["stores"],
        summary:
          "Change a store's details (name, address, phone, tax code, time zone, auto-sync, the bank account VietQR pays into), what its receipts print (receiptHeader, receiptFooter, wifi), its printing settings (ticketMaxAgeMinutes, printReceipts), whether its counters take payments only in an open cash shift (shiftRequired), and how big a discount a cashier and a waiter may give alone (discountLimits)",
        params: z.object({ id: Id }),
        body: StorePatchSchema,
        response: { 200: StoreSchema, ...refusals },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const current = callerStore(caller, request.params.id);
      const patch = Object.fromEntries(
        Object.entries(request.body).filter(([, value]) => value !== undefined),
      );
      const { id: _id, tenantId: _tenant, ...fields } = { ...current, ...patch };
      const updated = await context.storage.write(updateStore(current.id, fields)).catch(rethrowTaken);
      if (!updated) throw new ServerError("NOT_FOUND", `store ${current.id}`);
      return storeView(updated);
    },
  );
}
