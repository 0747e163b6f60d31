import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ok, waitFor } from "./support/http.mjs";
import { REPO_ROOT } from "./support/processes.mjs";

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

describe("npm start (scripts/start.mjs)", () => {
  it("runs a demo server and a station, prints the apps' URLs, and stops both on SIGTERM", async () => {
    const [serverPort, stationPort] = [await freePort(), await freePort()];
    const dataDir = mkdtempSync(join(tmpdir(), "quay-start-"));
    const child = spawn(process.execPath, [join(REPO_ROOT, "scripts/start.mjs")], {
      env: {
        ...process.env,
        QUAY_SERVER_PORT: String(serverPort),
        QUAY_STATION_PORT: String(stationPort),
        QUAY_DATA_DIR: dataDir,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      await waitFor(() => output.includes("Quầy is running"), {
        timeoutMs: 30_000,
        what: `the URLs:\n${output}`,
      });
      expect(output).toContain(`http://127.0.0.1:${stationPort}/`);
      expect(output).toContain(`http://127.0.0.1:${serverPort}/m/`);
      expect(output).toContain(`http://127.0.0.1:${serverPort}/admin/`);
      const status = await ok(`http://127.0.0.1:${stationPort}`, "GET", "/api/status");
      expect(status.mode).toMatch(/online|offline/);
    } finally {
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
