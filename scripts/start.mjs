// `npm start`: the whole product on one machine with demo data — a server on :8080 and one
// station on :3000 against it, data under ./data/. Ctrl-C (or SIGTERM) stops both.
// QUAY_SERVER_PORT, QUAY_STATION_PORT and QUAY_DATA_DIR change the ports and the data folder.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const SERVER_PORT = Number(process.env.QUAY_SERVER_PORT ?? 8080);
const STATION_PORT = Number(process.env.QUAY_STATION_PORT ?? 3000);
const serverUrl = `http://127.0.0.1:${SERVER_PORT}`;

const dataDir = process.env.QUAY_DATA_DIR ?? join(root, "data");
mkdirSync(dataDir, { recursive: true });

const children = [];
let stopping = false;

function run(name, bin, args) {
  const child = spawn(process.execPath, [join(root, bin), ...args], {
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
        resolve();
      }
    });
    child.on("exit", (code, signal) => {
      if (!listening) reject(new Error(`${name} exited (${code ?? signal}) before it was ready`));
      else if (!stopping) {
        console.error(`${name} stopped (${code ?? signal}); stopping everything`);
        stop(1);
      }
    });
  });
  return ready;
}

function stop(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  const alive = children.filter((child) => child.exitCode === null && child.signalCode === null);
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

try {
  await run("quay-server", "apps/server/bin/quay-server.js", [
    "--demo",
    "--port",
    String(SERVER_PORT),
    "--data",
    join(dataDir, "server"),
  ]);
  await run("quay-station", "apps/station/bin/quay-station.js", [
    "--server",
    serverUrl,
    "--port",
    String(STATION_PORT),
    "--data",
    join(dataDir, "station"),
  ]);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  stop(1);
}

if (!stopping) {
  console.log(`
Quầy is running (Ctrl-C stops it):
  Thu ngân (cashier, the station):   http://127.0.0.1:${STATION_PORT}/
  Phục vụ (waiter, phone):           ${serverUrl}/m/
  Quản lý (back office):             ${serverUrl}/admin/
Demo users: admin / admin123 (owner), thungan / 1234 (cashier), phucvu / 1234 (waiter).
`);
}
