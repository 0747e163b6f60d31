import { MAX_AMOUNT, MAX_QUANTITY, type Op, PAYMENT_METHODS, VAT_RATES } from "@quay/core";
import type { z } from "zod";
import { MAX_PUSH_OPS, type PushRequestSchema, type PushResponseSchema } from "./push.js";

/**
 * A fast path for the largest messages, `PushRequestSchema` (up to 10,000 ops) and its answer,
 * used before the schema and never instead of it: `parsePushRequestFast` answers a value only when it is certain
 * the schema would answer the same value (the same JSON, key order included); on anything else —
 * an unknown key, text to trim, an offset other than Z, any doubt — it answers `undefined` and the
 * caller parses with the schema, which also words the errors. A catch-up push of 4,000 ops takes
 * a tenth of the schema's time this way, and allocates nothing: an op already in the schema's
 * shape is returned as is. `push-fast-path.test.ts` checks it against the schema on random input:
 * keep the two in step when an op changes (a new field or kind just falls back to the schema).
 */

type PushRequest = z.infer<typeof PushRequestSchema>;
type PushResponse = z.infer<typeof PushResponseSchema>;
type Input = Record<string, unknown>;
/** Checks one field's value. */
type Check = (value: unknown) => boolean;

// z.uuid(): RFC 9562 versions 1–8 with the variant bits, or the nil and max UUIDs.
const UUID =
  /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
const id: Check = (value) => typeof value === "string" && value.length === 36 && UUID.test(value);
const idOrNull: Check = (value) => value === null || id(value);

/** IsoTime as devices write it (`toISOString()`: UTC, milliseconds); other offsets take the schema. */
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const digits = (value: string, from: number, count: number) => {
  let number = 0;
  for (let index = from; index < from + count; index++) number = number * 10 + value.charCodeAt(index) - 48;
  return number;
};
const isoTime: Check = (value) => {
  if (typeof value !== "string" || !ISO_UTC.test(value)) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = (DAYS_IN_MONTH[month - 1] ?? 0) + (month === 2 && leap ? 1 : 0);
  return (
    day >= 1 &&
    day <= monthDays &&
    digits(value, 11, 2) <= 23 &&
    digits(value, 14, 2) <= 59 &&
    digits(value, 17, 2) <= 59
  );
};

/** Text(max) and notes: already trimmed (the schema's trim would change nothing), within bounds. */
const EDGE_SPACE = /^\s|\s$/;
const text =
  (min: number, max: number): Check =>
  (value) =>
    typeof value === "string" && value.length >= min && value.length <= max && !EDGE_SPACE.test(value);
const orNull =
  (check: Check): Check =>
  (value) =>
    value === null || check(value);

const int =
  (min: number, max: number): Check =>
  (value) =>
    typeof value === "number" && Number.isSafeInteger(value) && value >= min && value <= max;
const oneOf =
  (values: readonly unknown[]): Check =>
  (value) =>
    values.includes(value);

/** Field names in the schema's order (its output's key order), each with its check. */
type Shape = readonly (readonly [string, Check])[];

const ENVELOPE: Shape = [
  ["id", id],
  ["orderId", id],
  ["deviceId", text(1, 64)],
  ["deviceSeq", int(0, Number.MAX_SAFE_INTEGER)],
  ["at", isoTime],
  ["userId", text(1, 64)],
];
const money = int(0, MAX_AMOUNT);
const reason = text(1, 200);

/** The data of each op kind, as in op.ts. */
const DATA: Readonly<Record<string, Shape>> = {
  open: [
    ["number", text(1, 64)],
    ["tableId", idOrNull],
    ["storeId", id],
  ],
  addLine: [
    ["lineId", id],
    ["itemId", id],
    ["name", text(1, 120)],
    ["unitPrice", money],
    ["vatRate", oneOf(VAT_RATES)],
    ["quantity", int(1, MAX_QUANTITY)],
    ["note", orNull(text(0, 200))],
  ],
  setQuantity: [
    ["lineId", id],
    ["quantity", int(1, MAX_QUANTITY)],
  ],
  voidLine: [
    ["lineId", id],
    ["reason", reason],
  ],
  discount: [
    ["amount", money],
    ["reason", orNull(reason)],
  ],
  moveTable: [["tableId", idOrNull]],
  addPayment: [
    ["paymentId", id],
    ["method", oneOf(PAYMENT_METHODS)],
    ["amount", int(1, MAX_AMOUNT)],
  ],
  close: [["total", money]],
  voidOrder: [["reason", reason]],
};
const OP_KEYS = [...ENVELOPE.map(([key]) => key), "kind", "data"];

function isPlainObject(value: unknown): value is Input {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The object's own keys are exactly `expected`, in that order. */
function hasKeys(value: Input, expected: readonly string[]): boolean {
  const keys = Object.keys(value);
  if (keys.length !== expected.length) return false;
  for (let index = 0; index < keys.length; index++) if (keys[index] !== expected[index]) return false;
  return true;
}

function matches(value: Input, shape: Shape): boolean {
  for (const [key, check] of shape) if (!check(value[key])) return false;
  return true;
}

const DATA_KEYS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(DATA).map(([kind, shape]) => [kind, shape.map(([key]) => key)]),
);

/** An op the schema would answer unchanged, or undefined. */
export function parseOpFast(input: unknown): Op | undefined {
  if (!isPlainObject(input) || !hasKeys(input, OP_KEYS) || !matches(input, ENVELOPE)) return undefined;
  const kind = input.kind;
  if (typeof kind !== "string" || !Object.hasOwn(DATA, kind)) return undefined;
  const data = input.data;
  const shape = DATA[kind];
  const keys = DATA_KEYS[kind];
  if (!shape || !keys || !isPlainObject(data) || !hasKeys(data, keys) || !matches(data, shape)) {
    return undefined;
  }
  return input as unknown as Op;
}

const PENDING_KEYS = ["openOrders", "paidOrders"];
const count = int(0, Number.MAX_SAFE_INTEGER);
const version = int(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);

/** A push request as the schema would answer it (in its key order), or undefined. */
export function parsePushRequestFast(input: unknown): PushRequest | undefined {
  if (!isPlainObject(input)) return undefined;
  const { protocolVersion, ops, pending } = input;
  const keyCount = pending === undefined ? 2 : 3;
  if (Object.keys(input).length !== keyCount || !Object.hasOwn(input, "ops")) return undefined;
  if (!version(protocolVersion)) return undefined;
  if (pending !== undefined) {
    if (!isPlainObject(pending) || !hasKeys(pending, PENDING_KEYS)) return undefined;
    if (!count(pending.openOrders) || !count(pending.paidOrders)) return undefined;
  }
  if (!Array.isArray(ops) || ops.length > MAX_PUSH_OPS) return undefined;
  for (const op of ops) if (parseOpFast(op) === undefined) return undefined;
  const request = { protocolVersion: protocolVersion as number, ops: ops as Op[] };
  return pending === undefined
    ? request
    : { ...request, pending: pending as PushRequest["pending"] & object };
}

/** A push answer as the schema would write it (in its key order), or undefined. */
export function parsePushResponseFast(input: unknown): PushResponse | undefined {
  if (!isPlainObject(input) || Object.keys(input).length !== 2) return undefined;
  const { held, cursor } = input;
  if (!Array.isArray(held) || !count(cursor)) return undefined;
  for (const value of held) if (!id(value)) return undefined;
  return { held: held as string[], cursor: cursor as number };
}
