import { StationConnectionsSchema, type StationRole } from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import { isLoopback } from "../http/lan-exposure.js";
import { callerIfAny } from "../http/request-session.js";
import type { SpokeRegistry } from "../hub/spoke-registry.js";
import type { ConnectionLog } from "./connection-log.js";

/** Where this station is on the shop's network. */
export interface ShopPlace {
  readonly role: StationRole;
  /** Its addresses there now; none unless bound for the LAN (`--lan`). */
  addresses(): readonly string[];
  /** The port it listens on, once it does. */
  port(): number | null;
}

/** The waiter app on this station at each of its shop addresses: what the QR code opens. */
export function waiterAppUrls(place: ShopPlace): string[] {
  const port = place.port();
  return port === null ? [] : place.addresses().map((address) => `http://${address}:${port}/m/`);
}

/**
 * What the cashier sees connected to this station (issue 10, "the cashier screen shows which
 * phones and counters are connected"): each call a spoke or another machine's session makes is
 * noted, and `GET /api/connections` lists them with the QR code's target.
 */
export function registerConnectionRoutes(
  app: HttpService,
  deps: { place: ShopPlace; spokes: SpokeRegistry; log: ConnectionLog },
): void {
  // After the route guard (onRequest), before the handler: a live stream counts when it opens.
  app.addHook("preHandler", async (request) => {
    const { session, spoke } = callerIfAny(request);
    if (spoke) deps.log.sawSpoke(spoke.stationId);
    else if (session && !isLoopback(request.ip)) deps.log.sawPhone(session, request.ip);
  });

  app.get(
    "/api/connections",
    {
      config: { access: "signed-in" },
      schema: {
        summary:
          "This station on the shop's network: the waiter app's URLs (the QR code), the counters and phones connected",
        response: { 200: StationConnectionsSchema },
      },
    },
    async () => ({
      role: deps.place.role,
      waiterAppUrls: waiterAppUrls(deps.place),
      spokes: deps.spokes
        .list()
        .map((spoke) => ({ ...spoke, lastSeenAt: deps.log.spokeLastSeen(spoke.stationId) })),
      phones: deps.log.phones(),
    }),
  );
}
