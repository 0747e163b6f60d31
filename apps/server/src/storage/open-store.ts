import { join } from "node:path";
import { PostgresStore } from "./postgres/postgres-store.js";
import type { ServerStore } from "./server-store.js";
import { SqliteStore } from "./sqlite/sqlite-store.js";

export interface OpenStoreOptions {
  /** PostgreSQL connection string; when absent, SQLite under `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  onListenerError?: (error: unknown) => void;
  onWarning?: (message: string, error: unknown) => void;
}

/** The server's database file name under `--data`. */
export const SQLITE_FILE_NAME = "quay-server.sqlite";

/** Opens the configured engine and brings its schema up to date. */
export async function openStore(options: OpenStoreOptions): Promise<ServerStore> {
  const hooks = {
    ...(options.onListenerError ? { onListenerError: options.onListenerError } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
  };
  if (options.databaseUrl) {
    return PostgresStore.open({ connectionString: options.databaseUrl, ...hooks });
  }
  return new SqliteStore({ file: join(options.dataDir, SQLITE_FILE_NAME), ...hooks });
}
