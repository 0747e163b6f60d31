import { ErrorBody, Id, StationViewSchema } from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import { z } from "zod";
import { callerOf, callerStore, callerStoreIds } from "../auth/request-auth.js";
import type { ServerContext } from "../server-context.js";
import { ServerError } from "../server-errors.js";
import { getStation, listStations, setStationActive } from "../storage/scripts/stations.js";

/** A station not heard from for this long is shown offline. */
export const ONLINE_WITHIN_MS = 90_000;
const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** The back office's view of the counter stations: last contact and what they still have to sync. */
export function registerStationRoutes(app: HttpService, context: ServerContext): void {
  app.get(
    "/api/stations",
    {
      config: { access: { permission: "stations.manage" } },
      schema: {
        tags: ["stations"],
        summary: "Stations of the caller's stores, with their last contact and unsynced work",
        querystring: z.object({ storeId: Id.optional() }),
        response: { 200: z.object({ stations: z.array(StationViewSchema) }), ...refusals },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const storeIds = callerStoreIds(caller, request.query.storeId);
      const stations = await context.storage.read(listStations(storeIds));
      const now = context.clock.now();
      return {
        stations: stations.map(({ tenantId: _tenant, pending, ...station }) => ({
          ...station,
          pending: pending && { ...pending, refused: [...(pending.refused ?? [])] },
          online:
            station.active &&
            station.lastSeenAt !== null &&
            now - Date.parse(station.lastSeenAt) <= ONLINE_WITHIN_MS,
        })),
      };
    },
  );

  app.delete(
    "/api/stations/:id",
    {
      config: { access: { permission: "stations.manage" } },
      schema: {
        tags: ["stations"],
        summary: "Revoke a station: its device token stops working; it must register again",
        params: z.object({ id: Id }),
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const station = await context.storage.read(getStation(request.params.id));
      if (!station) throw new ServerError("NOT_FOUND", `station ${request.params.id}`);
      callerStore(caller, station.storeId);
      await context.storage.write(setStationActive(station.id, false));
      await context.sessions.revokeAllOf("device", station.id);
      return reply.status(204).send(null);
    },
  );
}
