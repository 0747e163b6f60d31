import fc from "fast-check";

/** A UTC offset in minutes, as ISO times carry them: −12:00 to +14:00, often whole hours. */
export const utcOffset = fc.oneof(
  fc.integer({ min: -12, max: 14 }).map((hours) => hours * 60),
  fc.integer({ min: -12 * 60, max: 14 * 60 }),
);

/** `ms` written as an ISO time with milliseconds at the UTC offset `offsetMinutes` (`+07:00`…). */
export function atOffset(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, "0");
  const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, "0");
  return `${local}${sign}${hours}:${minutes}`;
}
