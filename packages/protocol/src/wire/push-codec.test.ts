import {
  MAX_AMOUNT,
  MAX_OPTION_PRICE,
  MAX_QUANTITY,
  MAX_READY_LINES,
  OP_KINDS,
  PAYMENT_METHODS,
} from "@quay/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { atOffset, utcOffset } from "./iso-time-arbitraries.test-support.js";
import { OpSchema } from "./op.js";
import { MAX_PUSH_OPS, PushRequestSchema, PushResponseSchema } from "./push.js";
import { encodePushRequest, pushRequestCheck, pushResponseCheck } from "./push-codec.js";
import { compileUnchangedCheck } from "./unchanged-check.js";
import { PROTOCOL_VERSION } from "./version.js";

/**
 * Text of `length` characters (code points, as zod counts them), in plain, Vietnamese and astral
 * characters, and astral text of `length` UTF-16 units.
 */
const ofLength = (length: number) => [
  "a".repeat(length),
  "đ".repeat(length),
  "🍜".repeat(length),
  `${"🍜".repeat(length >> 1)}${"x".repeat(length & 1)}`,
];
const SPACES = [" ", "\t", "\n", "\u00a0", "\ufeff", "\u2028", "\u3000"];

/**
 * Values to put in any field of a valid op, one at a time: lengths and numbers on either side of
 * every bound of op.ts, text to trim, near-UUIDs, near-times, other types.
 */
const ODD_VALUES: readonly unknown[] = [
  ...[0, 1, 2, 63, 64, 65, 119, 120, 121, 199, 200, 201].flatMap(ofLength),
  ...SPACES.flatMap((space) => [space, `${space}Bàn 1`, `Bàn 1${space}`, `${space}${"a".repeat(63)}`]),
  // Lone and reversed surrogates count one code point each.
  ...[
    "\ud83c".repeat(64),
    "\ud83c".repeat(65),
    `${"\udf5c\ud83c".repeat(32)}`,
    `${"🍜".repeat(63)}\ud83c\ud83c`,
  ],
  ...[-1, 0, 1, 2, 0.5, -0, 3, 5, 8, 10, 8.5, MAX_QUANTITY, MAX_QUANTITY + 1, MAX_AMOUNT, MAX_AMOUNT + 1],
  ...[Number.MAX_SAFE_INTEGER, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, "1", "8", true, null, [], {}],
  ...["cash", "Cash", "bitcoin", "open", "addLine"],
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
  "01A22434-BAD2-73BA-8CAC-B5FCF87BD4F8",
  ...[0, 9, "a"].map((version) => `01a22434-bad2-${version}3ba-8cac-b5fcf87bd4f8`),
  ...["7", "c", "C"].map((variant) => `01a22434-bad2-73ba-${variant}cac-b5fcf87bd4f8`),
  " 01a22434-bad2-73ba-8cac-b5fcf87bd4f8",
  "01a22434-bad2-73ba-8cac-b5fcf87bd4f8\n",
  "01a22434bad273ba8cacb5fcf87bd4f8",
  "2026-11-28T08:00:00.000+07:00",
  "2026-11-28T01:00:00Z",
  "2026-11-28T01:00:00.0000Z",
  "2026-02-29T01:00:00.000Z",
  "2024-02-29T01:00:00.000Z",
  "2026-04-31T01:00:00.000Z",
  "2026-11-28T24:00:00.000Z",
  "2026-11-28T23:60:00.000Z",
  "2026-11-28T23:59:60.000Z",
  "2026-13-01T00:00:00.000Z",
  "2026-00-10T00:00:00.000Z",
  "2026-11-00T00:00:00.000Z",
  "2026-12-32T00:00:00.000Z",
  "1900-02-29T00:00:00.000Z",
  "2000-02-29T00:00:00.000Z",
  "2100-02-29T00:00:00.000Z",
  "0000-02-29T00:00:00.000Z",
  ...["1600", "1800", "2200", "2400"].map((year) => `${year}-02-29T12:00:00.000Z`),
  "2026-11-28T01:00:00.000+00:00",
  "2026-11-28t01:00:00.000z",
  "+012026-11-28T01:00:00.000Z",
];

const uuid = fc.oneof(
  { arbitrary: fc.uuid({ version: [1, 2, 3, 4, 5, 6, 7, 8] }), weight: 8 },
  fc.constantFrom("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"),
);
/** Valid Text(max): no space at either end, 1 to max UTF-16 units (both bounds now and then). */
const text = (max: number, min = 1) =>
  fc.oneof(
    fc.constantFrom(...ofLength(max), ...(min > 0 ? ofLength(min) : [""]), "Cà phê sữa đá"),
    fc
      .string({ unit: fc.constantFrom("a", "đ", "ữ", " ", "🍜", "\u00a0"), minLength: min, maxLength: max })
      .filter((value) => value.length <= max && value.trim() === value && value.length >= min),
  );
const integer = (min: number, max: number) =>
  fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max: Math.min(max, min + 1_000_000) }));
