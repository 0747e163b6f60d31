import { z } from "zod";
import { Id, IsoTime, Role } from "../wire/common.js";

/** `POST /api/login` on both services (API.md). */
export const LoginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
  /** Station only: `online` checks with the server, `offline` with the cached credentials. */
  mode: z.enum(["online", "offline"]).default("online"),
});

export const SessionUserSchema = z.object({ id: Id, username: z.string(), name: z.string(), role: Role });
export const LoginResponseSchema = z.object({
  token: z.string(),
  user: SessionUserSchema,
  expiresAt: IsoTime,
  /** Station only: the mode the session was opened in. */
  mode: z.enum(["online", "offline"]).optional(),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;
