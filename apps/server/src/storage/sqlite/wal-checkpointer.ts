import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/** At most one checkpoint starts per this many milliseconds while writes keep coming. */
const CHECKPOINT_EVERY_MS = 100;

/**
 * The worker: its own connection to the database file, running a PASSIVE checkpoint whenever it
 * is asked. PASSIVE takes no lock a writer or a reader waits for. Plain JavaScript evaluated as
 * a script (it must run the same from the sources under test and from the build), so it loads
 * its modules with `import()`.
 */
const WORKER_SOURCE = `(async () => {
  const { parentPort, workerData } = await import("node:worker_threads");
  const { default: Database } = await import(workerData.driver);
  const db = new Database(workerData.file, { fileMustExist: true });
  db.pragma("synchronous = FULL");
  parentPort.on("message", () => {
    db.pragma("wal_checkpoint(PASSIVE)");
    parentPort.postMessage("done");
  });
})();`;

/**
 * Copies committed pages from a database's write-ahead log into the database file on a worker
 * thread, so that a commit only appends to the log and syncs it: the copy and its syncs (a third
 * of a large push's commit time, left to the committing connection) overlap the next request.
 * Durability is the log's and does not change; a crash at any point leaves a log SQLite replays.
 */
export class WalCheckpointer {
  readonly #worker: Worker;
  #running = false;
  #wanted = false;
  #lastStart = 0;
  #timer: NodeJS.Timeout | undefined;
  #failed = false;

  constructor(file: string, onFailure: (error: unknown) => void) {
    const driver = pathToFileURL(createRequire(import.meta.url).resolve("better-sqlite3")).href;
    this.#worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver } });
    this.#worker.unref();
    this.#worker.on("message", () => {
      this.#running = false;
      if (this.#wanted) this.wrote();
    });
    this.#worker.on("error", (error) => {
      this.#failed = true;
      onFailure(error);
    });
  }

  /** A write transaction committed: checkpoint soon (at most every CHECKPOINT_EVERY_MS). */
  wrote(): void {
    if (this.#failed) return;
    if (this.#running || this.#timer) {
      this.#wanted = true;
      return;
    }
    this.#wanted = false;
    const wait = this.#lastStart + CHECKPOINT_EVERY_MS - performance.now();
    if (wait > 0) {
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        this.#start();
      }, wait);
      this.#timer.unref();
      return;
    }
    this.#start();
  }

  async stop(): Promise<void> {
    clearTimeout(this.#timer);
    this.#failed = true;
    await this.#worker.terminate();
  }

  #start(): void {
    if (this.#failed) return;
    this.#running = true;
    this.#wanted = false; // this checkpoint covers every commit so far
    this.#lastStart = performance.now();
    this.#worker.postMessage("checkpoint");
  }
}
