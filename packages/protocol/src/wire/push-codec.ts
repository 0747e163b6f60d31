import type { z } from "zod";
import {
  type PendingCountsSchema,
  PushRequestSchema,
  PushResponseSchema,
  type RefusedOrderReportSchema,
} from "./push.js";
import { compileUnchangedCheck } from "./unchanged-check.js";
import { PROTOCOL_VERSION } from "./version.js";

/**
 * The push, the largest message (up to 10,000 ops each way), written and read without a second
 * definition of its shape: checks compiled from `PushRequestSchema` and `PushResponseSchema`
 * take a message as it is when the schema would return it unchanged, and leave anything else
 * (text to trim, a time not in UTC, an unknown key…) to the schema, which also words the errors.
 * A catch-up push of thousands of ops is checked in a fraction of the schema's time this way,
 * and nothing is copied. `push-codec.test.ts` holds the checks to the schemas on random input.
 */

export type PushRequest = z.output<typeof PushRequestSchema>;
export type PushResponse = z.output<typeof PushResponseSchema>;
export type PendingCounts = z.output<typeof PendingCountsSchema>;
export type RefusedOrderReport = z.output<typeof RefusedOrderReportSchema>;

/** `compile`, called once, on first use. */
function once<T>(compile: () => T): () => T {
  let compiled: T | undefined;
  return () => {
    compiled ??= compile();
    return compiled;
  };
}

/**
 * The check that `PushRequestSchema` would return a (JSON-parsed) push body unchanged. Compiled
 * on the first call, which takes a moment: the server asks for it as it starts, and a station,
 * which only writes pushes, never does.
 */
export const pushRequestCheck = once(() => compileUnchangedCheck(PushRequestSchema));

/** The check that `PushResponseSchema` would return a push's answer unchanged: it can be written as is. */
export const pushResponseCheck = once(() => compileUnchangedCheck(PushResponseSchema));

/**
 * The push request body, with each op's JSON spliced in as it is (the station stores ops
 * serialised, so a push of thousands of ops is never parsed and written again).
 */
export function encodePushRequest(
  opsJson: readonly string[],
  pending?: PendingCounts,
  /** The shift ops' stored JSON (protocol 6), spliced in the same way; left out when none. */
  shiftOpsJson: readonly string[] = [],
  /** The last op of the push this one follows (`PushRequestSchema`'s `follows`); left out when none. */
  follows?: string,
): string {
  const head: Omit<z.input<typeof PushRequestSchema>, "ops" | "shiftOps"> = {
    protocolVersion: PROTOCOL_VERSION,
    ...(pending === undefined ? {} : { pending }),
    ...(follows === undefined ? {} : { follows }),
  };
  const shifts = shiftOpsJson.length === 0 ? "" : `,"shiftOps":[${shiftOpsJson.join(",")}]`;
  // `ops` goes last, so its array closes the object: `{"protocolVersion":…,"ops":[` ops `]}`.
  return `${JSON.stringify(head).slice(0, -1)}${shifts},"ops":[${opsJson.join(",")}]}`;
}
