import type { Op } from "@quay/core";

/** Phones and the back office make their ops as `web-<session>` devices (the server's rule). */
const PHONE_DEVICE = /^web-/;

/** Where this station stands in its shop. */
export interface PrintingRole {
  readonly stationId: string;
  /** A spoke of a shop hub (`--hub`): the hub prints the phones' items. */
  readonly isSpoke: boolean;
}

/**
 * Who prints an op's ticket (docs/printing.md, "Who prints what"): the station that made it; for
 * an op made by a phone, the one station of the shop that is not a spoke (its hub, or a lone
 * counter). Another station's ops are never printed here: that station prints them itself.
 * The limit: two lone counters without a hub would both print a phone's items; a shop with two
 * counters makes one the hub.
 */
export function printsHere(op: Pick<Op, "deviceId">, role: PrintingRole): boolean {
  if (op.deviceId === role.stationId) return true;
  return PHONE_DEVICE.test(op.deviceId) && !role.isSpoke;
}
