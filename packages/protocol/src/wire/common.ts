import { type Dong, MAX_AMOUNT, MAX_QUANTITY, ROLES, VAT_RATES } from "@quay/core";
import { z } from "zod";

/** An id as the core generates them (UUIDv7), or any UUID a client sends. */
export const Id = z.uuid();
/**
 * An ISO-8601 instant with milliseconds, in any UTC offset, parsed to the form devices write
 * (`toISOString()`: UTC, `Z`). Op order compares times as text, so a time must have one spelling:
 * `08:00+07:00` is `01:00Z`, before `02:00Z`.
 */
export const IsoTime = z.iso
  .datetime({ offset: true, precision: 3 })
  .overwrite(toUtc)
  // An offset near either end of the calendar can move the instant out of years 0000–9999.
  .regex(/^\d{4}-/, "a time in the years 0000 to 9999 in UTC");

/** The `toISOString()` form of an ISO time (a `Z` time already is); anything else is left as it is. */
function toUtc(time: string): string {
  if (time.endsWith("Z")) return time;
  const instant = new Date(time);
  return Number.isNaN(instant.getTime()) ? time : instant.toISOString();
}

/** Money in whole đồng: a non-negative integer up to 10^12. */
export const Money = z.number().int().min(0).max(MAX_AMOUNT);
/** Money that must be paid or charged: a positive integer up to 10^12. */
export const PositiveMoney = z.number().int().min(1).max(MAX_AMOUNT);

/**
 * A money schema whose output is typed as the core's branded `Dong`, as zod's own `.brand()`
 * would (its brand is not the core's): the same schema, branded by type only, so parsing costs
 * nothing more. For messages the core's types are recovered from (ops).
 */
export function asDong<S extends z.ZodNumber>(schema: S): S & { _zod: { output: Dong } } {
  return schema as S & { _zod: { output: Dong } };
}

export const Quantity = z.number().int().min(1).max(MAX_QUANTITY);
export const VatRateSchema = z.union(VAT_RATES.map((rate) => z.literal(rate)));

/** Where an entry stands in a list: an integer a 32-bit database column holds. */
export const SortOrder = z
  .number()
  .int()
  .min(-(2 ** 31))
  .max(2 ** 31 - 1);

/** Short human text (names, notes, reasons): trimmed, never empty. */
export const Text = (max: number) => z.string().trim().min(1).max(max);

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
