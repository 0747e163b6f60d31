import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { isShopAddress } from "@quay/protocol";

export interface StationArgs {
  serverUrl: string;
  /** The shop's hub station (`--hub URL`): this station becomes its spoke. */
  hubUrl: string | undefined;
  host: string;
  /** Serving the shop's network (`--lan`, or `--host` other than loopback). */
  lan: boolean;
  /** `--lan-address`: the addresses to give phones and the cloud instead of the interfaces' own. */
  lanAddresses: string[];
  port: number;
  dataDir: string;
  storeCode: string | undefined;
  /** Host names the station answers to besides its own (`--allow-host`, repeatable or comma-separated). */
  allowedHosts: string[];
}

export const USAGE =
  "usage: quay-station --server URL [--hub URL] [--lan [--lan-address IP]] [--host 127.0.0.1] [--port 3000] [--data ./data/station] [--store CODE] [--allow-host NAME]";

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
      "lan-address": { type: "string", multiple: true },
    },
    strict: true,
  });
  const serverUrl = values.server ?? process.env.QUAY_SERVER_URL;
  if (!serverUrl || !/^https?:\/\//.test(serverUrl)) throw new Error(`--server URL is required\n${USAGE}`);
  if (values.hub !== undefined && !/^https?:\/\//.test(values.hub))
    throw new Error(`--hub URL must be http(s)\n${USAGE}`);
  // `--lan --host ADDR` serves the shop's network on that one address (one interface of the PC;
  // in the cross-process tests, loopback, where every service binds 127.0.0.1).
  const host = values.host ?? (values.lan ? LAN_HOST : "127.0.0.1");
  const lanAddresses = listOf(values["lan-address"]);
  const badAddress = lanAddresses.find((address) => !isShopAddress(address));
  if (badAddress !== undefined)
    throw new Error(`--lan-address ${badAddress}: give a private IPv4 address (192.168.…, 10.…)\n${USAGE}`);
  const lan = values.lan || !isLoopbackHost(host);
  if (lanAddresses.length > 0 && !lan) throw new Error(`--lan-address needs --lan\n${USAGE}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`bad --port\n${USAGE}`);
  return {
    serverUrl: serverUrl.replace(/\/+$/, ""),
    hubUrl: values.hub?.replace(/\/+$/, ""),
    host,
    lan,
    lanAddresses,
    port,
    dataDir: resolve(values.data),
    storeCode: values.store?.toUpperCase(),
    allowedHosts: listOf(values["allow-host"]),
  };
}

/** A repeatable option's values, each of which may be a comma-separated list. */
function listOf(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((names) =>
    names
      .split(",")
      .map((name) => name.trim())
      .filter((name) => name !== ""),
  );
}

function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "::1" || host.startsWith("127.");
}
