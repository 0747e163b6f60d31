import { MAX_ITEM_OPTION_GROUPS } from "@quay/core";
import { describe, expect, it } from "vitest";
import { withGroup } from "./item-option-groups.js";

describe("an item's option groups", () => {
  it("keeps the order they were ticked in, up to the most an item has", () => {
    expect(withGroup(["size"], "topping", true)).toEqual(["size", "topping"]);
    expect(withGroup(["size", "topping"], "size", false)).toEqual(["topping"]);
    const full = Array.from({ length: MAX_ITEM_OPTION_GROUPS }, (_, i) => `g${i}`);
    expect(withGroup(full, "one-more", true)).toBeNull();
    expect(withGroup(full, "g0", false)).toHaveLength(MAX_ITEM_OPTION_GROUPS - 1);
  });
});
