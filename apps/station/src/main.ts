import { runService } from "@quay/service-kit";
import { parseStationArgs } from "./cli-args.js";
import { createStation } from "./station.js";

/** `quay-station`: the counter station on the cashier's PC. */
async function main(): Promise<void> {
  let args: ReturnType<typeof parseStationArgs>;
  try {
    args = parseStationArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  const { app } = await createStation({
    serverUrl: args.serverUrl,
    hubUrl: args.hubUrl,
    dataDir: args.dataDir,
    storeCode: args.storeCode,
    allowedHosts: args.allowedHosts,
    lan: args.lan ? { addresses: args.lanAddresses.length > 0 ? args.lanAddresses : undefined } : undefined,
  });
  app.log.info({ server: args.serverUrl, hub: args.hubUrl, data: args.dataDir }, "station starting");
  await runService(app, { host: args.host, port: args.port });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `quay-station failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
