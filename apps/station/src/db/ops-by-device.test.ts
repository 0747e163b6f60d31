import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, expect, it } from "vitest";
import { MIGRATIONS } from "./migrations.js";
import { DATABASE_FILE, openDatabase } from "./open-database.js";
import { OrderLog } from "./order-log.js";

const DEVICE = "0190c000-0000-7000-8000-000000000001";
const OTHER = "0190c000-0000-7000-8000-000000000009";
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it("finds the counter's last device_seq from an index, on a file that held ops before the index", () => {
  const dir = mkdtempSync(join(tmpdir(), "quay-ops-by-device-"));
  dirs.push(dir);
  // A file as the version before shipped it, with ops of this counter and of a phone.
  const old = new Database(join(dir, DATABASE_FILE));
  const before = MIGRATIONS.findIndex((sql) => sql.includes("ops_by_device"));
  for (const sql of MIGRATIONS.slice(0, before)) old.exec(sql);
  old.pragma(`user_version = ${before}`);
  const insert = old.prepare(
    "INSERT INTO ops(id, order_id, device_id, device_seq, kind, at, body) VALUES (?, 'o', ?, ?, 'open', '', '{}')",
  );
  const made: [string, number][] = [
    [DEVICE, 7],
    [OTHER, 90],
    [DEVICE, 41],
    [DEVICE, 12],
  ];
  for (const [index, [device, seq]] of made.entries()) insert.run(`op-${index}`, device, seq);
  old.close();

  const db = openDatabase(dir);
  try {
    expect(db.prepare("SELECT count(*) AS n FROM ops").get()).toEqual({ n: 4 });
    expect(new OrderLog(db).lastDeviceSeq(DEVICE)).toBe(41);
    expect(new OrderLog(db).lastDeviceSeq("0190c000-0000-7000-8000-00000000000f")).toBe(0);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT max(device_seq) AS last FROM ops WHERE device_id = ?")
      .all(DEVICE) as { detail: string }[];
    expect(plan.map((row) => row.detail).join(" ")).toContain("ops_by_device");
  } finally {
    db.close();
  }
});
