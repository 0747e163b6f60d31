import { chmodSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStorage, SQLITE_FILE_NAME } from "../open-storage.js";

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** The database holds the token secret and every password hash: only its owner may read it. */
describe.skipIf(process.platform === "win32")("the server's SQLite files", () => {
  const roots: string[] = [];
  const freshRoot = () => {
    const root = mkdtempSync(join(tmpdir(), "quay-server-modes-"));
    roots.push(root);
    return root;
  };
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  it("are created 0600 in a 0700 folder, -wal and -shm included", async () => {
    const dataDir = join(freshRoot(), "data", "server");
    const storage = await openStorage({ dataDir });
    try {
      expect(modeOf(join(dataDir, ".."))).toBe(0o700);
      expect(modeOf(dataDir)).toBe(0o700);
      for (const suffix of ["", "-wal", "-shm"]) {
        expect(modeOf(join(dataDir, SQLITE_FILE_NAME + suffix)), `file${suffix}`).toBe(0o600);
      }
    } finally {
      await storage.close();
    }
  });

  it("are tightened when an earlier version left them readable by all", async () => {
    const dataDir = join(freshRoot(), "server");
    await (await openStorage({ dataDir })).close();
    const file = join(dataDir, SQLITE_FILE_NAME);
    chmodSync(file, 0o644);
    chmodSync(dataDir, 0o755);

    const storage = await openStorage({ dataDir });
    try {
      expect(modeOf(dataDir)).toBe(0o700);
      for (const suffix of ["", "-wal", "-shm"]) expect(modeOf(file + suffix), `file${suffix}`).toBe(0o600);
    } finally {
      await storage.close();
    }
  });
});
