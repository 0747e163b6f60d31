import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dong } from "./money.js";
import { planChange } from "./order-change.js";
import { applySoldOutToggle, isLaterToggle, type SoldOutToggleMark, withLatestSoldOut } from "./sold-out.js";

const latte = { id: "i-latte", name: "Latte", soldOut: false, soldOutAt: null };
const at = (second: number) => `2026-12-03T10:00:${String(second).padStart(2, "0")}.000Z`;

describe("sold-out toggles: the latest wins", () => {
  it("a first toggle applies; a later one replaces it; an earlier or equal one changes nothing", () => {
    const out = applySoldOutToggle([latte], { itemId: latte.id, soldOut: true, at: at(10) });
    expect(out.changed).toBe(true);
    expect(out.items[0]).toMatchObject({ soldOut: true, soldOutAt: at(10) });

    const earlier = applySoldOutToggle(out.items, { itemId: latte.id, soldOut: false, at: at(5) });
    expect(earlier.changed).toBe(false);
    expect(earlier.items).toBe(out.items);

    const same = applySoldOutToggle(out.items, { itemId: latte.id, soldOut: false, at: at(10) });
    expect(same.changed).toBe(false);

    const later = applySoldOutToggle(out.items, { itemId: latte.id, soldOut: false, at: at(20) });
    expect(later.items[0]).toMatchObject({ soldOut: false, soldOutAt: at(20) });
  });

  it("a toggle of an item not on the menu changes nothing", () => {
    const out = applySoldOutToggle([latte], { itemId: "i-gone", soldOut: true, at: at(1) });
    expect(out).toEqual({ items: [latte], changed: false });
  });

  it("a catalog pulled from a tier that has not heard of a later toggle keeps the held one", () => {
    const held = { ...latte, soldOut: true, soldOutAt: at(30) };
    const pulled = { ...latte, price: 52_000, soldOut: false, soldOutAt: at(10) };
    expect(withLatestSoldOut(pulled, held)).toEqual({ ...pulled, soldOut: true, soldOutAt: at(30) });
    expect(withLatestSoldOut(held, pulled)).toBe(held);
    expect(withLatestSoldOut(held, { soldOut: false, soldOutAt: null })).toBe(held);
    expect(isLaterToggle(at(1), null)).toBe(true);
  });

  it("whatever order toggles arrive in, and however often, every tier ends the same", () => {
    const mark = fc.record({
      itemId: fc.constantFrom("a", "b", "c"),
      soldOut: fc.boolean(),
      at: fc.integer({ min: 0, max: 59 }).map(at),
    });
    const items = ["a", "b", "c"].map((id) => ({ id, soldOut: false, soldOutAt: null as string | null }));
    const applyAll = (marks: readonly SoldOutToggleMark[]) =>
      marks.reduce(
        (state, next) => applySoldOutToggle(state, next).items,
        items as readonly (typeof items)[number][],
      );
    fc.assert(
      fc.property(
        // Distinct times per item: two different toggles at the same instant are not a real case.
        fc.uniqueArray(mark, { selector: (m) => `${m.itemId}@${m.at}`, maxLength: 12 }).chain((marks) => {
          const twice = [...marks, ...marks];
          const all = { minLength: twice.length, maxLength: twice.length };
          return fc.tuple(fc.constant(marks), fc.shuffledSubarray(twice, all));
        }),
        ([marks, arrived]) => {
          expect(applyAll(arrived)).toEqual(applyAll(marks));
        },
      ),
    );
  });
});

describe("planChange refuses to add a sold-out item", () => {
  const actor = { userId: "u-cashier", role: "cashier" as const };
  const item = { id: "i-latte", name: "Latte", price: dong(49_000), vatRate: 8 as const };

  it("answers ITEM_SOLD_OUT for a new line, and plans one for an item on sale", () => {
    const add = { kind: "addLine", lineId: "l1", quantity: 1, note: null } as const;
    expect(planChange(null, { ...add, item: { ...item, soldOut: true } }, actor)).toEqual({
      ok: false,
      code: "ITEM_SOLD_OUT",
    });
    const planned = planChange(null, { ...add, item: { ...item, soldOut: false } }, actor);
    expect(planned.ok && planned.drafts[0]?.data).toMatchObject({ itemId: item.id, unitPrice: 49_000 });
    expect(planned.ok && planned.drafts[0]?.data).not.toHaveProperty("soldOut");
  });
});
