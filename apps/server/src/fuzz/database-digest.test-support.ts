import { join } from "node:path";
import { type DatabaseDigest, sqliteDigest } from "@quay/service-kit/fuzz";
import pg from "pg";
import { SQLITE_FILE_NAME } from "../storage/open-storage.js";
import type { TestDatabase } from "../test-support/engines.test-support.js";

/**
 * What the digest leaves out, and why. Columns: every push and pull records when the station
 * was last heard from and what it reported still holding, even one that adds nothing else (a
 * replayed push). Rows: the server sequence (SQLite keeps it in `server_meta`, PostgreSQL as a
 * sequence, which no table read sees): a push takes numbers for all its ops before it knows which
 * are new, and PostgreSQL does not give numbers back on a rollback; a number taken and not used
 * leaves a gap in the cursor, which the protocol allows. Tables: `auth_attempts`, the throttle's
 * count of wrong passwords and PINs (docs/security.md, "Throttling"), which a refused login or
 * PIN must write (that is its job) and a right one clears. Everything else is read.
 */
export const DIGEST_SKIPS: Readonly<Record<string, readonly string[]>> = {
  stations: ["last_seen_at", "pending_open", "pending_paid", "refused_orders"],
};
const DIGEST_SKIPPED_TABLES: ReadonlySet<string> = new Set(["auth_attempts"]);
const DIGEST_ROWS: Readonly<Record<string, string>> = { server_meta: "key <> 'seq'" };
const where = (table: string) => (DIGEST_ROWS[table] ? ` WHERE ${DIGEST_ROWS[table]}` : "");

/** Hashes of every table of the server's database, each read in primary-key order. */
export async function openDigest(db: TestDatabase): Promise<DatabaseDigest> {
  return db.engine === "sqlite"
    ? sqliteDigest(join(db.processEnv.args[1] ?? "", SQLITE_FILE_NAME), {
        tables: DIGEST_SKIPPED_TABLES,
        columns: DIGEST_SKIPS,
        rows: DIGEST_ROWS,
      })
    : postgresDigest(db.processEnv.env.DATABASE_URL ?? "");
}

async function postgresDigest(url: string): Promise<DatabaseDigest> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const columns = await client.query<{ table_name: string; column_name: string }>(
    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
  );
  const keys = await client.query<{ table_name: string; column_name: string }>(
    `SELECT c.relname AS table_name, a.attname AS column_name
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) ON true
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE i.indisprimary AND n.nspname = 'public' ORDER BY c.relname, k.position`,
  );
  const byTable = new Map<string, { kept: string[]; key: string[] }>();
  for (const { table_name: table, column_name: column } of columns.rows) {
    if (DIGEST_SKIPPED_TABLES.has(table)) continue;
    const entry = byTable.get(table) ?? { kept: [], key: [] };
    if (!DIGEST_SKIPS[table]?.includes(column)) entry.kept.push(column);
    byTable.set(table, entry);
  }
  for (const { table_name: table, column_name: column } of keys.rows) byTable.get(table)?.key.push(column);
  const sql = `SELECT ${[...byTable]
    .map(([table, { kept, key }]) => {
      const order = (key.length > 0 ? key : kept).map((column) => `x.${column}`).join(", ");
      return `(SELECT md5(coalesce(string_agg(x::text, E'\\n' ORDER BY ${order}), '')) FROM (SELECT ${kept.join(", ")} FROM ${table}${where(table)}) x) AS ${table}`;
    })
    .join(",\n")}`;
  return {
    async read() {
      const result = await client.query<Record<string, string>>(sql);
      return result.rows[0] ?? {};
    },
    async close() {
      await client.end();
    },
  };
}
