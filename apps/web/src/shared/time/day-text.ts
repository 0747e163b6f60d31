/**
 * Days as Vietnamese users write them, `dd/mm/yyyy`, whatever the browser's locale (a native date
 * input follows it, and shows mm/dd on an English one).
 */

/** `03/12/2026` from `2026-12-03`. */
export function dayText(isoDay: string): string {
  const [year, month, day] = isoDay.split("-");
  return year && month && day ? `${day}/${month}/${year}` : "";
}

/** `2026-12-03` from `3/12/2026` (or with dots or dashes), or null for no such day. */
export function parseDayText(text: string): string | null {
  const parts = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (parts === null) return null;
  const [day, month, year] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
