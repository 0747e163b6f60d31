import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createStation, type StationOptions } from "./station.js";

/** A station on a temp data dir with a fast monitor; closes and removes everything after. */
export async function startTestStation(serverUrl: string, options: Partial<StationOptions> = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "quay-station-"));
  const station = await createStation({
    serverUrl,
    dataDir,
    logLevel: "silent",
    monitor: { intervalMs: 100, timeoutMs: 300 },
    webRoot: join(dataDir, "no-web-app"),
    ...options,
  });
  await station.app.ready();
  return {
    ...station,
    dataDir,
    async login(username = "thungan", password = "1234", mode: "online" | "offline" = "online") {
      const response = await station.app.inject({
        method: "POST",
        url: "/api/login",
        payload: { username, password, mode },
      });
      if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
      return (response.json() as { token: string }).token;
    },
    /** A call with the session's token; the answer's status and parsed JSON body. */
    async call(token: string, method: "GET" | "POST" | "PATCH", url: string, payload?: object) {
      const response = await station.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(payload ? { payload } : {}),
      });
      // biome-ignore lint/suspicious/noExplicitAny: tests read the JSON of any route
      return { status: response.statusCode, body: response.json() as any };
    },
    async close(keepData = false) {
      await station.app.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestStation = Awaited<ReturnType<typeof startTestStation>>;

/** Polls `check` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  timeoutMs = 5_000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
