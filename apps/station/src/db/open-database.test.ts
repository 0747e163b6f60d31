import { chmodSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DATABASE_FILE, openDatabase } from "./open-database.js";

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** The station's file holds its session secret, its device token and the staff's hashes. */
describe.skipIf(process.platform === "win32")("the station's data folder", () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });
  const freshDataDir = () => {
    const root = mkdtempSync(join(tmpdir(), "quay-station-modes-"));
    roots.push(root);
    return join(root, "station");
  };

  it("is created 0700, its SQLite files 0600 (-wal and -shm too)", () => {
    const dataDir = freshDataDir();
    const db = openDatabase(dataDir);
    try {
      db.prepare("INSERT INTO settings (key, value) VALUES ('probe', '1')").run();
      expect(modeOf(dataDir)).toBe(0o700);
      for (const suffix of ["", "-wal", "-shm"]) {
        expect(modeOf(join(dataDir, DATABASE_FILE + suffix)), `file${suffix}`).toBe(0o600);
      }
    } finally {
      db.close();
    }
  });

  it("is tightened when it was left readable by all", () => {
    const dataDir = freshDataDir();
    openDatabase(dataDir).close();
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, DATABASE_FILE), 0o644);
    const db = openDatabase(dataDir);
    try {
      expect(modeOf(dataDir)).toBe(0o700);
      expect(modeOf(join(dataDir, DATABASE_FILE))).toBe(0o600);
    } finally {
      db.close();
    }
  });
});
