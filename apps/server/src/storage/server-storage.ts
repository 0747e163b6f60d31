import type { ChangeNotice, Script } from "./sql-script.js";
import type { WriteTaskInput, WriteTaskName, WriteTaskResult } from "./write-tasks.js";

export type StorageEngineKind = "sqlite" | "postgres";

export type ChangeListener = (notice: ChangeNotice) => void;

/**
 * The server's storage: one interface, two engines (SQLite, PostgreSQL). What to read and
 * write is written once as scripts (see `sql-script.ts` and `scripts/`); an engine runs each
 * script in one transaction, all or nothing.
 */
export interface ServerStorage {
  readonly engine: StorageEngineKind;
  /** Runs `script` in one read-write transaction; a throw rolls everything back. */
  write<T>(script: Script<T>): Promise<T>;
  /**
   * Runs the write task `name` (`WRITE_TASKS`): the same as `write(WRITE_TASKS[name](input))`,
   * where the engine may run it on another thread and commit it together with others.
   */
  writeTask<N extends WriteTaskName>(name: N, input: WriteTaskInput<N>): Promise<WriteTaskResult<N>>;
  /** Runs `script` in one read-only transaction that sees a single consistent snapshot. */
  read<T>(script: Script<T>): Promise<T>;
  /** Calls `listener` after each committed change is published (across server instances on PostgreSQL). */
  subscribe(listener: ChangeListener): () => void;
  /** Throws unless the database answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A write lost a race on a unique key (a username, a store code…): the caller's 409. */
export class UniqueViolationError extends Error {
  override readonly name = "UniqueViolationError";
}

/**
 * The error a script's caller sees: a UniqueViolationError for a driver error whose `code` is
 * one of the engine's unique-violation codes, any other error as it is.
 */
export function translateDriverError(error: unknown, uniqueViolationCodes: ReadonlySet<string>): unknown {
  if (!(error instanceof Error)) return error;
  const { code } = error as { code?: unknown };
  return typeof code === "string" && uniqueViolationCodes.has(code)
    ? new UniqueViolationError(error.message)
    : error;
}
