import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../server.js";
import { SqliteStorage } from "../storage/sqlite/sqlite-storage.js";

describe("web apps", () => {
  const dist = mkdtempSync(join(tmpdir(), "quay-web-dist-"));
  const storage = new SqliteStorage({ file: ":memory:" });
  beforeAll(() => {
    mkdirSync(join(dist, "m"), { recursive: true });
    mkdirSync(join(dist, "admin"), { recursive: true });
    mkdirSync(join(dist, "assets"), { recursive: true });
    writeFileSync(join(dist, "m", "index.html"), "<title>Phục vụ</title>");
    writeFileSync(join(dist, "admin", "index.html"), "<title>Quản lý</title>");
    writeFileSync(join(dist, "assets", "app-1234.js"), "console.log(1)");
    writeFileSync(join(dist, "secret.txt"), "not for the web");
  });
  afterAll(async () => {
    await storage.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("serves the waiter app and the back office, with client-side routes and shared assets", async () => {
    const app = await buildServer({ storage, logLevel: "silent", webDist: dist });
    const get = (url: string) => app.inject({ method: "GET", url });
    expect((await get("/m/")).body).toContain("Phục vụ");
    expect((await get("/m/tables/3")).body).toContain("Phục vụ");
    expect((await get("/admin/reports")).body).toContain("Quản lý");
    expect((await get("/admin")).headers.location).toBe("/admin/");
    expect((await get("/")).headers.location).toBe("/admin/");
    const asset = await get("/assets/app-1234.js");
    expect([asset.statusCode, asset.headers["cache-control"]]).toEqual([
      200,
      "public, max-age=31536000, immutable",
    ]);
    expect((await get("/assets/missing.js")).statusCode).toBe(404);
    expect((await get("/m/missing.js")).statusCode).toBe(404);
    for (const attempt of ["/m/../secret.txt", "/m/%2e%2e/secret.txt", "/assets/..%2fsecret.txt"]) {
      const answer = await get(attempt);
      expect(answer.body, attempt).not.toContain("not for the web");
    }
    await app.close();
  });

  it("answers 404 NOT_FOUND while the web build is missing", async () => {
    const app = await buildServer({ storage, logLevel: "silent", webDist: join(dist, "nowhere") });
    const answer = await app.inject({ method: "GET", url: "/m/" });
    expect([answer.statusCode, answer.json().error.code]).toEqual([404, "NOT_FOUND"]);
    expect((await app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
    await app.close();
  });
});
