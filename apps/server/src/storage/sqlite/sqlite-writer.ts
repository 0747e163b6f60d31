import { Worker } from "node:worker_threads";
import type { WriteTaskName } from "../write-tasks.js";
import type { DatabaseRequest } from "./sqlite-executor.js";
import { type CarriedError, reviveError } from "./thread-errors.js";

/** What the writer thread is asked to do, one call at a time, in the order sent. */
export type WriterCall =
  | { readonly kind: "begin" }
  | { readonly kind: "request"; readonly request: DatabaseRequest }
  | { readonly kind: "commit" }
  | { readonly kind: "rollback" }
  /** A write task run whole on the thread: answered `{ result, notices }` once committed. */
  | { readonly kind: "task"; readonly name: WriteTaskName; readonly input: unknown }
  | { readonly kind: "ping" }
  | { readonly kind: "close" };

export type WriterReply =
  | { readonly id: number; readonly value: unknown }
  | { readonly id: number; readonly error: CarriedError };

export interface WriterThreadData {
  readonly file: string;
  readonly walAutocheckpointPages: number;
}

/**
 * The thread is loaded from the build, from the sources under test too (they run after
 * `npm run build`): a worker runs JavaScript only. Both `src/` and `dist/` sit at this depth.
 */
const WRITER_THREAD = new URL("../../../dist/storage/sqlite/writer-thread.js", import.meta.url);

/**
 * The database file's one writing connection, on a thread of its own (`writer-thread.ts`): the
 * inserts and the commit's syncs of one write run there while this thread parses and checks the
 * next request. Calls run in the order they are sent; each answers with its result or its error
 * (a driver error with its `code`, a refusal as the same `ServerError`).
 */
export class SqliteWriter {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  #nextId = 0;
  #failure: Error | undefined;

  constructor(data: WriterThreadData) {
    this.#worker = new Worker(WRITER_THREAD, { workerData: data });
    // The thread keeps the process alive only while a call waits: a commit is never cut short.
    this.#worker.unref();
    this.#worker.on("message", (reply: WriterReply) => this.#settle(reply));
    this.#worker.on("error", (error) => this.#fail(error));
    this.#worker.on("exit", (code) => this.#fail(new Error(`the SQLite writer thread exited (${code})`)));
  }

  call(call: WriterCall): Promise<unknown> {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    if (this.#waiting.size === 0) this.#worker.ref();
    const answer = new Promise<unknown>((resolve, reject) => this.#waiting.set(id, { resolve, reject }));
    this.#worker.postMessage({ id, call });
    return answer;
  }

  async close(): Promise<void> {
    if (this.#failure) return;
    await this.call({ kind: "close" });
    this.#failure = new Error("the SQLite writer is closed");
    await this.#worker.terminate();
  }

  #settle(reply: WriterReply): void {
    const waiting = this.#waiting.get(reply.id);
    if (!waiting) return;
    this.#waiting.delete(reply.id);
    if (this.#waiting.size === 0) this.#worker.unref();
    if ("error" in reply) waiting.reject(reviveError(reply.error));
    else waiting.resolve(reply.value);
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const waiting of this.#waiting.values()) waiting.reject(this.#failure);
    this.#waiting.clear();
  }
}
