import { hostname, networkInterfaces } from "node:os";
import type { HttpService } from "@quay/service-kit";
import { StationError } from "../errors.js";

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "::1"] as const;
const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** How often a Host that matches none is worth a new look at the machine's addresses (DHCP). */
const ADDRESSES_TTL_MS = 5_000;

/** The name part of a Host header (`[::1]:3000` → `::1`), lower-cased; null when it is not one. */
export function hostNameOf(host: string): string | null {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]\s]+)(?::\d{1,5})?$/i.exec(host.trim());
  if (!match?.[1]) return null;
  return match[1]
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/\.$/, "")
    .toLowerCase();
}

/**
 * The names this station answers to: loopback, the machine's host name (and its `.local` mDNS
 * name), every address of its network interfaces, and the names of `--allow-host`. A page on any
 * other name reaching the station is a DNS-rebinding attack (its name re-pointed at this machine).
 */
export class StationHosts {
  readonly #fixed: ReadonlySet<string>;
  #addresses: ReadonlySet<string> = new Set();
  #addressesAt = Number.NEGATIVE_INFINITY;

  constructor(allowed: readonly string[] = []) {
    const machine = hostname().toLowerCase();
    this.#fixed = new Set([
      ...LOOPBACK_NAMES,
      machine,
      `${machine}.local`,
      ...allowed.map((name) => hostNameOf(name) ?? name.toLowerCase()),
    ]);
  }

  /** Whether a request's Host header names this station. */
  allows(host: string | undefined): boolean {
    const name = host === undefined ? null : hostNameOf(host);
    if (name === null) return false;
    if (this.#fixed.has(name) || this.#addresses.has(name)) return true;
    const now = performance.now();
    if (now - this.#addressesAt < ADDRESSES_TTL_MS) return false;
    this.#addressesAt = now;
    this.#addresses = interfaceAddresses();
    return this.#addresses.has(name);
  }
}

function interfaceAddresses(): Set<string> {
  const found = new Set<string>();
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) found.add(entry.address.toLowerCase());
  }
  return found;
}

/** Whether `origin` (a browser's Origin header) is the site the request was sent to. */
function sameOrigin(origin: string, host: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (a sandboxed frame, a file) and anything else unparsable
  }
  const defaultPort = url.protocol === "https:" ? "443" : "80";
  const [, hostPort] = /:(\d{1,5})$/.exec(host.replace(/^\[[^\]]*\]/, "")) ?? [];
  return hostNameOf(url.host) === hostNameOf(host) && (url.port || defaultPort) === (hostPort ?? defaultPort);
}

/**
 * Refuses (403 FORBIDDEN) every request whose Host is not one of the station's own names, and
 * every state-changing call (POST, PUT, PATCH, DELETE) a browser sent from another site, i.e.
 * with an Origin that is not the station's own. Sessions travel in a cookie too, so without this
 * any page the cashier opens could read the orders or sell in their name.
 */
export function guardHostAndOrigin(app: HttpService, hosts: StationHosts): void {
  app.addHook("onRequest", async (request) => {
    const { host, origin } = request.headers;
    if (!hosts.allows(host)) throw new StationError("FORBIDDEN", `Host ${host} is not this station`);
    if (STATE_CHANGING.has(request.method) && origin !== undefined && !sameOrigin(origin, host ?? "")) {
      throw new StationError("FORBIDDEN", `a call from ${origin}`);
    }
  });
}
