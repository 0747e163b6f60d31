import { can } from "@quay/core";
import {
  ErrorBody,
  MAX_PUSH_BYTES,
  MIN_SUPPORTED_PROTOCOL,
  PROTOCOL_VERSION,
  PullQuerySchema,
  PullResponseSchema,
  PushRequestSchema,
  PushResponseSchema,
  protocolRefusal,
  pushRequestCheck,
  pushResponseCheck,
  RegisterStationRequestSchema,
  RegisterStationResponseSchema,
  SILENT_PULL_VERSION,
} from "@quay/protocol";
import { type HttpService, openEventStream } from "@quay/service-kit";
import type { FastifySchemaCompiler, FastifySerializerCompiler } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { callerOf, chooseStore, stationOf } from "../auth/request-auth.js";
import { nowIso, type ServerContext } from "../server-context.js";
import { ServerError } from "../server-errors.js";
import { registerStation, touchStation } from "../storage/scripts/stations.js";
import { storeHead } from "../storage/scripts/store-changes.js";
import { storeView } from "../storage/scripts/stores.js";
import { pullChanges } from "../storage/scripts/sync-pull.js";
import { pushOps } from "../storage/scripts/sync-push.js";

const CONTACT_EVERY_MS = 30_000;

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody };

/** A station speaking a version outside the range the server accepts is told which side is too old. */
function checkProtocol(version: number): void {
  const refusal = protocolRefusal(version);
  if (refusal === null) return;
  throw new ServerError(
    refusal,
    `station speaks ${version}, server ${MIN_SUPPORTED_PROTOCOL}–${PROTOCOL_VERSION}`,
  );
}

/**
 * Takes a push body as it is when the protocol's check compiled from the schema says the schema
 * would return it unchanged, and parses it with the schema otherwise: the same value (or the
 * schema's error) at a fraction of the cost for a catch-up push of thousands of ops.
 */
const pushValidatorCompiler: FastifySchemaCompiler<unknown> = (route) => {
  const bySchema = validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);
  if (route.httpPart !== "body") return bySchema;
  const isUnchanged = pushRequestCheck();
  return (data) => (isUnchanged(data) ? { value: data } : bySchema(data));
};

/** Writes a push's answer (thousands of held ids) the same way: the schema only when in doubt. */
const pushSerializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  const bySchema = serializerCompiler(route as Parameters<typeof serializerCompiler>[0]);
  if (String(route.httpStatus) !== "200") return bySchema;
  const isUnchanged = pushResponseCheck();
  return (data) => (isUnchanged(data) ? JSON.stringify(data) : bySchema(data));
};

/** The station ↔ server sync endpoints (docs/sync-protocol.md). */
export function registerSyncRoutes(app: HttpService, context: ServerContext): void {
  // Pulls come often: record a station's contact on them at most every 30 s.
  const lastContact = new Map<string, number>();
  const noteContact = async (stationId: string) => {
    const now = context.clock.now();
    if (now - (lastContact.get(stationId) ?? 0) < CONTACT_EVERY_MS) return;
    lastContact.set(stationId, now);
    await context.storage.write(touchStation(stationId, nowIso(context), undefined));
  };

  app.post(
    "/api/sync/register",
    {
      config: { access: { permission: "stations.register" } },
      schema: {
        tags: ["sync"],
        summary:
          "Bind a station to a store (user token of its owner, manager or cashier; a known station needs an owner or a manager); answers its device token",
        body: RegisterStationRequestSchema,
        response: { 200: RegisterStationResponseSchema, 404: ErrorBody, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      checkProtocol(request.body.protocolVersion);
      const { storeCode } = request.body;
      const store =
        storeCode === undefined
          ? chooseStore(caller, undefined)
          : caller.stores.find((candidate) => candidate.code === storeCode.trim().toUpperCase());
      if (!store) throw new ServerError("NOT_FOUND", `store ${storeCode} is not the caller's`);
      const station = await context.storage.write(
        registerStation({
          tenantId: store.tenantId,
          storeId: store.id,
          knownId: request.body.stationId,
          mayReclaim: can(caller.user.role, "stations.manage"),
          newId: context.newId(),
          name: request.body.name,
          now: nowIso(context),
        }),
      );
      const issued = await context.sessions.issueForStation(station);
      request.log.info(
        { stationId: station.id, storeId: store.id, code: station.code },
        "station registered",
      );
      return {
        stationId: station.id,
        stationCode: station.code,
        deviceToken: issued.token,
        store: storeView(store),
      };
    },
  );

  app.post(
    "/api/sync/push",
    {
      bodyLimit: MAX_PUSH_BYTES,
      validatorCompiler: pushValidatorCompiler,
      serializerCompiler: pushSerializerCompiler,
      // Checked on request, so nobody but a station gets to send up to 32 MiB (`guardRoutes`).
      config: { access: "device" },
      schema: {
        tags: ["sync"],
        summary: "Store a batch of ops idempotently, all or nothing (device token); answers the ids now held",
        body: PushRequestSchema,
        response: { 200: PushResponseSchema, 413: ErrorBody, ...errors },
      },
    },
    async (request) => {
      const device = stationOf(request);
      checkProtocol(request.body.protocolVersion);
      const result = await context.storage.write(
        pushOps({
          station: device.station,
          store: device.store,
          ops: request.body.ops,
          pending: request.body.pending,
          now: nowIso(context),
        }),
      );
      return { held: result.held, cursor: result.cursor };
    },
  );

  app.get(
    "/api/sync/pull",
    {
      config: { access: "device" },
      schema: {
        tags: ["sync"],
        summary:
          "What changed in the station's store after `cursor`: others' ops, catalog, users (device token)",
        querystring: PullQuerySchema,
        response: { 200: PullResponseSchema, ...errors },
      },
    },
    async (request) => {
      const device = stationOf(request);
      await noteContact(device.station.id);
      const result = await context.storage.read(
        pullChanges({
          storeId: device.store.id,
          stationId: device.station.id,
          cursor: request.query.cursor,
          limit: request.query.limit,
          protocolVersion: request.query.protocolVersion ?? SILENT_PULL_VERSION,
        }),
      );
      return { ...result, serverTime: nowIso(context) };
    },
  );

  app.get(
    "/api/sync/events",
    {
      config: { access: "device" },
      schema: {
        tags: ["sync"],
        summary: "Server-Sent Events: `changed {cursor}` whenever the station's store moves (device token)",
      },
    },
    async (request, reply) => {
      const device = stationOf(request);
      const head = await context.storage.read(storeHead(device.store.id));
      const stream = openEventStream(request, reply);
      context.live.watchAsStation(device.store.id, stream);
      // A station that just connected may have missed changes: tell it where the store is.
      stream.send("changed", { cursor: head });
    },
  );
}
