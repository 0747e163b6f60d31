import type { CatalogSnapshot, Store } from "@quay/protocol";
import type { StationDatabase } from "./open-database.js";

/** What the station remembers between runs, each a JSON value under its key. */
export interface StationSettings {
  /** Signs the cashier sessions' tokens (base64), made on first start. */
  sessionSecret: string;
  stationId: string;
  stationCode: string;
  deviceToken: string;
  store: Store;
  catalog: CatalogSnapshot;
  /** The server's sequence this station has pulled up to. */
  cursor: number;
  lastSyncAt: string;
  /** The cashier said yes to a sync that has not finished: resume it after a restart. */
  syncConsent: boolean;
  /** Sales were made offline and not synced yet: on the server's return, ask before syncing. */
  offlineBacklog: boolean;
  /** A local override of the store's `autoSync`. */
  autoSync: boolean;
  /** How far the server's clock is ahead of this PC's, in ms, when last measured (see ServerClock). */
  clockOffsetMs: number;
  /** A spoke's device token at its hub (`--hub`), from registering there. */
  hubToken: string;
  /** The hub's op sequence this spoke has pulled up to. */
  hubCursor: number;
  /** As a hub: the head (see HubLog) when the catalog last changed, so spokes pull it again. */
  catalogSeq: number;
  /** As a hub: the head when the store's users last changed. */
  usersSeq: number;
  /** The server's public key hub passes are checked with (base64 SPKI), from its last network answer. */
  passKey: string;
}
export type SettingKey = keyof StationSettings;

/** Typed key/value settings in the station's SQLite file. */
export class SettingsStore {
  private readonly selectOne;
  private readonly upsert;
  private readonly remove;
  private readonly cache = new Map<SettingKey, unknown>();

  constructor(db: StationDatabase) {
    this.selectOne = db.prepare<[string], { value: string }>("SELECT value FROM settings WHERE key = ?");
    this.upsert = db.prepare<[string, string]>(
      "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    );
    this.remove = db.prepare<[string]>("DELETE FROM settings WHERE key = ?");
  }

  get<K extends SettingKey>(key: K): StationSettings[K] | undefined {
    if (this.cache.has(key)) return this.cache.get(key) as StationSettings[K] | undefined;
    const row = this.selectOne.get(key);
    const value = row ? (JSON.parse(row.value) as StationSettings[K]) : undefined;
    this.cache.set(key, value);
    return value;
  }

  /** Writes at once; inside a caller's transaction it commits (or rolls back) with it. */
  set<K extends SettingKey>(key: K, value: StationSettings[K]): void {
    this.upsert.run(key, JSON.stringify(value));
    this.cache.set(key, value);
  }

  delete(key: SettingKey): void {
    this.remove.run(key);
    this.cache.set(key, undefined);
  }

  /** Forgets cached values: call after a transaction that wrote settings rolled back. */
  invalidate(): void {
    this.cache.clear();
  }
}
