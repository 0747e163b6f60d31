import { describe, expect, it } from "vitest";
import { noteParts, toggleNoteChip } from "./note-parts.js";

describe("note chips", () => {
  it("reads a note as its comma-separated parts, ignoring blanks", () => {
    expect(noteParts(" Ít đá ,, Không đường ")).toEqual(["Ít đá", "Không đường"]);
    expect(noteParts("")).toEqual([]);
  });

  it("adds a chip after what is typed, and takes it out on a second tap", () => {
    const once = toggleNoteChip("mang ra sau", "Ít đá");
    expect(once).toBe("mang ra sau, Ít đá");
    expect(toggleNoteChip(once, "Ít đá")).toBe("mang ra sau");
    expect(toggleNoteChip("", "Nóng")).toBe("Nóng");
  });
});
