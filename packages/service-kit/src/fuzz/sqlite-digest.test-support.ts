/**
 * Test support, not shipped code: the digest both fuzzers take of a service's SQLite file before
 * and after a refused call (the server's SQLite engine and the station's file are read the same way).
 */
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import type { Digest } from "./contract-fuzz.test-support.js";

/** What a digest leaves out; each service says why in its own test support. */
export interface DigestSkips {
  /** Tables not read at all. */
  readonly tables?: ReadonlySet<string>;
  /** Columns not read, by table. */
  readonly columns?: Readonly<Record<string, readonly string[]>>;
  /** A `WHERE` condition on the rows read, by table. */
  readonly rows?: Readonly<Record<string, string>>;
}

/** A digest kept open on one database: `read` hashes it again, `close` lets it go. */
export interface DatabaseDigest {
  read(): Promise<Digest>;
  close(): Promise<void>;
}

/**
 * Hashes of every table of the SQLite file at `file` (its own `sqlite_` tables and `skips` left
 * out), each table's rows read in primary-key order, or in column order where it has no key.
 */
export function sqliteDigest(file: string, skips: DigestSkips = {}): DatabaseDigest {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
    .filter(({ name }) => !skips.tables?.has(name))
    .map(({ name }) => {
      const columns = db.prepare<[], { name: string; pk: number }>(`PRAGMA table_info(${name})`).all();
      const kept = columns
        .filter((column) => !skips.columns?.[name]?.includes(column.name))
        .map((column) => column.name);
      const key = columns
        .filter((column) => column.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((column) => column.name);
      const where = skips.rows?.[name] ? ` WHERE ${skips.rows[name]}` : "";
      const order = (key.length > 0 ? key : kept).join(", ");
      return {
        name,
        rows: db.prepare(`SELECT ${kept.join(", ")} FROM ${name}${where} ORDER BY ${order}`).raw(),
      };
    });
  return {
    async read() {
      const digest: Record<string, string> = {};
      for (const { name, rows } of tables) {
        digest[name] = createHash("sha256").update(JSON.stringify(rows.all())).digest("base64");
      }
      return digest;
    },
    async close() {
      db.close();
    },
  };
}
