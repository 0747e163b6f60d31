import http from "node:http";
import https from "node:https";
import {
  LoginResponseSchema,
  PROTOCOL_VERSION,
  PullResponseSchema,
  PushResponseSchema,
  RegisterStationResponseSchema,
  type SoldOutMark,
  SoldOutResponseSchema,
} from "@quay/protocol";
import type { z } from "zod";

/** The server could not be reached at all: refused, reset, timed out, DNS… */
export class ServerUnreachableError extends Error {
  override readonly name = "ServerUnreachableError";
  constructor(
    readonly reason: "timeout" | "aborted" | "network",
    detail: string,
  ) {
    super(`server unreachable (${reason}): ${detail}`);
  }
}

/** The server answered, with an error status. */
export class ServerRejectedError extends Error {
  override readonly name = "ServerRejectedError";
  constructor(
    readonly status: number,
    readonly code: string,
    /** The server's own words for it, when it said any. */
    readonly serverMessage: string | null = null,
    /** When the server said to try again (`Retry-After`, seconds), for a 429. */
    readonly retryAfterSeconds: number | null = null,
    /** The order and op a refused push was refused for, when the server named them. */
    readonly about: { readonly orderId?: string; readonly opId?: string } = {},
  ) {
    super(`server answered ${status} ${code}`);
  }
}

export interface RequestOptions {
  token?: string | undefined;
  body?: string | undefined;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

export type PullResponse = z.infer<typeof PullResponseSchema>;
export type PushResponse = z.infer<typeof PushResponseSchema>;
export type RegisterResponse = z.infer<typeof RegisterStationResponseSchema>;

/** Timeouts, in milliseconds: short enough that a black-holed link is noticed quickly. */
export const TIMEOUTS = { health: 800, login: 4_000, push: 15_000, pull: 10_000 } as const;

/** The station's client for the server's HTTP API (login, register, push, pull, events). */
export class ServerClient {
  /**
   * Pushes keep their own connections (fetch keeps its own for the rest); idle ones are unref'd,
   * and closed after a minute, before the server would close them (Fastify: 72 s) under a push.
   */
  readonly #pushAgent: http.Agent;

  /** Called with the server's time whenever an answer carries it (pulls): see ServerClock. */
  onServerTime: (serverMs: number) => void = () => {};

  constructor(readonly baseUrl: string) {
    const secure = new URL(baseUrl).protocol === "https:";
    const options = { keepAlive: true, timeout: 60_000 };
    this.#pushAgent = secure ? new https.Agent(options) : new http.Agent(options);
  }

  /** Resolves to the response, whatever its status; rejects only when the server is unreachable. */
  async send(method: string, path: string, options: RequestOptions): Promise<Response> {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    const headers: Record<string, string> = { accept: "application/json" };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers["content-type"] = "application/json";
    try {
      return await fetch(new URL(path, this.baseUrl), {
        method,
        headers,
        body: options.body ?? null,
        signal,
      });
    } catch (error) {
      throw unreachable(error, timeout);
    }
  }

