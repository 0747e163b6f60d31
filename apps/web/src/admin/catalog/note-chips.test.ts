import { MAX_NOTE_CHIP_CHARS, MAX_NOTE_CHIPS } from "@quay/core";
import { describe, expect, it } from "vitest";
import { addNoteChip } from "./note-chips.js";

describe("a category's quick notes", () => {
  it("adds a note trimmed, once, within core's limits", () => {
    expect(addNoteChip(["Ít đá"], "  Không đường ")).toEqual({ ok: true, chips: ["Ít đá", "Không đường"] });
    expect(addNoteChip(["Ít đá"], "   ")).toEqual({ ok: true, chips: ["Ít đá"] });
    expect(addNoteChip(["Ít đá"], "ít đá")).toEqual({ ok: false, problem: "repeated" });
    expect(addNoteChip([], "x".repeat(MAX_NOTE_CHIP_CHARS + 1))).toEqual({ ok: false, problem: "tooLong" });
    const full = Array.from({ length: MAX_NOTE_CHIPS }, (_, i) => `Ghi chú ${i}`);
    expect(addNoteChip(full, "Mang về")).toEqual({ ok: false, problem: "full" });
  });
});