/** A time as devices write it (UTC, `Z`), and now and then at another offset (which the schema moves to UTC). */
const at = fc
  .oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: utcOffset })
  .chain((offset) =>
    fc
      .date({
        min: new Date("0000-01-01T00:00:00Z"),
        max: new Date("9999-12-31T23:59:59Z"),
        noInvalidDate: true,
      })
      .map((date) => (offset === 0 ? date.toISOString() : atOffset(date.getTime(), offset))),
  );

const lineOption = fc.record({
  groupId: uuid,
  optionId: uuid,
  name: text(60),
  price: integer(-MAX_OPTION_PRICE, MAX_OPTION_PRICE),
});

const DATA: Record<(typeof OP_KINDS)[number], Record<string, fc.Arbitrary<unknown>>> = {
  open: { number: text(64), tableId: fc.option(uuid, { nil: null }), storeId: uuid },
  addLine: {
    lineId: uuid,
    itemId: uuid,
    name: text(120),
    unitPrice: integer(0, MAX_AMOUNT),
    vatRate: fc.constantFrom(0, 5, 8, 10),
    quantity: integer(1, MAX_QUANTITY),
    note: fc.option(text(200, 0), { nil: null }),
    options: fc.array(lineOption, { maxLength: 3 }),
  },
  editLine: {
    lineId: uuid,
    note: fc.option(text(200, 0), { nil: null }),
    options: fc.array(lineOption, { maxLength: 3 }),
  },
  setQuantity: { lineId: uuid, quantity: integer(1, MAX_QUANTITY) },
  voidLine: { lineId: uuid, reason: text(200) },
  discount: {
    amount: integer(0, MAX_AMOUNT),
    percent: integer(1, 100),
    reason: fc.option(text(200), { nil: null }),
  },
  discountLine: {
    lineId: uuid,
    amount: integer(0, MAX_AMOUNT),
    percent: integer(1, 100),
    reason: fc.option(text(200), { nil: null }),
  },
  moveTable: { tableId: fc.option(uuid, { nil: null }) },
  addPayment: {
    paymentId: uuid,
    method: fc.constantFrom(...PAYMENT_METHODS),
    amount: integer(1, MAX_AMOUNT),
    part: fc.record({ index: integer(1, 2), count: integer(2, 10) }),
  },
  close: { total: integer(0, MAX_AMOUNT) },
  voidOrder: { reason: text(200) },
  refund: {
    refundId: uuid,
    amount: integer(1, MAX_AMOUNT),
    method: fc.constantFrom(...PAYMENT_METHODS),
    reason: text(200),
    lineIds: fc.array(uuid, { minLength: 1, maxLength: 3 }),
  },
  markReady: { lineIds: fc.array(uuid, { minLength: 1, maxLength: MAX_READY_LINES }) },
  splitLine: { lineId: uuid, quantity: integer(1, MAX_QUANTITY), intoOrderId: uuid, intoLineId: uuid },
};

/**
 * A valid object, or one with a single change: a value swapped for an odd one, a key dropped,
 * an unknown key, the keys in another order.
 */
const changedOnce = (record: fc.Arbitrary<Record<string, unknown>>) =>
  fc
    .tuple(record, fc.nat({ max: 9 }), fc.nat(), fc.constantFrom(...ODD_VALUES))
    .map(([value, change, pick, odd]): Record<string, unknown> => {
      const entries = Object.entries(value);
      const index = pick % Math.max(1, entries.length);
      const entry = entries[index];
      if (change <= 3 && entry) entries[index] = [entry[0], odd];
      if (change === 4) entries.splice(index, 1);
      if (change === 5) entries.push(["extra", odd]);
      if (change === 6) entries.reverse();
      if (change === 7) entries.push(["__proto__", odd]);
      return Object.fromEntries(entries);
    });

/** An op of every kind (and one unknown), changed in its envelope or in its data now and then. */
const op = fc.constantFrom(...OP_KINDS, "bogus").chain((kind) =>
  fc.boolean().chain((inData) => {
    const data = kind === "bogus" ? fc.constant({}) : fc.record(DATA[kind]);
    const envelope = fc.record({
      id: uuid,
      orderId: uuid,
      deviceId: text(64),
      deviceSeq: integer(0, Number.MAX_SAFE_INTEGER),
      at,
      userId: text(64),
      kind: fc.constant(kind as string),
      data: inData ? changedOnce(data) : data,
    });
    return inData ? envelope : changedOnce(envelope);
  }),
);

const isUnchangedOp = compileUnchangedCheck(OpSchema);
const isUnchangedPushRequest = pushRequestCheck();
const isUnchangedPushResponse = pushResponseCheck();

/** What the schema answers, or undefined when it refuses. */
const schemaAnswer = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? { value: result.data } : undefined;
};

/**
 * The compiled check takes `input` only when the schema answers it unchanged: equal as JSON is
 * (key order, prototypes and keys holding `undefined` aside).
 */
