import type { ErrorSubject } from "@quay/service-kit";
import { ServerError, type ServerErrorCode } from "../../server-errors.js";

/** An error as it crosses from the writer thread: what its catcher on the other side reads. */
export interface CarriedError {
  readonly message: string;
  /** A driver error's code (`SQLITE_CONSTRAINT_UNIQUE`…). */
  readonly code?: string;
  /** A refusal of the storage scripts, rebuilt as the same `ServerError`. */
  readonly refusal?: {
    readonly code: ServerErrorCode;
    readonly detail?: string;
    readonly about: ErrorSubject;
  };
}

export function carryError(error: unknown): CarriedError {
  if (error instanceof ServerError) {
    const prefix = `${error.code}: `;
    const detail = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : undefined;
    return {
      message: error.message,
      refusal: { code: error.code, about: error.about, ...(detail === undefined ? {} : { detail }) },
    };
  }
  const { message, code } = error as { message?: unknown; code?: unknown };
  return { message: String(message ?? error), ...(typeof code === "string" ? { code } : {}) };
}

export function reviveError(carried: CarriedError): Error {
  const { refusal } = carried;
  if (refusal) return new ServerError(refusal.code, refusal.detail, refusal.about);
  return Object.assign(new Error(carried.message), carried.code === undefined ? {} : { code: carried.code });
}
