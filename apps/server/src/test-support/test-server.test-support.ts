import { randomFillSync } from "node:crypto";
import { fixedClock, uuidV7Generator } from "@quay/core";
import { PROTOCOL_VERSION } from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import { buildServer } from "../server.js";
import type { ServerStorage } from "../storage/server-storage.js";
import type { TestDatabase, TestEngine } from "./engines.test-support.js";
import { PASSWORD, seedWorld, type World, type WorldStore, type WorldUser } from "./world.test-support.js";

/** An answer as a test reads it: the status and the parsed JSON body (unchecked). */
export interface Answer<T> {
  readonly status: number;
  readonly body: T;
  readonly headers: Record<string, string | string[] | number | undefined>;
}

export interface ErrorAnswerBody {
  error: { code: string; message: string };
}

/** A body that is either the answer or an error; tests check `status` to know which. */
export type OrError<T> = T & ErrorAnswerBody;

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is, with a JSON content type (broken JSON, huge bodies). */
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
  /** The client's address, as `request.ip` sees it (inject's default: 127.0.0.1). */
  remoteAddress?: string;
}

/** The moment test clocks start: 2026-11-28 10:00 in Ho Chi Minh City. */
export const TEST_START = Date.parse("2026-11-28T03:00:00.000Z");

/** A server on a fresh database of `engine`, seeded with the two tenants of `World`, driven by `inject`. */
export class TestServer {
  private constructor(
    public app: HttpService,
    public storage: ServerStorage,
    readonly db: TestDatabase,
    readonly clock: ReturnType<typeof fixedClock>,
    readonly world: World,
  ) {}

  static async start(engine: TestEngine): Promise<TestServer> {
    const db = await engine.fresh();
    const storage = await db.open();
    const clock = fixedClock(TEST_START);
    const newId = uuidV7Generator(clock, (length) => randomFillSync(new Uint8Array(length)));
    const app = await buildServer({ storage, clock, newId, logLevel: "silent", webDist: null });
    const world = await seedWorld(storage, newId, new Date(TEST_START).toISOString());
    return new TestServer(app, storage, db, clock, world);
  }

  /** Stops and starts the server on the same database (a restart; nothing kept in memory). */
  async restart(): Promise<void> {
    await this.app.close();
    await this.storage.close();
    this.storage = await this.db.open();
    const newId = uuidV7Generator(this.clock, (length) => randomFillSync(new Uint8Array(length)));
    this.app = await buildServer({
      storage: this.storage,
      clock: this.clock,
      newId,
      logLevel: "silent",
      webDist: null,
    });
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.storage.close();
  }

  async call<T = ErrorAnswerBody>(
    method: string,
    url: string,
    options: CallOptions = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | Buffer | undefined;
    if (options.rawBody !== undefined) payload = options.rawBody;
    else if (options.body !== undefined) payload = JSON.stringify(options.body);
    if (payload !== undefined) headers["content-type"] ??= "application/json";
    const response = await this.app.inject({
      method: method as "GET",
      url,
      headers,
      ...(payload === undefined ? {} : { payload }),
      ...(options.remoteAddress === undefined ? {} : { remoteAddress: options.remoteAddress }),
    });
    const text = response.body;
    let body: unknown = text;
    if (text && (response.headers["content-type"] ?? "").toString().includes("json")) body = JSON.parse(text);
    return { status: response.statusCode, body: body as T, headers: response.headers };
  }

  /** Logs a world user in; resolves to their bearer token. */
  async login(user: WorldUser): Promise<string> {
    const answer = await this.call<{ token: string }>("POST", "/api/login", {
      body: { username: this.world.users[user].username, password: PASSWORD },
    });
    if (answer.status !== 200)
      throw new Error(`login ${user}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.token;
  }

  /** Registers a station in `store` as `user`; resolves to its id, code and device token. */
  async registerStation(user: WorldUser, store: WorldStore, name = "Quầy 1") {
    const token = await this.login(user);
    const answer = await this.call<{ stationId: string; stationCode: string; deviceToken: string }>(
      "POST",
      "/api/sync/register",
      { token, body: { protocolVersion: PROTOCOL_VERSION, storeCode: store.code, name } },
    );
    if (answer.status !== 200) throw new Error(`register: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  push(deviceToken: string, ops: readonly unknown[], extra: Record<string, unknown> = {}) {
    return this.call<OrError<{ held: string[]; cursor: number }>>("POST", "/api/sync/push", {
      token: deviceToken,
      body: { protocolVersion: PROTOCOL_VERSION, ops, ...extra },
    });
  }

  /** A pull as a station of `protocolVersion` makes it (absent: as stations before version 7 do). */
  pull(deviceToken: string, cursor: number, limit?: number, protocolVersion?: number) {
    const limited = limit === undefined ? `cursor=${cursor}` : `cursor=${cursor}&limit=${limit}`;
    const query = protocolVersion === undefined ? limited : `${limited}&protocolVersion=${protocolVersion}`;
    return this.call<OrError<PullBody>>("GET", `/api/sync/pull?${query}`, { token: deviceToken });
  }

  /** How many rows a table holds (straight from the database). */
  async count(table: string): Promise<number> {
    const rows = await this.db.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`);
    return Number(rows[0]?.n ?? 0);
  }
}

export interface PullBody {
  cursor: number;
  more: boolean;
  ops: { id: string; orderId: string; deviceId: string; kind: string }[];
  catalog: { store: { code: string }; items: { id: string; name: string; price: number }[] } | null;
  users: { username: string; role: string; active: boolean; passwordHash: string }[] | null;
  serverTime: string;
}
