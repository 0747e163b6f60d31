import type { Op, OpKind } from "@quay/core";

/** The protocol version that brought each op kind no older station can parse; the rest are from 1. */
const OP_KIND_SINCE: Partial<Record<OpKind, number>> = {
  markReady: 7,
  refund: 9,
  discountLine: 12,
  splitLine: 13,
  editLine: 14,
};

/** The version since which an `addLine` may carry options: an older station would drop them and count a wrong price. */
const LINE_OPTIONS_SINCE = 14;

/**
 * The version a puller speaks when its pull names none: 6, the last version whose pull carried
 * no `protocolVersion`.
 */
export const UNNAMED_PULL_PROTOCOL = 6;

/**
 * Whether a station of protocol `version` can parse `op`: every tier that answers pulls (the cloud,
 * a shop's hub) leaves the others out of its page (the cursor still moves past them).
 */
export function opKnownAt(op: Op, version: number | undefined): boolean {
  const since =
    op.kind === "addLine" && op.data.options !== undefined && op.data.options.length > 0
      ? LINE_OPTIONS_SINCE
      : (OP_KIND_SINCE[op.kind] ?? 1);
  return since <= (version ?? UNNAMED_PULL_PROTOCOL);
}
