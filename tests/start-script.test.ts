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

/** `node scripts/start.mjs [which]` with its output gathered, on the given ports and data. */
function startScript(env: Record<string, string>, which?: "server" | "station") {
  const child = spawn(process.execPath, [join(REPO_ROOT, "scripts/start.mjs"), ...(which ? [which] : [])], {
    env: { ...process.env, ...env },
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
  return { child, exited, output: () => output };
}

describe("npm start (scripts/start.mjs)", () => {
  it("runs a server and a station, keeps the station when the server alone stops, restarts the server", async () => {
    const [serverPort, stationPort] = [await freePort(), await freePort()];
    const dataDir = mkdtempSync(join(tmpdir(), "quay-start-"));
    const env = {
      QUAY_SERVER_PORT: String(serverPort),
      QUAY_STATION_PORT: String(stationPort),
      QUAY_DATA_DIR: dataDir,
    };
    const all = startScript(env);
    let serverAgain: ReturnType<typeof startScript> | undefined;
    const station = `http://127.0.0.1:${stationPort}`;
    try {
      await waitFor(() => all.output().includes("Quầy is running"), {
        timeoutMs: 30_000,
        what: `the URLs:\n${all.output()}`,
      });
      const output = all.output();
      expect(output).toContain(`http://127.0.0.1:${stationPort}/`);
      expect(output).toContain(`http://127.0.0.1:${serverPort}/m/`);
      expect(output).toContain(`http://127.0.0.1:${serverPort}/admin/`);
      const status = await ok(station, "GET", "/api/status");
      expect(status.mode).toMatch(/online|offline/);

      // The offline demo: the server alone stops (its pid is printed), the station sells on.
      const serverPid = Number(/kill (\d+)/.exec(output)?.[1]);
      expect(serverPid).toBeGreaterThan(0);
      process.kill(serverPid, "SIGKILL");
      await waitFor(async () => (await ok(station, "GET", "/api/status")).serverReachable === false, {
        timeoutMs: 15_000,
        what: "the station to notice the server is gone",
      });
      await waitFor(() => all.output().includes("npm run start:server"), { what: "how to restart it" });
      expect(all.child.exitCode).toBeNull();

      // `npm run start:server` brings it back on the same port and data.
      serverAgain = startScript(env, "server");
      await waitFor(() => serverAgain?.output().includes("is running"), {
        timeoutMs: 30_000,
        what: `the server again:\n${serverAgain.output()}`,
      });
      await waitFor(async () => (await ok(station, "GET", "/api/status")).serverReachable === true, {
        timeoutMs: 15_000,
        what: "the station to find the server again",
      });
    } finally {
      all.child.kill("SIGTERM");
      serverAgain?.child.kill("SIGTERM");
      expect(await all.exited).toBe(0);
      if (serverAgain) expect(await serverAgain.exited).toBe(0);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
