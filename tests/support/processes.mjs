import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { binNodeFlags } from "../../scripts/bin-node-flags.mjs";

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SERVER_BIN = join(REPO_ROOT, "apps/server/bin/quay-server.js");
export const STATION_BIN = join(REPO_ROOT, "apps/station/bin/quay-station.js");

/** A fresh temp directory for a process's data. */
export function tempDir(prefix) {
  return mkdtempSync(join(tmpdir(), `quay-${prefix}-`));
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Spawns `node BIN ...args` and resolves once it prints `listening on http://HOST:PORT`.
 * @param {string} bin
 * @param {string[]} args
 * @param {{ name: string, env?: Record<string, string>, timeoutMs?: number }} options
 */
export function startProcess(bin, args, { name, env = {}, timeoutMs = 30_000 }) {
  // QUAY_CHILD_NODE_ARGS: node flags for every service started, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = process.env.QUAY_CHILD_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  // The flags the command's own first line gives node, as running it directly would.
  const child = spawn(process.execPath, [...binNodeFlags(bin), ...nodeArgs, bin, ...args], {
    env: { ...process.env, LOG_LEVEL: process.env.QUAY_TEST_LOG_LEVEL ?? "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stderr.on("data", keep);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${name} did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    let seen = "";
    const onData = (chunk) => {
      keep(chunk);
      seen += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(seen);
      if (!match) return;
      child.stdout.off("data", onData);
      child.stdout.on("data", keep);
      clearTimeout(timer);
      const url = match[1].replace(/\/$/, "");
      resolve({
        name,
        url,
        port: Number(new URL(url).port),
        pid: child.pid,
        child,
        exited,
        output: () => output,
        /** SIGTERM, and wait for the exit. */
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
          return exited;
        },
        /** kill -9, and wait for the exit. */
        async kill() {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
          return exited;
        },
      });
    };
    child.stdout.on("data", onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
}

/** A demo server (`--demo`) on a free port. */
export function startServer({ dataDir, port = 0, demo = true }) {
  const args = ["--host", "127.0.0.1", "--port", String(port), "--data", dataDir];
  if (demo) args.push("--demo");
  return startProcess(SERVER_BIN, args, { name: "quay-server" });
}

/** A station on a free port, talking to `serverUrl` (and to the shop's hub at `hub`, as its spoke). */
export function startStation({ serverUrl, dataDir, port = 0, store, hub, lanAddress }) {
  // Every service a test starts binds loopback; `lanAddress` makes the station the shop's hub there.
  const bind = lanAddress
    ? ["--lan", "--host", "127.0.0.1", "--lan-address", lanAddress]
    : ["--host", "127.0.0.1"];
  const args = ["--server", serverUrl, ...bind, "--port", String(port), "--data", dataDir];
  if (store) args.push("--store", store);
  if (hub) args.push("--hub", hub);
  return startProcess(STATION_BIN, args, { name: "quay-station" });
}
