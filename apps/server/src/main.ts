import { randomFillSync } from "node:crypto";
import { uuidV7Generator } from "@quay/core";
import { runService } from "@quay/service-kit";
import { parseCliOptions, USAGE } from "./cli-options.js";
import { seedDemo } from "./demo/seed-demo.js";
import { buildServer } from "./server.js";
import { openStorage } from "./storage/open-storage.js";

/** The `quay-server` command: open the database, build the server, listen until SIGTERM. */
export async function main(args: readonly string[]): Promise<void> {
  let options: ReturnType<typeof parseCliOptions>;
  try {
    options = parseCliOptions(args);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const clock = { now: () => Date.now() };
  const newId = uuidV7Generator(clock, (length) => randomFillSync(new Uint8Array(length)));
  const storage = await openStorage({ databaseUrl, dataDir: options.dataDir });
  const app = await buildServer({ storage, clock, newId });
  app.addHook("onClose", async () => storage.close());
  app.log.info(
    { engine: storage.engine, data: databaseUrl ? "DATABASE_URL" : options.dataDir },
    "storage opened",
  );
  if (options.demo) {
    const seeded = await seedDemo(storage, newId, new Date());
    app.log.info(seeded ? "demo store CH01 created" : "database not empty: demo data left out");
  }
  await runService(app, { host: options.host, port: options.port });
}
