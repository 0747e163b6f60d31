import type { StationNetworkReport } from "@quay/protocol";
import { all, run, type Script } from "../sql-script.js";

/** A hub of a store as it last reported itself. */
export interface HubRecord {
  readonly stationId: string;
  readonly name: string;
  readonly urls: string[];
  readonly reportedAt: string;
}

/** The URLs a report stands for, one per address: `http://<address>:<port>`. */
export function networkUrls(report: StationNetworkReport): string[] {
  return [...new Set(report.addresses)].map((address) => `http://${address}:${report.port}`);
}

/** Records where the station is on the shop's network now, replacing what it said before. */
export function* reportStationNetwork(
  stationId: string,
  report: StationNetworkReport,
  now: string,
): Script<void> {
  yield* run("UPDATE stations SET network_role = ?, network_urls = ?, network_reported_at = ? WHERE id = ?", [
    report.role,
    JSON.stringify(networkUrls(report)),
    now,
    stationId,
  ]);
}

/** The store's active hubs that reported an address, the latest report first. */
export function* storeHubs(storeId: string): Script<HubRecord[]> {
  const rows = yield* all<{ id: string; name: string; network_urls: string; network_reported_at: string }>(
    `SELECT id, name, network_urls, network_reported_at FROM stations
     WHERE store_id = ? AND active = 1 AND network_role = 'hub' AND network_urls IS NOT NULL
     ORDER BY network_reported_at DESC, id`,
    [storeId],
  );
  return rows
    .map((row) => ({
      stationId: row.id,
      name: row.name,
      urls: JSON.parse(row.network_urls) as string[],
      reportedAt: row.network_reported_at,
    }))
    .filter((hub) => hub.urls.length > 0);
}
