import { z } from "zod";
import { Id, Role } from "./common.js";

/**
 * A user as a station caches it for offline login. `passwordHash` and `pinHash` use the
 * `scrypt$N$r$p$saltBase64$hashBase64` format of `@quay/auth`; plain secrets never travel.
 */
export const CredentialEntrySchema = z.object({
  userId: Id,
  username: z.string().min(1).max(64),
  name: z.string().max(120),
  role: Role,
  passwordHash: z.string().startsWith("scrypt$"),
  pinHash: z.string().startsWith("scrypt$").nullable(),
  active: z.boolean(),
});
export type CredentialEntry = z.infer<typeof CredentialEntrySchema>;