  /** Sends, reads the JSON body and parses it with `schema`; non-2xx answers throw ServerRejectedError. */
  async json<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    options: RequestOptions,
  ): Promise<z.infer<S>> {
    const response = await this.send(method, path, options);
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      if (!response.ok) throw new ServerRejectedError(response.status, "UNREADABLE");
      throw unreachable(error, options.signal);
    }
    if (!response.ok) throw rejected(response.status, body, retryAfterSeconds(response.headers));
    return schema.parse(body);
  }

  /** Probes `GET /healthz`: "ok", "timeout" (no answer in time) or "error" (refused, reset, not 2xx). */
  async probe(timeoutMs: number = TIMEOUTS.health): Promise<"ok" | "timeout" | "error"> {
    try {
      const response = await this.send("GET", "/healthz", { timeoutMs });
      await response.arrayBuffer();
      return response.ok ? "ok" : "error";
    } catch (error) {
      return error instanceof ServerUnreachableError && error.reason === "timeout" ? "timeout" : "error";
    }
  }

  login(username: string, password: string) {
    return this.json("POST", "/api/login", LoginResponseSchema, {
      body: JSON.stringify({ username, password }),
      timeoutMs: TIMEOUTS.login,
    });
  }

  register(userToken: string, input: { storeCode?: string; stationId?: string; name: string }) {
    return this.json("POST", "/api/sync/register", RegisterStationResponseSchema, {
      token: userToken,
      body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, ...input }),
      timeoutMs: TIMEOUTS.login,
    });
  }

  /**
   * `body` is the push request already serialised (ops go out as stored). `onSent` is called once
   * the whole body has been handed to the operating system: from then on the station may keep
   * its event loop busy without holding the body back. (fetch cannot say when; node:http can.)
   */
  async push(
    deviceToken: string,
    body: Uint8Array,
    signal?: AbortSignal,
    onSent: () => void = () => {},
  ): Promise<PushResponse> {
    const timeout = AbortSignal.timeout(TIMEOUTS.push);
    const url = new URL("/api/sync/push", this.baseUrl);
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const failed = (error: unknown) => reject(unreachable(error, timeout));
      const request = (url.protocol === "https:" ? https : http).request(
        url,
        {
          method: "POST",
          agent: this.#pushAgent,
          signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
          headers: {
            accept: "application/json",
            authorization: `Bearer ${deviceToken}`,
            "content-type": "application/json",
            "content-length": body.length,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", failed);
          response.on("end", () =>
            resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
          );
          response.on("close", () => {
            if (!response.complete) failed(new Error("the connection closed before the answer ended"));
          });
        },
      );
      request.on("error", failed);
      request.end(body, onSent);
    });
    const ok = status >= 200 && status < 300;
    let answer: unknown;
    try {
      answer = JSON.parse(text);
    } catch (error) {
      if (!ok) throw new ServerRejectedError(status, "UNREADABLE");
      throw unreachable(error, signal);
    }
    if (!ok) throw rejected(status, answer);
    return PushResponseSchema.parse(answer);
  }

  /** Sends sold-out toggles (`POST /api/sync/sold-out`); answers the receiver's head. */
  soldOut(deviceToken: string, marks: readonly SoldOutMark[], signal?: AbortSignal) {
    return this.json("POST", "/api/sync/sold-out", SoldOutResponseSchema, {
      token: deviceToken,
      body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, marks }),
      timeoutMs: TIMEOUTS.push,
      signal,
    });
  }

  async pull(
    deviceToken: string,
    cursor: number,
    limit: number,
    signal?: AbortSignal,
  ): Promise<PullResponse> {
    const page = await this.json(
      "GET",
      `/api/sync/pull?cursor=${cursor}&limit=${limit}&protocolVersion=${PROTOCOL_VERSION}`,
      PullResponseSchema,
      {
        token: deviceToken,
        timeoutMs: TIMEOUTS.pull,
        signal,
      },
    );
    this.onServerTime(Date.parse(page.serverTime));
    return page;
  }
}

function unreachable(error: unknown, timeout: AbortSignal | undefined): ServerUnreachableError {
  const detail = error instanceof Error ? `${error.message}${causeOf(error)}` : String(error);
  if (timeout?.aborted && timeout.reason instanceof DOMException && timeout.reason.name === "TimeoutError") {
    return new ServerUnreachableError("timeout", detail);
  }
  if (error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError")) {
    return new ServerUnreachableError(error.name === "TimeoutError" ? "timeout" : "aborted", detail);
  }
  return new ServerUnreachableError("network", detail);
}

function causeOf(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? ` (${cause.message})` : "";
}

/** The server's `{ error: { code, message } }` answer as an error; "UNKNOWN" when it is not one. */
function rejected(status: number, body: unknown, retryAfter: number | null = null): ServerRejectedError {
  const error = typeof body === "object" && body !== null && "error" in body ? body.error : null;
  if (typeof error !== "object" || error === null || !("code" in error) || typeof error.code !== "string") {
    return new ServerRejectedError(status, "UNKNOWN", null, retryAfter);
  }
  const text = (key: string) =>
    key in error && typeof (error as Record<string, unknown>)[key] === "string"
      ? (error as Record<string, string>)[key]
      : undefined;
  const orderId = text("orderId");
  const opId = text("opId");
  return new ServerRejectedError(status, error.code, text("message") ?? null, retryAfter, {
    ...(orderId === undefined ? {} : { orderId }),
    ...(opId === undefined ? {} : { opId }),
  });
}

/** `Retry-After` in seconds (the server never sends the date form); null when absent or unreadable. */
function retryAfterSeconds(headers: Headers): number | null {
  const header = headers.get("retry-after");
  const seconds = header === null || header.trim() === "" ? Number.NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}
