import { resolve } from "node:path";
import { parseArgs } from "node:util";

export interface StationArgs {
  serverUrl: string;
  /** The shop's hub station (`--hub URL`): this station becomes its spoke. */
  hubUrl: string | undefined;
  host: string;
  port: number;
  dataDir: string;
  storeCode: string | undefined;
  /** Host names the station answers to besides its own (`--allow-host`, repeatable or comma-separated). */
  allowedHosts: string[];
}

export const USAGE =
  "usage: quay-station --server URL [--hub URL] [--lan | --host 127.0.0.1] [--port 3000] [--data ./data/station] [--store CODE] [--allow-host NAME]";

/** What `--lan` binds: every interface, so the shop's other counters reach this one as their hub. */
const LAN_HOST = "0.0.0.0";

/** Parses `quay-station`'s command line; throws with the usage on anything wrong. */
export function parseStationArgs(argv: readonly string[]): StationArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      server: { type: "string" },
      hub: { type: "string" },
      lan: { type: "boolean", default: false },
      host: { type: "string" },
      port: { type: "string", default: "3000" },
      data: { type: "string", default: "./data/station" },
      store: { type: "string" },
      "allow-host": { type: "string", multiple: true },
    },
    strict: true,
  });
  const serverUrl = values.server ?? process.env.QUAY_SERVER_URL;
  if (!serverUrl || !/^https?:\/\//.test(serverUrl)) throw new Error(`--server URL is required\n${USAGE}`);
  if (values.hub !== undefined && !/^https?:\/\//.test(values.hub))
    throw new Error(`--hub URL must be http(s)\n${USAGE}`);
  if (values.lan && values.host !== undefined && values.host !== LAN_HOST)
    throw new Error(`--lan binds ${LAN_HOST}: give --lan or --host, not both\n${USAGE}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`bad --port\n${USAGE}`);
  return {
    serverUrl: serverUrl.replace(/\/+$/, ""),
    hubUrl: values.hub?.replace(/\/+$/, ""),
    host: values.lan ? LAN_HOST : (values.host ?? "127.0.0.1"),
    port,
    dataDir: resolve(values.data),
    storeCode: values.store?.toUpperCase(),
    allowedHosts: (values["allow-host"] ?? []).flatMap((names) =>
      names
        .split(",")
        .map((name) => name.trim())
        .filter((name) => name !== ""),
    ),
  };
}
