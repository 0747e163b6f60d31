import type { Clock, Op } from "@quay/core";
import { can } from "@quay/core";
import { opKnownAt, protocolMismatch, SYNC_CALLS, syncRoute } from "@quay/protocol";
import { type HttpService, openEventStream } from "@quay/service-kit";
import type { StationDb } from "../db/station-db.js";
import { StationError } from "../errors.js";
import { sessionOf, spokeOf } from "../http/request-session.js";
import type { SoldOutService } from "../selling/sold-out-service.js";
import { type HubAnnouncer, hubPullPage } from "./hub-feed.js";
import type { HubIntake } from "./hub-intake.js";
import type { SpokeRegistry } from "./spoke-registry.js";

/**
 * What a spoke's registration at a hub answers as its code: a spoke keeps the code the cloud gave
 * it (its invoice numbers carry it); the hub hands out none.
 */
export const SPOKE_CODE_AT_HUB = "SPOKE";

export interface HubRouteDeps {
  readonly db: StationDb;
  readonly spokes: SpokeRegistry;
  readonly intake: HubIntake;
  readonly announcer: HubAnnouncer;
  /** The hub's best time (its clock corrected by the cloud's), for `serverTime`. */
  readonly clock: Clock;
  /** Applies and relays a spoke's sold-out toggles. */
  readonly soldOut: SoldOutService;
  /** Spokes' ops were stored (committed): show them, relay them, tell the other spokes. */
  onPushed(orderIds: readonly string[]): void;
}

function checkProtocol(version: number): void {
  const mismatch = protocolMismatch(version, "spoke", "hub");
  if (mismatch) throw new StationError(mismatch.code, mismatch.message);
}

/**
 * The hub tier (docs/sync-protocol.md, "The hub tier"): the cloud's sync calls, on the same
 * paths and with the same wire schemas, served for this station's store from its own op log, so
 * a spoke's `ServerClient` speaks to its hub as to the cloud.
 */
export function registerHubRoutes(app: HttpService, deps: HubRouteDeps): void {
  const { db, spokes } = deps;

  const { register, push, pull, events, soldOut } = SYNC_CALLS;
  app.post(
    register.url,
    syncRoute(register, {
      tags: ["hub"],
      summary:
        "Make a counter a spoke of this hub (a staff session here; a known spoke needs an owner or a manager); answers its device token at this hub",
    }),
    async (request) => {
      const { user } = sessionOf(request);
      checkProtocol(request.body.protocolVersion);
      const identity = db.identity();
      if (!identity) throw new StationError("NOT_PROVISIONED", "a hub must have synced once");
      const { stationId, storeCode, name } = request.body;
      if (storeCode !== undefined && storeCode.trim().toUpperCase() !== identity.store.code)
        throw new StationError("NOT_FOUND", `store ${storeCode} is not this hub's`);
      // A spoke is a station of the cloud first: its id is what its ops carry.
      if (stationId === undefined) throw new StationError("VALIDATION_FAILED", "stationId is required");
      if (stationId === identity.stationId) throw new StationError("FORBIDDEN", "the hub itself");
      // Its id is no secret: taking over a known spoke's token is for an owner or a manager.
      if (spokes.isKnown(stationId) && !can(user.role, "stations.manage"))
        throw new StationError("FORBIDDEN", "re-registering a spoke");
      const deviceToken = spokes.register(stationId, name, user.id);
      request.log.info({ stationId, by: user.id }, "spoke registered");
      return { stationId, stationCode: SPOKE_CODE_AT_HUB, deviceToken, store: identity.store };
    },
  );

  app.post(
    push.url,
    syncRoute(push, {
      tags: ["hub"],
      summary: "A spoke's ops, stored idempotently, all or nothing, and relayed to the cloud (device token)",
    }),
    async (request) => {
      const spoke = spokeOf(request);
      checkProtocol(request.body.protocolVersion);
      const result = deps.intake.accept(spoke.stationId, request.body.ops as Op[]);
      if (result.touched.length > 0) deps.onPushed(result.touched);
      return { held: result.held, cursor: result.cursor };
    },
  );

  app.get(
    pull.url,
    syncRoute(pull, {
      tags: ["hub"],
      summary: "What changed at this hub after `cursor`: others' ops, catalog, users (device token)",
    }),
    async (request) => {
      const spoke = spokeOf(request);
      const serverTime = new Date(deps.clock.now()).toISOString();
      const page = hubPullPage(db, spoke.stationId, request.query.cursor, request.query.limit, serverTime);
      // A spoke too old to parse an op's kind never gets it (its cursor moves past it all the same).
      return { ...page, ops: page.ops.filter((op) => opKnownAt(op, request.query.protocolVersion)) };
    },
  );

  app.post(
    soldOut.url,
    syncRoute(soldOut, {
      tags: ["hub"],
      summary:
        "A spoke's sold-out toggles, each applied when later than the item's last and relayed to the cloud (device token)",
    }),
    async (request) => {
      spokeOf(request);
      checkProtocol(request.body.protocolVersion);
      // As the cloud checks a station's: each toggle names an active user allowed to make it.
      for (const mark of request.body.marks) {
        const user = db.credentials.findByUserId(mark.userId);
        if (!user?.active || !can(user.role, "items.soldOut"))
          throw new StationError("FORBIDDEN", `user ${mark.userId} may not mark items sold out`);
      }
      deps.soldOut.takeFromSpoke(request.body.marks);
      return { cursor: db.hubLog.head() };
    },
  );

  app.get(
    events.url,
    syncRoute(events, {
      tags: ["hub"],
      summary: "Server-Sent Events: `changed {cursor}` whenever this hub's log moves (device token)",
    }),
    async (request, reply) => {
      spokeOf(request);
      const stream = openEventStream(request, reply);
      deps.announcer.follow(stream);
      await stream.closed;
    },
  );
}
