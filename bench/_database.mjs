// A throw-away database for one benchmark run: a temp dir for SQLite, a fresh database on the
// PostgreSQL server BENCH_DATABASE_URL names.
import { randomBytes } from "node:crypto";
import { removeDir, tempDir } from "../tests/support/processes.mjs";

/** `{ dataDir, env, drop }`: start the server with `--data dataDir` and `env`, then `drop()`. */
export async function throwawayDatabase(engine, prefix) {
  const dataDir = tempDir(prefix);
  if (engine === "sqlite") return { dataDir, env: {}, drop: async () => removeDir(dataDir) };
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
  await admin.connect();
  const name = `quay_bench_${randomBytes(5).toString("hex")}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.BENCH_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    dataDir,
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      removeDir(dataDir);
    },
  };
}
