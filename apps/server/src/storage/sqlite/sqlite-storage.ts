import { dirname } from "node:path";
import { ensurePrivateDir, preparePrivateDatabase } from "@quay/service-kit";
import Database from "better-sqlite3";
import { ChangeListeners } from "../change-listeners.js";
import { driveScript } from "../drive-script.js";
import { migrate } from "../migration.js";
import { multiRowInsert } from "../multi-row-insert.js";
import { type Dialect, schemaMigrations } from "../schema.js";
import { type ChangeListener, type ServerStorage, translateDriverError } from "../server-storage.js";
import type { ChangeNotice, Script, SqlRequest, SqlValue } from "../sql-script.js";
import { makeTablesStrict } from "./strict-tables.js";
import { WalCheckpointer } from "./wal-checkpointer.js";

/** Parameters bind one by one, or a row at a time as arrays (better-sqlite3 flattens them). */
type Statement = Database.Statement<(SqlValue | readonly SqlValue[])[], Record<string, SqlValue>>;

const STATEMENT_CACHE_SIZE = 400;
/** Tuples per multi-row INSERT: fewer statement calls, and far below SQLite's 32,766 parameters. */
const ROWS_PER_INSERT = 100;
const DO_NOTHING = /\bON\s+CONFLICT\b[^;]*\bDO\s+NOTHING\b/i;
/**
 * Log pages after which a commit checkpoints by itself (SQLite's default is 1,000): a backstop
 * for when the background checkpointer falls behind.
 */
const WAL_AUTOCHECKPOINT_PAGES = 10_000;
const UNIQUE_VIOLATIONS: ReadonlySet<string> = new Set([
  "SQLITE_CONSTRAINT_UNIQUE",
  "SQLITE_CONSTRAINT_PRIMARYKEY",
]);

/** SQLite's words of the schema: STRICT tables, the server sequence kept in a row of `server_meta`. */
export const SQLITE_DIALECT: Dialect = {
  bigint: "INTEGER",
  tableOptions: " STRICT",
  createServerSequence: "INSERT INTO server_meta (key, value) VALUES ('seq', '0');",
  makeTablesStrict,
};
const SQLITE_MIGRATIONS = schemaMigrations(SQLITE_DIALECT);

export interface SqliteStoreOptions {
  /** The database file; `:memory:` for a throw-away database. */
  file: string;
  onListenerError?: (error: unknown) => void;
  onWarning?: (message: string, error: unknown) => void;
}

/**
 * The SQLite engine (better-sqlite3, WAL). A script runs to completion synchronously inside one
 * transaction, so nothing else can interleave; commits are durable (`synchronous=FULL`) because
 * a station forgets an op once the server says it holds it.
 */
export class SqliteStorage implements ServerStorage {
  readonly engine = "sqlite";
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Statement>();
  /** The multi-row form of each `ON CONFLICT … DO NOTHING` insert, by its single-row SQL. */
  readonly #multiRowStatements = new Map<string, Statement>();
  readonly #execute = (request: SqlRequest): unknown => this.#executeRequest(request);
  readonly #listeners: ChangeListeners;
  readonly #checkpointer: WalCheckpointer | undefined;
  #pendingNotices: ChangeNotice[] = [];

