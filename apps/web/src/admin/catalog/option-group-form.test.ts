import { MAX_GROUP_OPTIONS } from "@quay/core";
import { describe, expect, it } from "vitest";
import { newOptionRow, type OptionGroupForm, optionGroupProblem } from "./option-group-form.js";

const row = (name: string, price: number | null, active = true) => ({
  ...newOptionRow(),
  name,
  price,
  active,
});
const size: OptionGroupForm = {
  name: "Size",
  required: true,
  maxChoices: 1,
  options: [row("S", -5_000), row("M", 0), row("L", 5_000)],
};

describe("an option group's form", () => {
  it("takes a size with a smaller size taken off the price", () => {
    expect(optionGroupProblem(size)).toBeNull();
  });

  it("refuses what the server would, and a required group with nothing on sale", () => {
    const problem = (change: Partial<OptionGroupForm>) => optionGroupProblem({ ...size, ...change });
    expect(problem({ maxChoices: 0 })).toBe("maxChoicesInvalid");
    expect(problem({ options: [] })).toBe("noOptions");
    expect(
      problem({ options: Array.from({ length: MAX_GROUP_OPTIONS + 1 }, (_, i) => row(`${i}`, 0)) }),
    ).toBe("tooManyOptions");
    expect(problem({ options: [row(" ", 0)] })).toBe("optionNameRequired");
    expect(problem({ options: [row("Thạch", 0), row("thạch ", 0)] })).toBe("optionNameRepeated");
    expect(problem({ options: [row("S", null)] })).toBe("optionPriceInvalid");
    expect(problem({ options: [row("S", 1_000_001)] })).toBe("optionPriceInvalid");
    expect(problem({ options: [row("S", -1_000_000)] })).toBeNull();
    expect(problem({ options: [row("S", 0, false)] })).toBe("requiredWithoutActive");
    expect(problem({ required: false, options: [row("S", 0, false)] })).toBeNull();
  });
});
