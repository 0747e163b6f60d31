import { MAX_NOTE_CHIP_CHARS, MAX_NOTE_CHIPS } from "@quay/core";

export type NoteChipProblem = "repeated" | "full" | "tooLong";

export type NoteChipAdded =
  | { readonly ok: true; readonly chips: readonly string[] }
  | { readonly ok: false; readonly problem: NoteChipProblem };

/**
 * A category's quick notes with one more at the end, trimmed; refused as the server would
 * (core's limits) or when the category has it already. Blank text adds nothing.
 */
export function addNoteChip(chips: readonly string[], typed: string): NoteChipAdded {
  const chip = typed.trim();
  if (chip === "") return { ok: true, chips };
  if (chip.length > MAX_NOTE_CHIP_CHARS) return { ok: false, problem: "tooLong" };
  const folded = chip.toLocaleLowerCase("vi");
  if (chips.some((held) => held.toLocaleLowerCase("vi") === folded))
    return { ok: false, problem: "repeated" };
  if (chips.length >= MAX_NOTE_CHIPS) return { ok: false, problem: "full" };
  return { ok: true, chips: [...chips, chip] };
}