  constructor(options: SqliteStoreOptions) {
    if (options.file !== ":memory:") {
      // It holds the token secret and every password hash: this user's eyes only.
      ensurePrivateDir(dirname(options.file));
      preparePrivateDatabase(options.file);
    }
    this.#db = new Database(options.file);
    this.#db.pragma("journal_mode = WAL");
    this.#db.pragma("synchronous = FULL");
    this.#db.pragma("busy_timeout = 5000");
    // A statement that may abort half-way (an upsert of many rows) keeps what it would undo in a
    // journal of its own: in memory, not written to a temporary file and deleted again.
    this.#db.pragma("temp_store = MEMORY");
    this.#listeners = new ChangeListeners(options.onListenerError ?? (() => {}));
    // Off while migrating: a table rebuild drops tables others refer to (and checks the keys itself).
    this.#db.pragma("foreign_keys = OFF");
    try {
      this.#transact(migrate(SQLITE_MIGRATIONS, SQLITE_DIALECT.tableOptions), "immediate");
    } catch (error) {
      this.#db.close();
      throw error;
    }
    this.#db.pragma("foreign_keys = ON");
    if (options.file !== ":memory:") {
      // Commits append to the log; a worker thread moves the pages into the database file.
      this.#db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
      this.#checkpointer = new WalCheckpointer(options.file, (error) => {
        this.#db.pragma("wal_autocheckpoint = 1000");
        options.onWarning?.("background checkpoints failed; commits checkpoint again", error);
      });
    }
  }

  write<T>(script: Script<T>): Promise<T> {
    return this.#settle(script, "immediate");
  }

  read<T>(script: Script<T>): Promise<T> {
    return this.#settle(script, "deferred");
  }

  subscribe(listener: ChangeListener): () => void {
    return this.#listeners.add(listener);
  }

  async ping(): Promise<void> {
    this.#db.prepare("SELECT 1").get();
  }

  async close(): Promise<void> {
    await this.#checkpointer?.stop();
    if (this.#db.open) this.#db.close();
  }

  #settle<T>(script: Script<T>, mode: "immediate" | "deferred"): Promise<T> {
    try {
      return Promise.resolve(this.#transact(script, mode));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  #transact<T>(script: Script<T>, mode: "immediate" | "deferred"): T {
    this.#pendingNotices = [];
    try {
      const result = this.#db.transaction(() => driveScript(script, this.#execute))[mode]();
      if (mode === "immediate") this.#checkpointer?.wrote();
      // State outside the database changes only after the commit.
      const notices = this.#pendingNotices;
      this.#pendingNotices = [];
      for (const notice of notices) this.#listeners.emit(notice);
      return result;
    } catch (error) {
      this.#pendingNotices = [];
      throw translateDriverError(error, UNIQUE_VIOLATIONS);
    }
  }

  #executeRequest(request: SqlRequest): unknown {
    switch (request.kind) {
      case "all":
        return this.#statement(request.sql).all(...request.params);
      case "run":
        return this.#statement(request.sql).run(...request.params).changes;
      case "exec":
        this.#db.exec(request.sql);
        return undefined;
      case "insertMany":
        return this.#insertMany(request.sql, request.rows);
      case "nextSeqs": {
        const row = this.#statement(
          "UPDATE server_meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'seq' RETURNING value",
        ).get(request.count);
        const last = Number(row?.value);
        return Array.from({ length: request.count }, (_, index) => last - request.count + 1 + index);
      }
      case "lockStores":
        return undefined; // BEGIN IMMEDIATE already holds the one write lock
      case "publish":
        this.#pendingNotices.push(request.notice);
        return undefined;
    }
  }

  /**
   * Inserts the rows one by one, except for `ON CONFLICT … DO NOTHING` inserts: those go in
   * statements of ROWS_PER_INSERT tuples (the op log's insert takes less than half the time so).
   * Other multi-row inserts are slower than single rows: a statement that may abort half-way
   * needs a statement journal. Rows go in the order given, so a later row meets an earlier one's
   * conflict as with single-row inserts.
   */
  #insertMany(sql: string, rows: readonly (readonly SqlValue[])[]): Record<string, SqlValue>[] {
    const returned: Record<string, SqlValue>[] = [];
    let start = 0;
    if (rows.length >= ROWS_PER_INSERT && DO_NOTHING.test(sql)) {
      let chunked = this.#multiRowStatements.get(sql);
      if (chunked === undefined) {
        chunked = this.#prepare(multiRowInsert(sql, ROWS_PER_INSERT, "?"));
        this.#multiRowStatements.set(sql, chunked);
      }
      for (; start + ROWS_PER_INSERT <= rows.length; start += ROWS_PER_INSERT) {
        const chunk = rows.slice(start, start + ROWS_PER_INSERT);
        if (chunked.reader) returned.push(...chunked.all(...chunk));
        else chunked.run(...chunk);
      }
    }
    const single = this.#statement(sql);
    for (const row of rows.slice(start)) {
      if (!single.reader) {
        single.run(row);
        continue;
      }
      // A single-row INSERT returns at most one row.
      const inserted = single.get(row);
      if (inserted) returned.push(inserted);
    }
    return returned;
  }

  #statement(sql: string): Statement {
    let statement = this.#statements.get(sql);
    if (statement) {
      // Re-insert to keep the cache in least-recently-used order.
      this.#statements.delete(sql);
    } else {
      statement = this.#prepare(sql);
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) {
        const oldest = this.#statements.keys().next().value;
        if (oldest !== undefined) this.#statements.delete(oldest);
      }
    }
    this.#statements.set(sql, statement);
    return statement;
  }

  #prepare(sql: string): Statement {
    return this.#db.prepare<(SqlValue | readonly SqlValue[])[], Record<string, SqlValue>>(sql);
  }
}
