import { randomUUID } from "node:crypto";
import { signToken, verifyToken } from "@quay/auth";
import type { Clock } from "@quay/core";
import type { StationDb } from "../db/station-db.js";

/** A hub's device tokens last until the spoke registers again (ten years is "until"). */
const SPOKE_TOKEN_TTL_S = 10 * 365 * 24 * 60 * 60;

/** A counter registered at this station as its hub. */
export interface Spoke {
  readonly stationId: string;
  readonly name: string;
}

/**
 * The spokes of this station as a hub, and their device tokens: signed with the station's own
 * session secret (typ `device`, subject the spoke's cloud station id), checked against the one
 * token id each spoke's row holds, so registering again cuts the earlier token off.
 */
export class SpokeRegistry {
  private readonly secret: Buffer;
  private readonly upsert;
  private readonly select;
  private readonly selectAll;
  private readonly cache = new Map<string, { tokenId: string; name: string } | null>();

  constructor(
    db: StationDb,
    private readonly clock: Clock,
  ) {
    const secret = db.settings.get("sessionSecret");
    if (!secret) throw new Error("the spoke registry needs the session secret (made by SessionManager)");
    this.secret = Buffer.from(secret, "base64");
    this.upsert = db.db.prepare<[string, string, string, string, string]>(
      `INSERT INTO spokes(station_id, name, token_id, registered_at, registered_by) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(station_id) DO UPDATE SET name = excluded.name, token_id = excluded.token_id,
         registered_at = excluded.registered_at, registered_by = excluded.registered_by`,
    );
    this.select = db.db.prepare<[string], { token_id: string; name: string }>(
      "SELECT token_id, name FROM spokes WHERE station_id = ?",
    );
    this.selectAll = db.db.prepare<[], { station_id: string; name: string }>(
      "SELECT station_id, name FROM spokes ORDER BY registered_at, station_id",
    );
  }

  /** Every spoke registered here, the first registered first. */
  list(): Spoke[] {
    return this.selectAll.all().map((row) => ({ stationId: row.station_id, name: row.name }));
  }

  /** Whether this station id registered here before. */
  isKnown(stationId: string): boolean {
    return this.row(stationId) !== null;
  }

  /** Records the spoke (again) and answers its new device token; the earlier one stops working. */
  register(stationId: string, name: string, registeredBy: string): string {
    const tokenId = randomUUID();
    const now = this.clock.now();
    this.upsert.run(stationId, name, tokenId, new Date(now).toISOString(), registeredBy);
    this.cache.set(stationId, { tokenId, name });
    return signToken(
      { sub: stationId, sid: tokenId, exp: Math.floor(now / 1000) + SPOKE_TOKEN_TTL_S, typ: "device" },
      this.secret,
    );
  }

  /** The spoke a device token belongs to, or null for a bad, revoked or person's token. */
  verify(token: string): Spoke | null {
    const claims = verifyToken(token, this.secret, this.clock.now());
    if (claims?.typ !== "device") return null;
    const row = this.row(claims.sub);
    return row && row.tokenId === claims.sid ? { stationId: claims.sub, name: row.name } : null;
  }

  private row(stationId: string): { tokenId: string; name: string } | null {
    let row = this.cache.get(stationId);
    if (row === undefined) {
      const found = this.select.get(stationId);
      row = found ? { tokenId: found.token_id, name: found.name } : null;
      this.cache.set(stationId, row);
    }
    return row;
  }
}