const expectTakenOnlyAsTheSchemaWould = (
  check: (input: unknown) => boolean,
  schema: z.ZodType,
  input: unknown,
): { taken: boolean; refused: boolean } => {
  const taken = check(input);
  const answer = schemaAnswer(schema, input);
  if (taken) expect(answer?.value).toEqual(input);
  return { taken, refused: answer === undefined };
};

describe("the push codec", () => {
  it("takes an op only when the schema would answer it unchanged", () => {
    let taken = 0;
    let refused = 0;
    fc.assert(
      fc.property(op, (input) => {
        const verdict = expectTakenOnlyAsTheSchemaWould(isUnchangedOp, OpSchema, input);
        taken += verdict.taken ? 1 : 0;
        refused += verdict.refused ? 1 : 0;
      }),
      { numRuns: 20_000 },
    );
    // Both sides of the test are exercised: many ops taken at once, many refused by the schema.
    expect(taken).toBeGreaterThan(3_000);
    expect(refused).toBeGreaterThan(5_000);
  });

  it("takes a push only when the schema would answer it unchanged", () => {
    const pending = fc.option(
      changedOnce(fc.record({ openOrders: integer(0, 1_000), paidOrders: integer(0, 1_000) })),
      { nil: undefined },
    );
    const push = fc.record(
      { protocolVersion: fc.integer({ min: -3, max: 3 }), ops: fc.array(op, { maxLength: 3 }), pending },
      { requiredKeys: ["protocolVersion", "ops"] },
    );
    fc.assert(
      fc.property(changedOnce(push), (input) => {
        expectTakenOnlyAsTheSchemaWould(isUnchangedPushRequest, PushRequestSchema, input);
      }),
      { numRuns: 5_000 },
    );
  });

  it("takes a push's answer only when the schema would write it unchanged", () => {
    const heldId = fc.oneof({ arbitrary: uuid, weight: 20 }, fc.constantFrom(...ODD_VALUES));
    const answer = fc.record({ held: fc.array(heldId, { maxLength: 4 }), cursor: integer(0, 1_000) });
    fc.assert(
      fc.property(changedOnce(answer), (input) => {
        expectTakenOnlyAsTheSchemaWould(isUnchangedPushResponse, PushResponseSchema, input);
      }),
      { numRuns: 5_000 },
    );
  });

  it("writes the push a station sends, which it takes at once, and leaves too many ops to the schema", () => {
    const ops = [
      {
        id: "01a22434-bad2-73ba-8cac-b5fcf87bd4f8",
        orderId: "01a22434-bad2-73bb-993a-c7d90431ccf7",
        deviceId: "01a22434-bad2-73bd-9de7-d8b52b5ff895",
        deviceSeq: 1,
        at: "2026-11-28T01:02:03.456Z",
        userId: "01a22434-bad2-73bf-94fa-6095fe21decb",
        kind: "addLine",
        data: {
          lineId: "01a22434-bad2-73c0-a06d-d968d8fb8ad3",
          itemId: "01a22434-bad2-73c2-a956-b07f247d1eb0",
          name: "Cà phê sữa đá",
          unitPrice: 29_000,
          vatRate: 8,
          quantity: 2,
          note: null,
        },
      },
    ];
    const pending = { openOrders: 0, paidOrders: 3 };
    const push = JSON.parse(
      encodePushRequest(
        ops.map((value) => JSON.stringify(value)),
        pending,
      ),
    );
    expect(push).toStrictEqual({ protocolVersion: PROTOCOL_VERSION, pending, ops });
    expect(isUnchangedPushRequest(push)).toBe(true);
    expect(PushRequestSchema.parse(push)).toStrictEqual(push);
    expect(JSON.parse(encodePushRequest([]))).toStrictEqual({ protocolVersion: PROTOCOL_VERSION, ops: [] });
    const tooMany = { ...push, ops: Array.from({ length: MAX_PUSH_OPS + 1 }, () => ops[0]) };
    expect(isUnchangedPushRequest(tooMany)).toBe(false);
  });
});

describe("the compiled check", () => {
  it("refuses to compile what JSON Schema cannot say, rather than take what zod refuses", () => {
    expect(() => compileUnchangedCheck(z.string().refine((text) => text !== "x"))).toThrow(/refinement/);
    expect(() => compileUnchangedCheck(z.string().transform((text) => text.length))).toThrow();
    expect(() => compileUnchangedCheck(z.object({ site: z.url() }))).toThrow(/format/);
  });

  it("counts lengths in code points, as zod, and takes only text an overwrite leaves as it is", () => {
    const check = compileUnchangedCheck(z.object({ name: z.string().trim().min(1).max(2) }));
    expect([{ name: "ab" }, { name: "🍜🍜" }, { name: "abc" }, { name: "a🍜🍜" }].map(check)).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([{ name: " a" }, { name: "a\u3000" }, { name: "" }, { name: "a", extra: 1 }].map(check)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
