import type { Op } from "@quay/core";
import type { PullResponseSchema } from "@quay/protocol";
import { EventBroadcast, type EventStream } from "@quay/service-kit";
import type { z } from "zod";
import type { StationDb } from "../db/station-db.js";

type PullPage = z.infer<typeof PullResponseSchema>;

/**
 * What a spoke pulls from its hub (`GET /api/sync/pull`), read in one synchronous go so the head
 * and the ops agree: the hub's ops after `cursor` that the spoke did not make, in log order, at
 * most `limit`; the catalog and the users when they changed after `cursor` (always on a first
 * pull). A cursor ahead of the head (the hub's file was replaced) starts over from 0; the spoke
 * ignores ops it holds already.
 */
export function hubPullPage(
  db: StationDb,
  spokeId: string,
  askedCursor: number,
  limit: number,
  serverTime: string,
): PullPage {
  const head = db.hubLog.head();
  const cursor = askedCursor > head ? 0 : askedCursor;
  const rows = db.hubLog.opsAfter(cursor, spokeId, limit + 1);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const changedAfter = (seq: number | undefined) => cursor === 0 || (seq ?? 0) > cursor;
  return {
    cursor: more ? (page.at(-1)?.seq ?? head) : head,
    more,
    ops: page.map((row) => JSON.parse(row.body) as Op),
    catalog: changedAfter(db.settings.get("catalogSeq")) ? (db.catalog() ?? null) : null,
    users: changedAfter(db.settings.get("usersSeq")) ? db.credentials.list() : null,
    // A bank confirmation needs the cloud, which every spoke pulls from itself: the hub relays none.
    bankTransfers: [],
    serverTime,
  };
}

/**
 * Tells the spokes' event streams (`GET /api/sync/events`) `changed {cursor}` whenever the hub's
 * head moves: an op made here, pulled from the cloud or pushed by a spoke, a new catalog or users.
 */
export class HubAnnouncer {
  private readonly spokes = new EventBroadcast();
  private announced = -1;

  constructor(private readonly db: StationDb) {}

  /** Follows `stream` from now on, starting with the head as it is (in case it missed something). */
  follow(stream: EventStream): void {
    stream.send("changed", { cursor: this.db.hubLog.head() });
    this.spokes.add(stream);
  }

  /** Something may have moved the head: say so if it did. */
  mayHaveChanged(): void {
    const head = this.db.hubLog.head();
    if (head === this.announced) return;
    this.announced = head;
    this.spokes.send("changed", { cursor: head });
  }
}
