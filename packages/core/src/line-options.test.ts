import { describe, expect, it } from "vitest";
import type { OptionGroup } from "./catalog.js";
import { chooseOptions, type LineOption, lineTitle, lineUnitPrice } from "./line-options.js";
import { type Dong, dong } from "./money.js";
import { foldOrder } from "./order-fold.js";
import { planMerge } from "./order-merge.js";
import { device, fold, lineData, openData } from "./order-op-builder.test-support.js";

const size: OptionGroup = {
  id: "size",
  name: "Size",
  minChoices: 1,
  maxChoices: 1,
  sortOrder: 0,
  options: [
    { id: "s", name: "S", price: dong(-5_000), active: true },
    { id: "m", name: "M", price: dong(0), active: true },
    { id: "l", name: "L", price: dong(6_000), active: true },
  ],
};
const toppings: OptionGroup = {
  id: "top",
  name: "Topping",
  minChoices: 0,
  maxChoices: 2,
  sortOrder: 1,
  options: [
    { id: "tc", name: "Trân châu", price: dong(5_000), active: true },
    { id: "th", name: "Thạch", price: dong(5_000), active: true },
    { id: "shot", name: "Thêm shot", price: dong(10_000), active: true },
    { id: "old", name: "Hết rồi", price: dong(1_000), active: false },
  ],
};
const milkTea = { optionGroupIds: ["size", "top"] };
const groups = [toppings, size];
const option = (optionId: string, name: string, price: number, groupId = "top"): LineOption => ({
  groupId,
  optionId,
  name,
  price: dong(price),
});

describe("chooseOptions", () => {
  it("answers the chosen options in the groups' order, with names and prices now", () => {
    expect(chooseOptions(milkTea, groups, ["tc", "l"])).toEqual({
      ok: true,
      options: [option("l", "L", 6_000, "size"), option("tc", "Trân châu", 5_000)],
    });
  });
  it("needs the required size", () => {
    expect(chooseOptions(milkTea, groups, ["tc"])).toEqual({ ok: false, code: "OPTION_REQUIRED" });
  });
  it("keeps to a group's maximum", () => {
    expect(chooseOptions(milkTea, groups, ["m", "tc", "th", "shot"])).toEqual({
      ok: false,
      code: "TOO_MANY_OPTIONS",
    });
    expect(chooseOptions(milkTea, groups, ["s", "m"])).toEqual({ ok: false, code: "TOO_MANY_OPTIONS" });
  });
  it("refuses an option of another item, an inactive one, an unknown one or one twice", () => {
    expect(chooseOptions({ optionGroupIds: ["top"] }, groups, ["l"]).ok).toBe(false);
    expect(chooseOptions(milkTea, groups, ["m", "old"])).toEqual({ ok: false, code: "OPTION_NOT_FOUND" });
    expect(chooseOptions(milkTea, groups, ["m", "nope"])).toEqual({ ok: false, code: "OPTION_NOT_FOUND" });
    expect(chooseOptions(milkTea, groups, ["m", "tc", "tc"])).toEqual({
      ok: false,
      code: "OPTION_NOT_FOUND",
    });
  });
  it("takes nothing for an item without groups", () => {
    expect(chooseOptions({}, groups, [])).toEqual({ ok: true, options: [] });
  });
});

describe("a line's options", () => {
  const station = device("station-1");
  const opened = station("open", openData(), 0);
  const withOptions = station(
    "addLine",
    {
      ...lineData("l1", 35_000, 2),
      name: "Trà sữa",
      options: [option("l", "L", 6_000, "size"), option("tc", "Trân châu", 5_000)],
    },
    1,
  );

  it("price each unit: (item + options) × quantity", () => {
    const order = fold(opened, withOptions);
    const [line] = order.lines;
    expect(line).toMatchObject({ unitPrice: 46_000, basePrice: 35_000, amount: 92_000 });
    expect(order.total).toBe(92_000);
    expect(lineTitle(line ?? { name: "" })).toBe("Trà sữa (L, Trân châu)");
  });

  it("never price a unit below 0, whatever a synced op says", () => {
    expect(lineUnitPrice(dong(5_000), [option("s", "S", -9_000)])).toBe(0);
  });

  it("leave a line without options exactly as before (no options, no basePrice)", () => {
    const [line] = fold(opened, station("addLine", lineData("l2", 29_000), 1)).lines;
    expect(line).not.toHaveProperty("options");
    expect(line).not.toHaveProperty("basePrice");
  });

  it("are edited, with the note, last writer wins, before the kitchen has the line", () => {
    const phone = device("web-phone");
    const order = fold(
      opened,
      withOptions,
      station("editLine", { lineId: "l1", options: [option("m", "M", 0, "size")] }, 5),
      phone("editLine", { lineId: "l1", note: "ít đá" }, 6),
      phone("editLine", { lineId: "l1", options: [option("s", "S", -5_000, "size")] }, 4), // older: loses
    );
    expect(order.lines[0]).toMatchObject({ unitPrice: 35_000, amount: 70_000, note: "ít đá" });
    const cleared = fold(opened, withOptions, station("editLine", { lineId: "l1", options: [] }, 5));
    expect(cleared.lines[0]).toMatchObject({ unitPrice: 35_000, amount: 70_000 });
    expect(cleared.lines[0]).not.toHaveProperty("options");
  });

  it("ride along a merge, priced once", () => {
    const from = fold(opened, withOptions);
    const intoOpen = device("station-2")("open", { ...openData("table-2"), number: "S2" }, 0);
    const into = foldOrder("order-2", [{ ...intoOpen, orderId: "order-2" }]);
    const plan = planMerge(from, into, { userId: "u", role: "cashier" }, () => "merged-line");
    if (!plan.ok) throw new Error(plan.code);
    const added = plan.into[0];
    if (added?.kind !== "addLine") throw new Error("a merge adds lines");
    expect(added.data.unitPrice).toBe(35_000 as Dong);
    expect(added.data.options).toEqual(withOptions.data.options);
    const merged = foldOrder("order-2", [
      { ...intoOpen, orderId: "order-2" },
      { ...withOptions, id: "x", orderId: "order-2", at: "2026-11-28T01:00:09.000Z", data: added.data },
    ]);
    expect(merged.lines[0]).toMatchObject({ unitPrice: 46_000, amount: 92_000 });
  });
});
