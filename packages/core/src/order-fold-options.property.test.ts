import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type LineOption, MAX_OPTION_PRICE } from "./line-options.js";
import { dong } from "./money.js";
import type { Op } from "./order-op.js";
import { device, fold, lineData, openData } from "./order-op-builder.test-support.js";
import { validateOp } from "./order-validate.js";

const runs = { numRuns: 500 };

const optionArb = fc.record({
  groupId: fc.constantFrom("size", "top"),
  optionId: fc.constantFrom("s", "m", "l", "tc", "th", "shot"),
  name: fc.constantFrom("S", "M", "L", "Trân châu"),
  price: fc.integer({ min: -10_000, max: 20_000 }).map(dong),
});
const optionsArb = fc.uniqueArray(optionArb, { maxLength: 4, selector: (option) => option.optionId });

/** Steps on lines l0…l3: adds with options, quantity changes, note and option edits, readies. */
const stepArb = fc.oneof(
  fc.record({
    kind: fc.constant("edit" as const),
    line: fc.nat(3),
    options: fc.option(optionsArb, { nil: undefined }),
    note: fc.option(fc.constantFrom("ít đá", null), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant("quantity" as const),
    line: fc.nat(3),
    quantity: fc.integer({ min: 1, max: 9 }),
  }),
  fc.record({ kind: fc.constant("ready" as const), line: fc.nat(3) }),
);
const scenarioArb = fc.record({
  adds: fc.array(
    fc.record({
      base: fc.integer({ min: 20_000, max: 80_000 }),
      quantity: fc.integer({ min: 1, max: 9 }),
      options: optionsArb,
    }),
    { minLength: 1, maxLength: 4 },
  ),
  steps: fc.array(fc.tuple(stepArb, fc.constantFrom("station-1", "web-phone")), { maxLength: 12 }),
});

/** The ops two devices make, each checked by `validateOp` against what it has seen (all, here). */
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function opsOf(scenario: Scenario): Op[] {
  const makers = { "station-1": device("station-1"), "web-phone": device("web-phone") };
  const ops: Op[] = [makers["station-1"]("open", openData(), 0)];
  scenario.adds.forEach((add, index) => {
    const data = { ...lineData(`l${index}`, add.base, add.quantity), options: add.options };
    ops.push(makers["station-1"]("addLine", data, 1 + index));
  });
  scenario.steps.forEach(([step, deviceId], index) => {
    const make = makers[deviceId];
    const at = 10 + index;
    const lineId = `l${step.line}`;
    const op =
      step.kind === "edit"
        ? make(
            "editLine",
            {
              lineId,
              ...(step.options === undefined ? {} : { options: step.options }),
              ...(step.note === undefined ? {} : { note: step.note }),
            },
            at,
          )
        : step.kind === "quantity"
          ? make("setQuantity", { lineId, quantity: step.quantity }, at)
          : make("markReady", { lineIds: [lineId] }, at);
    if (validateOp(fold(...ops), op).ok) ops.push(op);
  });
  return ops;
}

const unitOf = (base: number, options: readonly LineOption[] = []) =>
  Math.max(
    0,
    options.reduce((sum, option) => sum + option.price, base),
  );

describe("foldOrder with options (properties)", () => {
  it("prices every line (unit + options) × quantity, and the subtotal is their sum", () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const order = fold(...opsOf(scenario));
        for (const line of order.lines) {
          expect(line.unitPrice).toBe(unitOf(line.basePrice ?? line.unitPrice, line.options));
          expect(line.amount).toBe(line.unitPrice * line.quantity);
          if (line.options) expect(line.options.length).toBeGreaterThan(0);
        }
        expect(order.subtotal).toBe(order.lines.reduce((sum, line) => sum + line.amount, 0));
        expect(order.vat.reduce((sum, entry) => sum + entry.taxable, 0)).toBe(order.total);
      }),
      runs,
    );
  });

  it("does not depend on the arrival order of adds and edits", () => {
    fc.assert(
      fc.property(
        scenarioArb.chain((scenario) => {
          const ops = opsOf(scenario);
          return fc.tuple(fc.constant(ops), fc.shuffledSubarray(ops, { minLength: ops.length }));
        }),
        ([ops, arrived]) => {
          expect(fold(...arrived)).toStrictEqual(fold(...ops));
        },
      ),
      runs,
    );
  });

  it("keeps a line's options as the latest edit before the kitchen made it left them", () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const ops = opsOf(scenario);
        const order = fold(...ops);
        for (const line of order.lines) {
          const edits = ops.filter(
            (op) => (op.kind === "addLine" || op.kind === "editLine") && op.data.lineId === line.id,
          );
          const optionsOf = (op: Op) =>
            op.kind === "addLine" || op.kind === "editLine" ? op.data.options : undefined;
          const lastWithOptions = edits.filter((op) => optionsOf(op) !== undefined).at(-1);
          expect(line.options ?? []).toEqual((lastWithOptions && optionsOf(lastWithOptions)) ?? []);
          // Every edit went in while the kitchen had not made the line ("edit before send").
          for (const edit of edits.filter((op) => op.kind === "editLine")) {
            const before = fold(...ops.slice(0, ops.indexOf(edit)));
            expect(before.lines.find((candidate) => candidate.id === line.id)?.readyAt).toBeNull();
          }
        }
      }),
      runs,
    );
  });

  it("bounds an option's price", () => {
    expect(MAX_OPTION_PRICE).toBe(1_000_000);
  });
});
