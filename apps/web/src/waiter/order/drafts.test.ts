import { dong, type LineOption } from "@quay/core";
import { describe, expect, it } from "vitest";
import {
  type DraftAction,
  type Drafts,
  draftCount,
  draftsReducer,
  removeSent,
  restoredDrafts,
} from "./drafts.js";

const coffee = { id: "item-coffee", name: "Cà phê sữa đá", price: 29_000 };
const tea = { id: "item-tea", name: "Trà đào", price: 45_000 };
const apply = (actions: DraftAction[], start: Drafts = {}) => actions.reduce(draftsReducer, start);
const add = (item: typeof coffee, note = "", options: readonly LineOption[] = []): DraftAction => ({
  type: "add",
  tableId: "t1",
  orderId: "o1",
  item,
  note,
  options,
});

const size = (optionId: string, name: string, price: number) => ({
  groupId: "group-size",
  optionId,
  name,
  price: dong(price),
});

describe("the items a waiter is entering", () => {
  it("prices a line with its options and keeps apart the same item chosen otherwise", () => {
    const large = size("opt-l", "L", 6_000);
    const drafts = apply([
      add(tea, "", [large]),
      add(tea, "", [large]),
      add(tea, "", [size("opt-m", "M", 0)]),
    ]);
    const lines = drafts.t1?.lines ?? [];
    expect(lines.map((line) => [line.quantity, line.unitPrice, line.options?.[0]?.name])).toEqual([
      [2, 51_000, "L"],
      [1, 45_000, "M"],
    ]);
  });

  it("edits a draft line's options and note, its price following the options", () => {
    let drafts = apply([add(tea, "", [size("opt-m", "M", 0)])]);
    const lineId = drafts.t1?.lines[0]?.lineId ?? "";
    drafts = draftsReducer(drafts, {
      type: "edit",
      tableId: "t1",
      lineId,
      note: "Ít ngọt",
      options: [size("opt-s", "S", -5_000)],
    });
    expect(drafts.t1?.lines[0]).toMatchObject({ note: "Ít ngọt", unitPrice: 40_000 });
    // A note alone keeps the options.
    drafts = draftsReducer(drafts, { type: "edit", tableId: "t1", lineId, note: "" });
    expect(drafts.t1?.lines[0]).toMatchObject({ note: "", unitPrice: 40_000 });
    expect(drafts.t1?.lines[0]?.options?.map((option) => option.name)).toEqual(["S"]);
  });

  it("adds one of an item per tap, apart when the note differs", () => {
    const drafts = apply([add(coffee), add(coffee), add(coffee, "Ít đá"), add(tea)]);
    const lines = drafts.t1?.lines ?? [];
    expect(lines.map((line) => [line.name, line.quantity, line.note, line.state])).toEqual([
      ["Cà phê sữa đá", 2, "", "draft"],
      ["Cà phê sữa đá", 1, "Ít đá", "draft"],
      ["Trà đào", 1, "", "draft"],
    ]);
    expect(new Set(lines.map((line) => line.lineId)).size).toBe(3);
    expect(draftCount(drafts.t1)).toBe(4);
    expect(drafts.t1?.orderId).toBe("o1");
  });

  it("keeps a failed line under its id, never merged into, until it is sent or removed", () => {
    let drafts = apply([add(coffee)]);
    const lineId = drafts.t1?.lines[0]?.lineId ?? "";
    drafts = apply(
      [
        { type: "sending", tableId: "t1", lineIds: [lineId] },
        { type: "failed", tableId: "t1", lineIds: [lineId], error: "Không kết nối được máy chủ." },
        add(coffee),
        { type: "quantity", tableId: "t1", lineId, delta: 1 },
      ],
      drafts,
    );
    const [failed, fresh] = drafts.t1?.lines ?? [];
    expect(failed).toMatchObject({
      lineId,
      quantity: 1,
      state: "failed",
      error: "Không kết nối được máy chủ.",
    });
    expect(fresh).toMatchObject({ quantity: 1, state: "draft" });
    expect(fresh?.lineId).not.toBe(lineId);
    // Sending again keeps the id, so the server adds the line at most once.
    drafts = draftsReducer(drafts, { type: "sending", tableId: "t1", lineIds: [lineId] });
    expect(drafts.t1?.lines[0]).toMatchObject({ lineId, state: "sending", error: null });
    // A line being sent cannot be removed from under its call.
    expect(draftsReducer(drafts, { type: "remove", tableId: "t1", lineId })).toBe(drafts);
    drafts = draftsReducer(drafts, { type: "sent", lineIds: [lineId] });
    expect(drafts.t1?.lines.map((line) => line.state)).toEqual(["draft"]);
  });

  it("drops lines the server holds, and a table's draft once empty", () => {
    const drafts = apply([add(coffee), add(tea)]);
    const ids = (drafts.t1?.lines ?? []).map((line) => line.lineId);
    expect(removeSent(drafts, new Set([ids[0] ?? ""])).t1?.lines).toHaveLength(1);
    expect(removeSent(drafts, new Set(ids))).toEqual({});
    expect(removeSent(drafts, new Set(["someone-else"]))).toBe(drafts);
  });

  it("takes a call cut off by a reload as failed: its outcome is unknown", () => {
    const drafts = apply([add(coffee), add(tea)]);
    const [first] = drafts.t1?.lines ?? [];
    const stored = JSON.parse(
      JSON.stringify(
        draftsReducer(drafts, { type: "sending", tableId: "t1", lineIds: [first?.lineId ?? ""] }),
      ),
    );
    const restored = restoredDrafts(stored);
    expect(restored.t1?.lines.map((line) => line.state)).toEqual(["failed", "draft"]);
    expect(restoredDrafts("garbage")).toEqual({});
    expect(restoredDrafts({ t2: { orderId: 5 } })).toEqual({});
  });

  it("holds the items of an order closed at the counter until the waiter sends them anyway or drops them", () => {
    let drafts = apply([add(coffee), add(tea)]);
    const [first] = drafts.t1?.lines ?? [];
    drafts = apply(
      [
        { type: "sending", tableId: "t1", lineIds: [first?.lineId ?? ""] },
        { type: "closed", orderId: "o1", number: "CH01-Q1-20261201-0011", status: "paid" },
      ],
      drafts,
    );
    expect(drafts.t1?.closed).toEqual({ number: "CH01-Q1-20261201-0011", status: "paid" });
    // The line on its way did not reach the paid order: it is the waiter's again.
    expect(drafts.t1?.lines.map((line) => line.state)).toEqual(["draft", "draft"]);
    expect(apply([{ type: "closed", orderId: "other", number: null, status: "void" }], drafts)).toBe(drafts);
    expect(restoredDrafts(JSON.parse(JSON.stringify(drafts))).t1?.closed).toEqual(drafts.t1?.closed);

    const anyway = apply([{ type: "reorder", tableId: "t1", orderId: "o2" }], drafts);
    expect([anyway.t1?.orderId, anyway.t1?.closed, anyway.t1?.lines.length]).toEqual(["o2", undefined, 2]);
    expect(apply([{ type: "drop", tableId: "t1" }], drafts)).toEqual({});
  });
});
