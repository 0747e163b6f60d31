import { join } from "node:path";
import { ensurePrivateDir, preparePrivateDatabase } from "@quay/service-kit";
import Database from "better-sqlite3";
import { MIGRATIONS } from "./migrations.js";

export type StationDatabase = Database.Database;

/** The file the station keeps everything in, under its data directory. */
export const DATABASE_FILE = "station.sqlite";

/**
 * Opens (creating if needed) the station's SQLite file in WAL mode, with every pending migration
 * applied in one transaction each. Commits are `synchronous=NORMAL` (durable when the process
 * dies, e.g. kill -9); payments and closes commit with `synchronous=FULL` (see `durably`), which
 * also makes every earlier commit in the WAL survive a power cut. The folder is created 0700 and
 * the files 0600: they hold the session secret, the device token and the staff's hashes.
 */
export function openDatabase(dataDir: string): StationDatabase {
  ensurePrivateDir(dataDir);
  const file = join(dataDir, DATABASE_FILE);
  preparePrivateDatabase(file);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  migrate(db);
  return db;
}

function migrate(db: StationDatabase): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    const sql = MIGRATIONS[version] ?? "";
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

/** Runs `work` (which commits a transaction) with `synchronous=FULL`: fsynced before it returns. */
export function durably<T>(db: StationDatabase, work: () => T): T {
  db.pragma("synchronous = FULL");
  try {
    return work();
  } finally {
    db.pragma("synchronous = NORMAL");
  }
}
