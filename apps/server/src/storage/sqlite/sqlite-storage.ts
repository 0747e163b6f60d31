import { dirname } from "node:path";
import { ensurePrivateDir, preparePrivateDatabase } from "@quay/service-kit";
import Database from "better-sqlite3";
import { ChangeListeners } from "../change-listeners.js";
import { driveScript } from "../drive-script.js";
import { migrate } from "../migration.js";
import { type Dialect, schemaMigrations } from "../schema.js";
import { type ChangeListener, type ServerStorage, translateDriverError } from "../server-storage.js";
import type { ChangeNotice, Script, SqlRequest } from "../sql-script.js";
import {
  runWriteTask,
  type WriteTaskInput,
  type WriteTaskName,
  type WriteTaskResult,
} from "../write-tasks.js";
import { databasePart, prepareWriterConnection, SqliteExecutor } from "./sqlite-executor.js";
import { SqliteWriter } from "./sqlite-writer.js";
import { makeTablesStrict } from "./strict-tables.js";
import { WalCheckpointer } from "./wal-checkpointer.js";

/**
 * Log pages after which a commit checkpoints by itself (SQLite's default is 1,000): a backstop
 * for when the background checkpointer falls behind.
 */
const WAL_AUTOCHECKPOINT_PAGES = 10_000;
/**
 * Pages of a new database file: an order's row (2–3 kB with its view) leaves half of a 4 kB page
 * empty, so at 8 kB a sale takes a sixth fewer bytes (10,000 pushed sales: 84 MB, not 100).
 */
const PAGE_SIZE = 8192;
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
 * The SQLite engine (better-sqlite3, WAL). A read runs to completion synchronously inside one
 * transaction on this thread's connection. Writes to a file go to the writer thread
 * (`SqliteWriter`) in turn: a script is driven from here step by step, the next write beginning as
 * soon as its COMMIT is sent; a write task (`WRITE_TASKS`: a push) goes whole, and the thread
 * commits tasks that arrive together at once. Each is answered once its commit is on disk
 * (`synchronous=FULL`), because a station forgets an op once the server says it holds it. A
 * `:memory:` database writes on this thread.
 */
export class SqliteStorage implements ServerStorage {
  readonly engine = "sqlite";
  readonly #db: Database.Database;
  readonly #executor: SqliteExecutor;
  readonly #writer: SqliteWriter | undefined;
  readonly #listeners: ChangeListeners;
  readonly #checkpointer: WalCheckpointer | undefined;
  /** Settles once the last write queued has sent its COMMIT or ROLLBACK: the next one's turn. */
  #turn: Promise<void> = Promise.resolve();

