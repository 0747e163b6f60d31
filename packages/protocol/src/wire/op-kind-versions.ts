import type { OpKind } from "@quay/core";

/**
 * The first protocol version whose `OpSchema` reads each op kind. A receiver serving a pull
 * (the cloud, a shop's hub) leaves out the ops a puller of an older version cannot parse, so an
 * older station keeps syncing the rest; it does not learn of those ops until it is upgraded and
 * pulls them again from the start (a cursor of 0).
 */
export const OP_KIND_SINCE: Readonly<Record<OpKind, number>> = {
  open: 1,
  addLine: 1,
  setQuantity: 1,
  voidLine: 1,
  discount: 1,
  moveTable: 1,
  addPayment: 1,
  close: 1,
  voidOrder: 1,
  refund: 6,
};

/**
 * The version a pull speaks: what it says, else 5, the last version whose pulls said nothing
 * (a pull from a station of versions 1 to 5).
 */
export const SILENT_PULL_VERSION = 5;

/** Whether a puller speaking `version` can read an op of `kind`. */
export function opKindReadableAt(kind: OpKind, version: number): boolean {
  return OP_KIND_SINCE[kind] <= version;
}
