import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it, vi } from "vitest";
import { all, insertMany, run } from "../sql-script.js";
import { SqliteStorage } from "./sqlite-storage.js";

/** Every worker thread the code under test starts, and whether it has exited since. */
const threads = vi.hoisted(() => [] as { worker: Worker; exited: boolean }[]);

vi.mock("node:worker_threads", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:worker_threads")>();
  class TrackedWorker extends actual.Worker {
    constructor(...args: ConstructorParameters<typeof actual.Worker>) {
      super(...args);
      const thread = { worker: this, exited: false };
      this.once("exit", () => {
        thread.exited = true;
      });
      threads.push(thread);
    }
  }
  return { ...actual, Worker: TrackedWorker };
});

describe("SQLite checkpoints in the background", () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), "quay-checkpoint-test-"));
    dirs.push(dir);
    return join(dir, "db.sqlite");
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("moves committed pages into the database file on its own, and they stay across a reopen", async () => {
    const file = fresh();
    const storage = new SqliteStorage({ file });
    const before = statSync(file).size;
    // About 3,000 pages: fewer than make a commit checkpoint by itself.
    const rows = Array.from({ length: 10_000 }, (_, index) => [index, `${index}`.padEnd(1_000, "x")]);
    await storage.write(
      (function* () {
        yield* run("CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
        yield* insertMany("INSERT INTO filler (id, text) VALUES (?, ?)", rows);
      })(),
    );
    const deadline = Date.now() + 5_000;
    while (statSync(file).size < before + 10_000_000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(statSync(file).size).toBeGreaterThan(before + 10_000_000);
    await storage.close();

    const reopened = new SqliteStorage({ file });
    const [count] = await reopened.read(all<{ rows: number }>("SELECT count(*) AS rows FROM filler"));
    expect(count?.rows).toBe(10_000);
    await reopened.close();
  });

  it("keeps no thread for an in-memory database, and closes cleanly right after a write", async () => {
    const warnings: string[] = [];
    const onWarning = (message: string) => warnings.push(message);
    const before = threads.length;
    const memory = new SqliteStorage({ file: ":memory:", onWarning });
    await memory.write(run("CREATE TABLE t (x)"));
    expect(threads.length, "threads started for an in-memory database").toBe(before);
    await memory.close();

    const file = fresh();
    const storage = new SqliteStorage({ file, onWarning });
    await storage.write(run("CREATE TABLE t (x)")); // asks the worker for a checkpoint at once
    const started = threads.slice(before);
    expect(started, "the writer's and the checkpointer's threads for a database file").toHaveLength(2);
    expect(started.map((thread) => thread.exited)).toEqual([false, false]);
    await storage.close();
    expect(
      started.map((thread) => thread.exited),
      "both threads have exited once close resolves",
    ).toEqual([true, true]);
    expect(warnings).toEqual([]);

    const reopened = new SqliteStorage({ file, onWarning });
    const tables = await reopened.read(all<{ name: string }>("SELECT name FROM sqlite_master"));
    expect(tables.map((table) => table.name)).toContain("t");
    await reopened.close();
  });
});