  constructor(options: SqliteStoreOptions) {
    if (options.file !== ":memory:") {
      // It holds the token secret and every password hash: this user's eyes only.
      ensurePrivateDir(dirname(options.file));
      preparePrivateDatabase(options.file);
    }
    this.#db = new Database(options.file);
    // Takes effect on a new file only (an existing one keeps its size until a VACUUM).
    this.#db.pragma(`page_size = ${PAGE_SIZE}`);
    prepareWriterConnection(this.#db);
    this.#executor = new SqliteExecutor(this.#db);
    this.#listeners = new ChangeListeners(options.onListenerError ?? (() => {}));
    // Off while migrating: a table rebuild drops tables others refer to (and checks the keys itself).
    this.#db.pragma("foreign_keys = OFF");
    try {
      this.#transactHere(migrate(SQLITE_MIGRATIONS, SQLITE_DIALECT.tableOptions), "immediate");
    } catch (error) {
      this.#db.close();
      throw error;
    }
    this.#db.pragma("foreign_keys = ON");
    if (options.file === ":memory:") return;
    this.#writer = new SqliteWriter({ file: options.file, walAutocheckpointPages: WAL_AUTOCHECKPOINT_PAGES });
    // Commits append to the log; another thread moves the pages into the database file.
    this.#checkpointer = new WalCheckpointer(options.file, (error) => {
      const backstop = { kind: "exec", sql: "PRAGMA wal_autocheckpoint = 1000" } as const;
      this.#writer?.call({ kind: "request", request: backstop }).catch(() => undefined);
      options.onWarning?.("background checkpoints failed; commits checkpoint again", error);
    });
  }

  write<T>(script: Script<T>): Promise<T> {
    return this.#writer ? this.#writeOnThread(this.#writer, script) : this.#settleHere(script, "immediate");
  }

  writeTask<N extends WriteTaskName>(name: N, input: WriteTaskInput<N>): Promise<WriteTaskResult<N>> {
    if (!this.#writer) return this.#settleHere(runWriteTask(name, input), "immediate");
    return this.#taskOnThread(this.#writer, name, input);
  }

  read<T>(script: Script<T>): Promise<T> {
    return this.#settleHere(script, "deferred");
  }

  subscribe(listener: ChangeListener): () => void {
    return this.#listeners.add(listener);
  }

  async ping(): Promise<void> {
    this.#db.prepare("SELECT 1").get();
    await this.#writer?.call({ kind: "ping" });
  }

  async close(): Promise<void> {
    await this.#turn; // every write has sent its COMMIT, which the writer runs before it closes
    await this.#writer?.close();
    await this.#checkpointer?.stop();
    if (this.#db.open) this.#db.close();
  }

  async #writeOnThread<T>(writer: SqliteWriter, script: Script<T>): Promise<T> {
    const passTurn = await this.#takeTurn();
    const notices: ChangeNotice[] = [];
    let result: T;
    let committed: Promise<unknown>;
    try {
      await writer.call({ kind: "begin" });
      result = await driveScript(script, (request) => this.#onThread(writer, request, notices));
      committed = writer.call({ kind: "commit" });
    } catch (error) {
      writer.call({ kind: "rollback" }).catch(() => undefined);
      throw translateDriverError(error, UNIQUE_VIOLATIONS);
    } finally {
      passTurn();
    }
    try {
      await committed;
    } catch (error) {
      throw translateDriverError(error, UNIQUE_VIOLATIONS);
    }
    this.#committed(notices);
    return result;
  }

  /** Waits for this write's turn; the next write's turn comes once the returned function is called. */
  async #takeTurn(): Promise<() => void> {
    const previous = this.#turn;
    let passTurn = () => {};
    this.#turn = new Promise((resolve) => {
      passTurn = resolve;
    });
    await previous;
    return passTurn;
  }

  /** A task goes whole to the thread, in its turn; the next write's turn comes at once. */
  async #taskOnThread<N extends WriteTaskName>(
    writer: SqliteWriter,
    name: N,
    input: WriteTaskInput<N>,
  ): Promise<WriteTaskResult<N>> {
    const passTurn = await this.#takeTurn();
    const answer = writer.call({ kind: "task", name, input });
    passTurn();
    let done: { result: WriteTaskResult<N>; notices: ChangeNotice[] };
    try {
      done = (await answer) as typeof done;
    } catch (error) {
      throw translateDriverError(error, UNIQUE_VIOLATIONS);
    }
    this.#committed(done.notices);
    return done.result;
  }

  #onThread(writer: SqliteWriter, request: SqlRequest, notices: ChangeNotice[]): Promise<unknown> {
    const sql = databasePart(request, notices);
    return sql ? writer.call({ kind: "request", request: sql }) : Promise.resolve(undefined);
  }

  #settleHere<T>(script: Script<T>, mode: "immediate" | "deferred"): Promise<T> {
    try {
      return Promise.resolve(this.#transactHere(script, mode));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  #transactHere<T>(script: Script<T>, mode: "immediate" | "deferred"): T {
    const notices: ChangeNotice[] = [];
    const execute = (request: SqlRequest) => this.#executor.handle(request, notices);
    try {
      const result = this.#db.transaction(() => driveScript(script, execute))[mode]();
      if (mode === "immediate") this.#committed(notices);
      return result;
    } catch (error) {
      throw translateDriverError(error, UNIQUE_VIOLATIONS);
    }
  }

  /** State outside the database changes only after the commit. */
  #committed(notices: readonly ChangeNotice[]): void {
    this.#checkpointer?.wrote();
    for (const notice of notices) this.#listeners.emit(notice);
  }
}
