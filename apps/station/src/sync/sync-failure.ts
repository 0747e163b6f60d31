import { ServerRejectedError, ServerUnreachableError } from "./server-client.js";

/** The sync engine stopped its work because the server is no longer reachable. */
export class ServerLostError extends Error {
  override readonly name = "ServerLostError";
}

/** Why a round of sync failed, as the engine reacts to it. */
export type SyncFailure =
  /** The link was dropped on purpose (the monitor lost the server): nothing more to do. */
  | { readonly kind: "lost" }
  /** A request did not get through: the monitor hears of it, and the round is tried again. */
  | { readonly kind: "unreachable"; readonly reason: "timeout" | "network" }
  /** The server no longer accepts the device token. */
  | { readonly kind: "deviceRejected" }
  /** Anything else: the server refused (with its code) or the station failed; retried with a backoff. */
  | { readonly kind: "failed"; readonly code: string };

export function classifyFailure(error: unknown): SyncFailure {
  if (error instanceof ServerLostError) return { kind: "lost" };
  if (error instanceof ServerUnreachableError) {
    return error.reason === "aborted" ? { kind: "lost" } : { kind: "unreachable", reason: error.reason };
  }
  if (error instanceof ServerRejectedError) {
    return error.status === 401 ? { kind: "deviceRejected" } : { kind: "failed", code: error.code };
  }
  return { kind: "failed", code: "SYNC_FAILED" };
}
