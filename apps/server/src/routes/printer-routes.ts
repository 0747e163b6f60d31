import { ErrorBody, Id, PrinterAddress, PrinterSchema } from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import { z } from "zod";
import type { UserPrincipal } from "../auth/principal.js";
import { callerOf, callerStore, chooseStore } from "../auth/request-auth.js";
import type { ServerContext } from "../server-context.js";
import { ServerError } from "../server-errors.js";
import {
  createPrinter,
  deletePrinter,
  listPrinters,
  type PrinterFields,
  printerStore,
  updatePrinter,
} from "../storage/scripts/printers.js";
import { rethrowTaken } from "./rethrow-taken.js";

/** Where raw ESC/POS printers listen unless told otherwise (JetDirect / AppSocket). */
export const DEFAULT_PRINTER_PORT = 9100;

/** A printer's address as a client may write it, kept with its port: `tcp://HOST` is port 9100. */
const AddressInput = PrinterAddress.refine((address) => {
  const port = /:(\d+)$/.exec(address.slice("tcp://".length))?.[1];
  return port === undefined || (Number(port) >= 1 && Number(port) <= 65_535);
}, "port 1–65535").transform((address) =>
  /:\d+$/.test(address.slice("tcp://".length)) ? address : `${address}:${DEFAULT_PRINTER_PORT}`,
);

const PrinterFieldsInput = PrinterSchema.omit({ id: true }).extend({ address: AddressInput });
const PrinterCreate = PrinterFieldsInput.extend({
  storeId: Id.optional(),
  categoryIds: PrinterSchema.shape.categoryIds.default([]),
  width: PrinterSchema.shape.width.default(80),
  vietnamese: PrinterSchema.shape.vietnamese.default("raster"),
  active: PrinterSchema.shape.active.default(true),
});
const PrinterPatch = PrinterFieldsInput.partial();

const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const IdParams = z.object({ id: Id });
const access = { permission: "printers.manage" } as const;

/**
 * The store's kitchen and receipt printers: owners and managers set them up here, the store's
 * stations print to them (they get them with the catalog on their next pull).
 */
export function registerPrinterRoutes(app: HttpService, context: ServerContext): void {
  const readPrinter = async (storeId: string, id: string) => {
    const printers = await context.storage.read(listPrinters(storeId));
    const found = printers.find((printer) => printer.id === id);
    if (!found) throw new ServerError("NOT_FOUND", `printer ${id}`);
    return found;
  };

  /** The caller's store holding this printer; another store's printers are NOT_FOUND. */
  const printersStore = async (caller: UserPrincipal, id: string) => {
    const storeId = await context.storage.read(printerStore(id));
    if (!storeId) throw new ServerError("NOT_FOUND", `printer ${id}`);
    return callerStore(caller, storeId);
  };

  app.get(
    "/api/printers",
    {
      config: { access },
      schema: {
        tags: ["printers"],
        summary: "The store's printers, inactive ones too (stations get only the active ones)",
        querystring: z.object({ storeId: Id.optional() }),
        response: { 200: z.object({ printers: z.array(PrinterSchema) }), ...refusals },
      },
    },
    async (request) => {
      const store = chooseStore(callerOf(request), request.query.storeId);
      return { printers: await context.storage.read(listPrinters(store.id)) };
    },
  );

  app.post(
    "/api/printers",
    {
      config: { access },
      schema: {
        tags: ["printers"],
        summary:
          "Add a printer (tcp://HOST[:PORT], port 9100 by default); categoryIds must be the store's (400 UNKNOWN_CATEGORY)",
        body: PrinterCreate,
        response: { 201: PrinterSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const { storeId, ...fields } = request.body;
      const store = chooseStore(callerOf(request), storeId);
      const id = context.newId();
      await context.storage
        .write(createPrinter({ id, tenantId: store.tenantId, storeId: store.id, fields }))
        .catch(rethrowTaken);
      return reply.status(201).send(await readPrinter(store.id, id));
    },
  );

  app.patch(
    "/api/printers/:id",
    {
      config: { access },
      schema: {
        tags: ["printers"],
        summary: "Change a printer; categoryIds, when given, replaces its categories",
        params: IdParams,
        body: PrinterPatch,
        response: { 200: PrinterSchema, ...refusals },
      },
    },
    async (request) => {
      const store = await printersStore(callerOf(request), request.params.id);
      const fields = Object.fromEntries(
        Object.entries(request.body).filter(([, value]) => value !== undefined),
      ) as Partial<PrinterFields>;
      await context.storage
        .write(updatePrinter({ id: request.params.id, tenantId: store.tenantId, storeId: store.id, fields }))
        .catch(rethrowTaken);
      return readPrinter(store.id, request.params.id);
    },
  );

  app.delete(
    "/api/printers/:id",
    {
      config: { access },
      schema: {
        tags: ["printers"],
        summary: "Delete a printer: the store's stations stop printing to it after their next pull",
        params: IdParams,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      const store = await printersStore(callerOf(request), request.params.id);
      await context.storage.write(deletePrinter({ id: request.params.id, storeId: store.id }));
      return reply.status(204).send(null);
    },
  );
}
