import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { ChangeNotice } from "../sql-script.js";
import { all, exec, publish, run, type Script } from "../sql-script.js";
import { SqliteStorage } from "./sqlite-storage.js";
import { MAX_WRITES_PER_GROUP } from "./write-groups.js";

const notice = (cursor: number): ChangeNotice => ({
  tenantId: "t",
  storeId: "s",
  cursor,
  orderIds: [],
  catalog: false,
  users: false,
});

/** Stores `key` and publishes a notice; throws afterwards when told to (its insert then undone). */
function* putKey(key: string, options: { fail?: boolean } = {}): Script<string> {
  yield* run("INSERT INTO server_meta (key, value) VALUES (?, ?)", [key, "1"]);
  yield* publish(notice(Number(key.slice(1))));
  if (options.fail) throw new Error(`refused ${key}`);
  return key;
}

describe("SQLite writes of one turn share a transaction", () => {
  const dirs: string[] = [];
  const newFile = () => {
    const dir = mkdtempSync(join(tmpdir(), "quay-groups-test-"));
    dirs.push(dir);
    return join(dir, "db.sqlite");
  };
  const open = (file = newFile()) => new SqliteStorage({ file });
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const keys = async (storage: SqliteStorage) =>
    (
      await storage.read(all<{ key: string }>("SELECT key FROM server_meta WHERE key LIKE 'k%' ORDER BY key"))
    ).map((row) => row.key);

  it("undoes a failing write alone: the others commit, and only theirs are told", async () => {
    const storage = open();
    const heard: number[] = [];
    storage.subscribe((change) => heard.push(change.cursor));
    const results = await Promise.allSettled([
      storage.write(putKey("k1")),
      storage.write(putKey("k2", { fail: true })),
      storage.write(putKey("k3")),
    ]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await keys(storage)).toEqual(["k1", "k3"]);
    expect(heard).toEqual([1, 3]);
    // A duplicate key fails its own write only, as a unique violation.
    const again = await Promise.allSettled([storage.write(putKey("k1")), storage.write(putKey("k4"))]);
    expect(again.map((result) => result.status)).toEqual(["rejected", "fulfilled"]);
    expect((again[0] as PromiseRejectedResult).reason.name).toBe("UniqueViolationError");
    expect(await keys(storage)).toEqual(["k1", "k3", "k4"]);
    await storage.close();
  });

  it("fails the whole group when its transaction is lost: nothing is acknowledged, nothing kept", async () => {
    const storage = open();
    const heard: number[] = [];
    storage.subscribe((change) => heard.push(change.cursor));
    const results = await Promise.allSettled([
      storage.write(putKey("k1")),
      storage.write(
        (function* () {
          yield* run("INSERT INTO server_meta (key, value) VALUES ('k2', '1')");
          // What SQLite does by itself on a full disk or an I/O error: the transaction is gone.
          yield* exec("ROLLBACK");
        })(),
      ),
      storage.write(putKey("k3")),
    ]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(heard).toEqual([]);
    expect(await keys(storage)).toEqual([]);
    // The next writes go on as usual.
    expect(await storage.write(putKey("k5"))).toBe("k5");
    expect(await keys(storage)).toEqual(["k5"]);
    await storage.close();
  });

  it("answers each write after its commit, even beyond one group, and commits what is queued on close", async () => {
    const file = newFile();
    const storage = open(file);
    const count = MAX_WRITES_PER_GROUP * 2 + 1;
    const writes = Array.from({ length: count }, (_, index) => storage.write(putKey(`k${1000 + index}`)));
    expect(await Promise.all(writes)).toHaveLength(count);
    expect(await keys(storage)).toHaveLength(count);

    const last = storage.write(putKey("k9"));
    await storage.close();
    expect(await last).toBe("k9");
    const reopened = open(file);
    expect(await keys(reopened)).toContain("k9");
    await reopened.close();
  });
});
