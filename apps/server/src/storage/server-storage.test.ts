import { afterAll, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { schemaMigrations } from "./schema.js";
import { storeHead } from "./scripts/store-changes.js";
import { get, nextSeqs, run, type Script } from "./sql-script.js";

describe.each(testEngines())("storage engine $name", (engine) => {
  afterAll(() => engine.dispose());

  it("runs its migrations once, however often it is opened", async () => {
    const db = await engine.fresh();
    const first = await db.open();
    await first.close();
    const second = await db.open();
    const versions = await db.query<{ version: number }>("SELECT version FROM schema_migrations");
    const all = schemaMigrations({
      bigint: "",
      tableOptions: "",
      createServerSequence: "",
      makeTablesStrict: "",
    }).map((migration) => migration.version);
    // Numbered 1, 2, 3… with none skipped or repeated (merged branches renumber theirs).
    expect(all).toEqual(all.map((_, index) => index + 1));
    expect(versions.map((row) => Number(row.version)).sort((a, b) => a - b)).toEqual(all);
    expect(await second.read(storeHead("no-such-store"))).toBe(0);
    await second.close();
  });

  it("hands out increasing sequence numbers, never twice, across restarts", async () => {
    const db = await engine.fresh();
    let storage = await db.open();
    const first = await storage.write(nextSeqs(3));
    await storage.close();
    storage = await db.open();
    const second = await storage.write(nextSeqs(2));
    expect(first).toHaveLength(3);
    expect(Math.min(...second)).toBeGreaterThan(Math.max(...first));
    expect([...first].sort((a, b) => a - b)).toEqual(first);
    await storage.close();
  });

  it("rolls a script back entirely when it throws", async () => {
    const db = await engine.fresh();
    const storage = await db.open();
    const failing = function* (): Script<void> {
      yield* run("INSERT INTO server_meta (key, value) VALUES ('probe', 'x')");
      throw new Error("changed my mind");
    };
    await expect(storage.write(failing())).rejects.toThrow("changed my mind");
    expect(await storage.read(get("SELECT value FROM server_meta WHERE key = 'probe'"))).toBeUndefined();
    await storage.close();
  });

  it("publishes a change only once its transaction commits", async () => {
    const db = await engine.fresh();
    const storage = await db.open();
    const heard: number[] = [];
    storage.subscribe((notice) => heard.push(notice.cursor));
    const notice = { tenantId: "t", storeId: "s", orderIds: [], catalog: false, users: false };
    const failing = function* (): Script<void> {
      yield { kind: "publish", notice: { ...notice, cursor: 1 } } as const;
      throw new Error("rolled back");
    };
    await expect(storage.write(failing())).rejects.toThrow();
    const committed = function* (): Script<void> {
      yield { kind: "publish", notice: { ...notice, cursor: 2 } } as const;
    };
    await storage.write(committed());
    for (let wait = 0; wait < 50 && heard.length === 0; wait++) await new Promise((r) => setTimeout(r, 20));
    expect(heard).toEqual([2]);
    await storage.close();
  });
});
