import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { openStorage, SQLITE_FILE_NAME } from "../storage/open-storage.js";
import type { ServerStorage } from "../storage/server-storage.js";

/** A database a test owns: open the server's store on it, or reach it with raw SQL. */
export interface TestDatabase {
  readonly engine: "sqlite" | "postgres";
  /** Opens the server's storage on this database (again, to simulate a restart). */
  open(): Promise<ServerStorage>;
  /** Runs SQL directly on the database, around the server (fault injection, counting rows). */
  query<Row = Record<string, unknown>>(sql: string): Promise<Row[]>;
  /** What `DATABASE_URL` / `--data` the real `quay-server` needs for this database. */
  readonly processEnv: { args: string[]; env: Record<string, string> };
}

/** One storage engine the whole suite runs on. */
export interface TestEngine {
  readonly name: "sqlite" | "postgres";
  /** A fresh, empty database. */
  fresh(): Promise<TestDatabase>;
  /** Drops whatever `fresh` created. */
  dispose(): Promise<void>;
}

/**
 * Always SQLite; PostgreSQL too when `TEST_DATABASE_URL` names a server to create databases on.
 * Under CI (`CI=true`) that variable is required: a run that left PostgreSQL out must not pass.
 */
export function testEngines(): TestEngine[] {
  const engines: TestEngine[] = [sqliteEngine()];
  const url = process.env.TEST_DATABASE_URL;
  if (url) engines.push(postgresEngine(url));
  else if (process.env.CI === "true") {
    throw new Error(
      "TEST_DATABASE_URL is not set, so the PostgreSQL suites cannot run (CI=true: not skipping them)",
    );
  }
  return engines;
}

function sqliteEngine(): TestEngine {
  const dirs: string[] = [];
  return {
    name: "sqlite",
    async fresh() {
      const dir = mkdtempSync(join(tmpdir(), "quay-server-test-"));
      dirs.push(dir);
      return {
        engine: "sqlite",
        open: () => openStorage({ dataDir: dir }),
        async query<Row>(sql: string) {
          const db = new Database(join(dir, SQLITE_FILE_NAME));
          try {
            const statement = db.prepare(sql);
            if (statement.reader) return statement.all() as Row[];
            statement.run();
            return [];
          } finally {
            db.close();
          }
        },
        processEnv: { args: ["--data", dir], env: {} },
      };
    },
    async dispose() {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * PostgreSQL: one database per test file, created on the server at `adminUrl`; every `fresh`
 * after the first empties it (faster than creating another). Dropped by `dispose`.
 */
function postgresEngine(adminUrl: string): TestEngine {
  let databaseUrl: string | null = null;
  let databaseName: string | null = null;
  const withClient = async <T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const database = (url: string): TestDatabase => ({
    engine: "postgres",
    open: () => openStorage({ databaseUrl: url, dataDir: "" }),
    query: async <Row>(sql: string) =>
      withClient(url, async (client) => (await client.query(sql)).rows as Row[]),
    processEnv: { args: ["--data", tmpdir()], env: { DATABASE_URL: url } },
  });
  return {
    name: "postgres",
    async fresh() {
      if (databaseUrl === null) {
        const name = `quay_test_${randomBytes(6).toString("hex")}`;
        await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
        const url = new URL(adminUrl);
        url.pathname = `/${name}`;
        databaseName = name;
        databaseUrl = url.toString();
        return database(databaseUrl);
      }
      await withClient(databaseUrl, async (client) => {
        const tables = await client.query<{ tablename: string }>(
          "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'",
        );
        if (tables.rows.length > 0) {
          await client.query(`TRUNCATE ${tables.rows.map((row) => row.tablename).join(", ")}`);
        }
        const triggers = await client.query<{ tgname: string; relname: string }>(
          `SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal`,
        );
        for (const trigger of triggers.rows)
          await client.query(`DROP TRIGGER ${trigger.tgname} ON ${trigger.relname}`);
      });
      return database(databaseUrl);
    },
    async dispose() {
      if (databaseName === null) return;
      const name = databaseName;
      databaseName = null;
      databaseUrl = null;
      await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
