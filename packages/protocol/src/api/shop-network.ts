import { z } from "zod";
import { Id, IsoTime } from "../wire/common.js";

/** How a station serves its shop: the hub (`--lan`, no `--hub`), a spoke (`--hub`), or a lone counter. */
export const STATION_ROLES = ["hub", "spoke", "counter"] as const;
export const StationRole = z.enum(STATION_ROLES);
export type StationRole = z.infer<typeof StationRole>;

/**
 * Whether an IPv4 address is one a phone on the shop's Wi-Fi may be sent to: a private range
 * (RFC 1918) or loopback (one PC, a test). A station reports nothing else, so no station can
 * point the store's phones, and the passes they carry, at an address on the internet.
 */
export function isShopAddress(address: string): boolean {
  const parts = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address)?.slice(1).map(Number);
  if (!parts || parts.some((part) => part > 255)) return false;
  const [a = 0, b = 0] = parts;
  return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

export const ShopAddress = z.string().refine(isShopAddress, "a private or loopback IPv4 address");

/** `PUT /api/stations/self/network` (device token): where the shop's phones reach this station. */
export const StationNetworkReportSchema = z.object({
  role: StationRole,
  /** Its addresses on the shop's network; none for a lone counter. */
  addresses: z.array(ShopAddress).max(8),
  port: z.number().int().min(1).max(65_535),
});
export type StationNetworkReport = z.infer<typeof StationNetworkReportSchema>;

/** The answer: the key hubs check hub passes with (base64 SPKI DER of an Ed25519 public key). */
export const StationNetworkAnswerSchema = z.object({ passKey: z.string().min(1) });

/** `GET /api/stores/:storeId/shop-network`: the store's hubs as they last reported, newest first. */
export const ShopNetworkSchema = z.object({
  hubs: z.array(
    z.object({
      stationId: Id,
      name: z.string(),
      /** `http://<address>:<port>`, one per address. */
      urls: z.array(z.string()),
      reportedAt: IsoTime,
    }),
  ),
});
export type ShopNetwork = z.infer<typeof ShopNetworkSchema>;

/** `POST /api/stores/:storeId/hub-pass`: a pass a hub of the store takes for a session, offline. */
export const HubPassSchema = z.object({ pass: z.string(), expiresAt: IsoTime });

/** `POST /api/login/pass` at a station. */
export const PassLoginRequestSchema = z.object({ pass: z.string().min(1).max(2_000) });

/** `GET /api/connections` at a station: what the cashier's "connected" dialog shows. */
export const StationConnectionsSchema = z.object({
  role: StationRole,
  /** The waiter app on this station, at each of its shop addresses (the QR code's target). */
  waiterAppUrls: z.array(z.string()),
  /** The counters registered here as their hub; `lastSeenAt` null when not heard from since start. */
  spokes: z.array(z.object({ stationId: Id, name: z.string(), lastSeenAt: IsoTime.nullable() })),
  /** Signed-in sessions used from other machines (phones), most recent first. */
  phones: z.array(
    z.object({ userName: z.string(), username: z.string(), address: z.string(), lastSeenAt: IsoTime }),
  ),
});
export type StationConnections = z.infer<typeof StationConnectionsSchema>;
