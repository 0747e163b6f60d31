import { can } from "@quay/core";
import {
  opKnownAt,
  protocolMismatch,
  pushRequestCheck,
  pushResponseCheck,
  SYNC_CALLS,
  syncRoute,
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

const CONTACT_EVERY_MS = 30_000;

/** A station speaking a version outside the range the server accepts is told which side is too old. */
function checkProtocol(version: number): void {
  const mismatch = protocolMismatch(version, "station", "server");
  if (mismatch) throw new ServerError(mismatch.code, mismatch.message);
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

  const { register, push, pull, events } = SYNC_CALLS;
  app.post(
    register.url,
    syncRoute(register, {
      tags: ["sync"],
      summary:
        "Bind a station to a store (user token of its owner, manager or cashier; a known station needs an owner or a manager); answers its device token",
    }),
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
    push.url,
    {
      // The access ("device") is checked on request, so nobody but a station gets to send up to
      // 32 MiB (`guardRoutes`).
      ...syncRoute(push, {
        tags: ["sync"],
        summary: "Store a batch of ops idempotently, all or nothing (device token); answers the ids now held",
      }),
      validatorCompiler: pushValidatorCompiler,
      serializerCompiler: pushSerializerCompiler,
    },
    async (request) => {
      const device = stationOf(request);
      checkProtocol(request.body.protocolVersion);
      return context.storage.writeTask("push", {
        station: device.station,
        store: device.store,
        ops: request.body.ops,
        shiftOps: request.body.shiftOps ?? [],
        pending: request.body.pending,
        follows: request.body.follows,
        now: nowIso(context),
      });
    },
  );

  app.get(
    pull.url,
    syncRoute(pull, {
      tags: ["sync"],
      summary:
        "What changed in the station's store after `cursor`: others' ops, catalog, users (device token)",
    }),
    async (request) => {
      const device = stationOf(request);
      await noteContact(device.station.id);
      const result = await context.storage.read(
        pullChanges({
          storeId: device.store.id,
          stationId: device.station.id,
          cursor: request.query.cursor,
          limit: request.query.limit,
        }),
      );
      // A station too old to parse an op's kind never gets it (its cursor moves past it all the same).
      const ops = result.ops.filter((op) => opKnownAt(op, request.query.protocolVersion));
      return { ...result, ops, serverTime: nowIso(context) };
    },
  );

  app.get(
    events.url,
    syncRoute(events, {
      tags: ["sync"],
      summary: "Server-Sent Events: `changed {cursor}` whenever the station's store moves (device token)",
    }),
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
