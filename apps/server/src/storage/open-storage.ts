import { join } from "node:path";
import { PostgresStorage } from "./postgres/postgres-storage.js";
import type { ServerStorage } from "./server-storage.js";
import { SqliteStorage } from "./sqlite/sqlite-storage.js";

export interface OpenStorageOptions {
  /** PostgreSQL connection string; when absent, SQLite under `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  onListenerError?: (error: unknown) => void;
  onWarning?: (message: string, error: unknown) => void;
}

/** The server's database file name under `--data`. */
export const SQLITE_FILE_NAME = "quay-server.sqlite";

/** Opens the configured engine and brings its schema up to date. */
export async function openStorage(options: OpenStorageOptions): Promise<ServerStorage> {
  const hooks = {
    ...(options.onListenerError ? { onListenerError: options.onListenerError } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
  };
  if (options.databaseUrl) {
    return PostgresStorage.open({ connectionString: options.databaseUrl, ...hooks });
  }
  return new SqliteStorage({ file: join(options.dataDir, SQLITE_FILE_NAME), ...hooks });
}
