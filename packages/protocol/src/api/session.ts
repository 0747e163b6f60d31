import { z } from "zod";
import { Id, IsoTime, Role } from "../wire/common.js";

/** `POST /api/login` on both services (API.md). */
export const LoginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
  /**
   * Station only: `online` checks with the server, `offline` with the cached credentials; left
   * out (a phone, which speaks to the cloud and a station alike), online while the server answers,
   * else offline.
   */
  mode: z.enum(["online", "offline"]).optional(),
});

export const SessionUserSchema = z.object({ id: Id, username: z.string(), name: z.string(), role: Role });
/** A store the signed-in person works in, as the login lists it. */
export const StoreRefSchema = z.object({ id: Id, code: z.string(), name: z.string() });
/**
 * Which side answered: `cloud` (the server) or `shop` (a station on the shop's network), so the
 * waiter's phone, which works on either with the same calls, can say where it is.
 */
export const ServiceNetworkSchema = z.enum(["cloud", "shop"]);
export type ServiceNetwork = z.infer<typeof ServiceNetworkSchema>;
export const LoginResponseSchema = z.object({
  token: z.string(),
  user: SessionUserSchema,
  expiresAt: IsoTime,
  /** Station only: the mode the session was opened in. */
  mode: z.enum(["online", "offline"]).optional(),
});
/**
 * What both services' logins answer: the session, the stores it works in (a station's one store,
 * the user's on the cloud) and which side answered. A caller that needs only the session (a
 * station logging in at the cloud or at its hub) reads `LoginResponseSchema`, which an older
 * service's answer also passes.
 */
export const ServiceLoginResponseSchema = LoginResponseSchema.extend({
  stores: z.array(StoreRefSchema),
  network: ServiceNetworkSchema,
});
export type SessionUser = z.infer<typeof SessionUserSchema>;
