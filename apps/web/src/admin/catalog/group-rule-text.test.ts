import { describe, expect, it } from "vitest";
import { viText } from "../i18n/vi-text.test-support.js";
import { groupRuleText } from "./group-rule-text.js";

describe("an option group's rule", () => {
  it("says how each group is chosen", () => {
    expect(groupRuleText({ minChoices: 1, maxChoices: 1 }, viText)).toBe("chọn 1, bắt buộc");
    expect(groupRuleText({ minChoices: 0, maxChoices: 2 }, viText)).toBe("tối đa 2");
    expect(groupRuleText({ minChoices: 1, maxChoices: 3 }, viText)).toBe("bắt buộc, tối đa 3");
  });
});
