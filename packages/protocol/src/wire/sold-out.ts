import { z } from "zod";
import { Id, IsoTime } from "./common.js";

/** The most sold-out toggles one call carries (a counter rarely holds more than a few). */
export const MAX_SOLD_OUT_MARKS = 500;

/**
 * One toggle of an item's "hết món", as a counter made it: catalog state, not an order op. Every
 * tier keeps, per item, the toggle with the latest `at` (ties: the one held), so toggles may
 * travel every path (counter → hub → cloud, counter → cloud) in any order and agree.
 */
export const SoldOutMarkSchema = z.object({
  itemId: Id,
  soldOut: z.boolean(),
  at: IsoTime,
  /** Who toggled it: an active user of the store with `items.soldOut`. */
  userId: Id,
});
export type SoldOutMark = z.infer<typeof SoldOutMarkSchema>;

/** `POST /api/sync/sold-out` (since version 15): a station's toggles, to its hub or to the cloud. */
export const SoldOutRequestSchema = z.object({
  protocolVersion: z.number().int(),
  marks: z.array(SoldOutMarkSchema).min(1).max(MAX_SOLD_OUT_MARKS),
});

/** The receiver's head once the toggles are applied: a pull from it brings the catalog as they left it. */
export const SoldOutResponseSchema = z.object({ cursor: z.number().int().min(0) });
