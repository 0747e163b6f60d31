import { ServerError } from "../server-errors.js";
import { UniqueViolationError } from "../storage/server-storage.js";

/** A write refused by a unique key (a store code, a username, a printer's name) is 409 ALREADY_EXISTS. */
export function rethrowTaken(error: unknown): never {
  if (error instanceof UniqueViolationError) throw new ServerError("ALREADY_EXISTS", error.message);
  throw error;
}
