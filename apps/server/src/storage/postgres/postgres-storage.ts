import pg from "pg";
import { ChangeListeners } from "../change-listeners.js";
import { driveScript } from "../drive-script.js";
import { migrate } from "../migration.js";
import { multiRowInsert } from "../multi-row-insert.js";
import { type Dialect, schemaMigrations } from "../schema.js";
import { type ChangeListener, type ServerStorage, translateDriverError } from "../server-storage.js";
import type { ChangeNotice, InsertedRows, Row, Script, SqlRequest } from "../sql-script.js";
import {
  runWriteTask,
  type WriteTaskInput,
  type WriteTaskName,
  type WriteTaskResult,
} from "../write-tasks.js";
import { toPostgresPlaceholders } from "./placeholders.js";

/**
 * Where committed changes are announced to every server instance (docs/architecture.md,
 * "Storage and scale").
 */
const CHANNEL = "quay_changes";
const INT8_OID = 20;
const NUMERIC_OID = 1700;
/** PostgreSQL takes at most 65,535 parameters per statement. */
const MAX_PARAMS = 60_000;
const MAX_ROWS_PER_INSERT = 2_000;
const LISTEN_RETRY_MS = 1_000;
const UNIQUE_VIOLATIONS: ReadonlySet<string> = new Set(["23505"]);
/** Instances starting together take turns to migrate. */
const BEGIN_MIGRATION = "BEGIN; SELECT pg_advisory_xact_lock(hashtext('quay-server-migrations'))";

const POSTGRES_DIALECT: Dialect = {
  bigint: "BIGINT",
  tableOptions: "",
  createServerSequence: "CREATE SEQUENCE server_seq;",
  makeTablesStrict: "", // PostgreSQL checks column types already
};
const POSTGRES_MIGRATIONS = schemaMigrations(POSTGRES_DIALECT);

// Sequences, money and counts fit in a double: read BIGINT and NUMERIC as numbers.
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID || oid === NUMERIC_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PostgresStoreOptions {
  connectionString: string;
  /** Connections in the pool. */
  poolSize?: number;
  onListenerError?: (error: unknown) => void;
  /** Problems of the LISTEN connection (it reconnects by itself). */
  onWarning?: (message: string, error: unknown) => void;
}

/**
 * The PostgreSQL engine. A script runs on one pooled client inside BEGIN … COMMIT. Writers of
 * one store are serialised by locking the store's row first (`lockStores`), so the sequence
 * numbers a store's changes get become visible in increasing order and a cursor never skips one.
 * Change notices go through NOTIFY, so every instance behind a load balancer hears every change.
 */
export class PostgresStorage implements ServerStorage {
  readonly engine = "postgres";
  readonly #pool: pg.Pool;
  readonly #listeners: ChangeListeners;
  readonly #options: PostgresStoreOptions;
  #listenClient: pg.Client | null = null;
  #closing = false;
  #retryTimer: NodeJS.Timeout | null = null;

  private constructor(options: PostgresStoreOptions) {
    this.#options = options;
    this.#pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      types,
    });
    // An idle client that loses its connection must not crash the process.
    this.#pool.on("error", (error) => options.onWarning?.("idle PostgreSQL client failed", error));
    this.#listeners = new ChangeListeners(options.onListenerError ?? (() => {}));
  }

  /** Connects, runs pending migrations and starts listening for change notices. */
  static async open(options: PostgresStoreOptions): Promise<PostgresStorage> {
    const storage = new PostgresStorage(options);
    try {
      await storage.#transact(migrate(POSTGRES_MIGRATIONS, POSTGRES_DIALECT.tableOptions), BEGIN_MIGRATION);
      await storage.#listen();
    } catch (error) {
      await storage.close();
      throw error;
    }
    return storage;
  }

  write<T>(script: Script<T>): Promise<T> {
    return this.#transact(script, "BEGIN");
  }

  writeTask<N extends WriteTaskName>(name: N, input: WriteTaskInput<N>): Promise<WriteTaskResult<N>> {
    return this.write(runWriteTask(name, input));
  }

  read<T>(script: Script<T>): Promise<T> {
    return this.#transact(script, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  }

  subscribe(listener: ChangeListener): () => void {
    return this.#listeners.add(listener);
  }

  async ping(): Promise<void> {
    await this.#pool.query("SELECT 1");
  }

  async close(): Promise<void> {
    this.#closing = true;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    const listenClient = this.#listenClient;
    this.#listenClient = null;
    await listenClient?.end().catch(() => {});
    await this.#pool.end();
  }

  async #transact<T>(script: Script<T>, begin: string): Promise<T> {
    const client = await this.#pool.connect();
    let broken = false;
    try {
      await client.query(begin);
      const result = await driveScript(script, (request) => execute(client, request));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
      throw translateDriverError(error, UNIQUE_VIOLATIONS);
    } finally {
      client.release(broken);
    }
  }

  async #listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#options.connectionString, types });
    client.on("notification", (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      this.#listeners.emit(JSON.parse(message.payload) as ChangeNotice);
    });
    client.on("error", (error) => {
      this.#options.onWarning?.("PostgreSQL LISTEN connection lost; reconnecting", error);
      this.#listenClient = null;
      client.end().catch(() => {});
      this.#scheduleListen();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.#listenClient = client;
  }

  #scheduleListen(): void {
    if (this.#closing || this.#retryTimer) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      this.#listen().catch((error: unknown) => {
        this.#options.onWarning?.("PostgreSQL LISTEN reconnect failed", error);
        this.#scheduleListen();
      });
    }, LISTEN_RETRY_MS);
  }
}

async function execute(client: pg.PoolClient, request: SqlRequest): Promise<unknown> {
  switch (request.kind) {
    case "all":
      return (await client.query(toPostgresPlaceholders(request.sql), [...request.params])).rows;
    case "run":
      return (await client.query(toPostgresPlaceholders(request.sql), [...request.params])).rowCount ?? 0;
    case "exec":
      await client.query(request.sql);
      return undefined;
    case "insertMany": {
      const width = request.rows[0]?.length ?? 1;
      const rowsPerStatement = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMS / width)));
      const rows: Row[] = [];
      let changes = 0;
      for (let start = 0; start < request.rows.length; start += rowsPerStatement) {
        const chunk = request.rows.slice(start, start + rowsPerStatement);
        const result = await client.query(multiRowInsert(request.sql, chunk.length, "$n"), chunk.flat());
        rows.push(...result.rows);
        changes += result.rowCount ?? 0;
      }
      return { rows, changes } satisfies InsertedRows;
    }
    case "nextSeqs": {
      const result = await client.query<{ seq: number }>(
        "SELECT nextval('server_seq') AS seq FROM generate_series(1, $1::int)",
        [request.count],
      );
      return result.rows.map((row) => row.seq).sort((a, b) => a - b);
    }
    case "lockStores": {
      const list = request.storeIds.map((_, index) => `$${index + 1}`).join(", ");
      await client.query(`SELECT id FROM stores WHERE id IN (${list}) ORDER BY id FOR UPDATE`, [
        ...request.storeIds,
      ]);
      return undefined;
    }
    case "publish":
      // Delivered by PostgreSQL when (and only if) the transaction commits.
      await client.query("SELECT pg_notify($1, $2)", [CHANNEL, JSON.stringify(request.notice)]);
      return undefined;
  }
}
