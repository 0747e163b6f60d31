/** The parts of a note as the chips write it: "Ít đá, Không đường" → ["Ít đá", "Không đường"]. */
export function noteParts(note: string): string[] {
  return note
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** The note with `chip` added at the end, or taken out when it is already there. */
export function toggleNoteChip(note: string, chip: string): string {
  const parts = noteParts(note);
  return (parts.includes(chip) ? parts.filter((part) => part !== chip) : [...parts, chip]).join(", ");
}
