import { describe, expect, it } from "vitest";
import type { FloorOrder, Order } from "../api/waiter-types.js";
import { heldLineIds, ordersByTable, replaceFloor, upsertFloorOrder } from "./floor-state.js";

const order = (id: string, fields: Partial<FloorOrder> = {}): FloorOrder =>
  ({
    id,
    number: `CH01-W-20261128-${id}`,
    storeId: "s",
    tableId: "t1",
    status: "open",
    lines: [],
    voidedLines: [],
    total: 0,
    openedAt: "2026-11-28T03:00:00.000Z",
    updatedAt: "2026-11-28T03:00:00.000Z",
    openedBy: { id: "u1", name: "Huy" },
    ...fields,
  }) as FloorOrder;

describe("the live table map", () => {
  it("keeps the newest fold and who opened it; paid orders leave", () => {
    let floor = replaceFloor(new Map(), [order("1")]);
    const newer = { ...order("1", { total: 58_000, updatedAt: "2026-11-28T03:05:00.000Z" }) } as Order;
    delete (newer as { openedBy?: unknown }).openedBy;
    floor = upsertFloorOrder(floor, newer);
    expect(floor.get("1")).toMatchObject({ total: 58_000, openedBy: { name: "Huy" } });
    // A late answer with an older fold changes nothing.
    expect(upsertFloorOrder(floor, order("1", { total: 1, updatedAt: "2026-11-28T03:01:00.000Z" }))).toBe(
      floor,
    );
    floor = upsertFloorOrder(floor, order("1", { status: "paid", updatedAt: "2026-11-28T03:10:00.000Z" }));
    expect(floor.size).toBe(0);
  });

  it("puts the oldest open order on its table, and lists every line id held", () => {
    const floor = replaceFloor(new Map(), [
      order("2", { openedAt: "2026-11-28T03:30:00.000Z", lines: [{ id: "l2" }] as FloorOrder["lines"] }),
      order("1", { voidedLines: [{ id: "l1" }] as FloorOrder["voidedLines"] }),
      order("3", { tableId: null }),
    ]);
    expect(ordersByTable(floor).get("t1")?.id).toBe("1");
    expect([...ordersByTable(floor).keys()]).toEqual(["t1"]);
    expect(heldLineIds(floor)).toEqual(new Set(["l2", "l1"]));
  });
});
