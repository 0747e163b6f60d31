// `npm start`: the whole product on one machine with demo data — a server on :8080 and one
// station on :3000 against it, data under ./data/. Ctrl-C (or SIGTERM) stops both.
// `node scripts/start.mjs server` or `… station` (npm run start:server / start:station) starts
// one of them alone, on the same ports and data: stop the server (its pid is printed) to try the
// station offline, start it again to watch the station catch up.
// QUAY_SERVER_PORT, QUAY_STATION_PORT and QUAY_DATA_DIR change the ports and the data folder.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { binNodeFlags } from "./bin-node-flags.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const SERVER_PORT = Number(process.env.QUAY_SERVER_PORT ?? 8080);
const STATION_PORT = Number(process.env.QUAY_STATION_PORT ?? 3000);
const serverUrl = `http://127.0.0.1:${SERVER_PORT}`;
const only = process.argv[2];
if (only !== undefined && only !== "server" && only !== "station") {
  console.error("usage: node scripts/start.mjs [server | station]");
  process.exit(2);
}

const dataDir = process.env.QUAY_DATA_DIR ?? join(root, "data");
// It holds the services' secrets and unsynced sales (each service keeps its own folder 0700).
mkdirSync(dataDir, { recursive: true, mode: 0o700 });

const children = [];
let stopping = false;

/**
 * Starts a service and resolves once it listens. `essential`: when it stops, everything stops
 * (the station: without it there is nothing to sell on); the server may come and go.
 */
function run(name, bin, args, { essential }) {
  const child = spawn(process.execPath, [...binNodeFlags(join(root, bin)), join(root, bin), ...args], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" },
  });
  children.push(child);
  let listening = false;
  const ready = new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      if (!listening && /listening on http:\/\//.test(chunk.toString())) {
        listening = true;
        resolve(child);
      }
    });
    child.on("exit", (code, signal) => {
      if (!listening) reject(new Error(`${name} exited (${code ?? signal}) before it was ready`));
      else if (stopping) return;
      else if (essential) {
        console.error(`${name} stopped (${code ?? signal}); stopping everything`);
        stop(1);
      } else {
        console.error(
          `${name} stopped (${code ?? signal}). The station sells offline meanwhile; ` +
            "start the server again with `npm run start:server`.",
        );
        if (!children.some(isAlive)) process.exit(0);
      }
    });
  });
  return ready;
}

function isAlive(child) {
  return child.exitCode === null && child.signalCode === null;
}

function stop(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  const alive = children.filter(isAlive);
  if (alive.length === 0) process.exit(exitCode);
  let left = alive.length;
  for (const child of alive) {
    child.once("exit", () => {
      left -= 1;
      if (left === 0) process.exit(exitCode);
    });
    child.kill("SIGTERM");
  }
  setTimeout(() => {
    for (const child of alive) child.kill("SIGKILL");
    process.exit(exitCode);
  }, 10_000).unref();
}

process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

const startServer = () =>
  run(
    "quay-server",
    "apps/server/bin/quay-server.js",
    ["--demo", "--port", String(SERVER_PORT), "--data", join(dataDir, "server")],
    { essential: only === "server" },
  );
const startStation = () =>
  run(
    "quay-station",
    "apps/station/bin/quay-station.js",
    ["--server", serverUrl, "--port", String(STATION_PORT), "--data", join(dataDir, "station")],
    { essential: true },
  );

let server;
try {
  if (only !== "station") server = await startServer();
  if (only !== "server") await startStation();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  stop(1);
}

if (!stopping) {
  const lines = [];
  if (only === undefined) lines.push("Quầy is running (Ctrl-C stops it):");
  else lines.push(`The Quầy ${only} is running (Ctrl-C stops it):`);
  if (only !== "server") lines.push(`  Thu ngân (cashier, the station):   http://127.0.0.1:${STATION_PORT}/`);
  if (only !== "station") {
    lines.push(`  Phục vụ (waiter, phone):           ${serverUrl}/m/`);
    lines.push(`  Quản lý (back office):             ${serverUrl}/admin/`);
  }
  lines.push("Demo users: admin / admin123 (owner), thungan / 1234 (cashier), phucvu / 1234 (waiter).");
  if (server && only === undefined) {
    lines.push(
      `To try the offline mode, stop the server alone: kill ${server.pid} (the station keeps selling);`,
      "start it again with `npm run start:server` in another terminal.",
    );
  }
  console.log(`\n${lines.join("\n")}\n`);
}
