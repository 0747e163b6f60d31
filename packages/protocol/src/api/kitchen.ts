import { MAX_READY_LINES } from "@quay/core";
import { z } from "zod";
import { Id, IsoTime } from "../wire/common.js";

/** How far back the kitchen screen looks: what was ordered longer ago is no one's work any more. */
export const KITCHEN_WINDOW_HOURS = 12;
/** The most categories one screen follows (a store has a few dozen at most). */
export const MAX_KITCHEN_CATEGORIES = 100;

/**
 * `GET /api/kitchen?categoryIds=a,b` at a station: the categories this screen makes, as a
 * comma-separated list of ids (empty: every category).
 */
export const KitchenQuerySchema = z.object({
  categoryIds: z
    .string()
    .max(MAX_KITCHEN_CATEGORIES * 37)
    .optional()
    .transform((value) => (value ? value.split(",").filter((id) => id !== "") : []))
    .pipe(z.array(Id).max(MAX_KITCHEN_CATEGORIES)),
});

export const KitchenLineSchema = z.object({
  lineId: Id,
  name: z.string(),
  quantity: z.number().int().min(1),
  note: z.string().nullable(),
  /** When what is left to make was ordered (the add, or the latest raise of its quantity). */
  orderedAt: IsoTime,
});

/** One order's card: its lines still to make in the screen's categories. */
export const KitchenCardSchema = z.object({
  orderId: Id,
  orderNumber: z.string(),
  /** The table's name, or null for a take-away ("Mang về"). */
  tableName: z.string().nullable(),
  /** Who sent the lines on the card (names, the earliest first). */
  sentBy: z.array(z.string()),
  lines: z.array(KitchenLineSchema).min(1),
  /** The oldest line's `orderedAt`: how long the card has waited. */
  waitingSince: IsoTime,
});
export type KitchenCard = z.infer<typeof KitchenCardSchema>;

/** The cards, oldest first, of orders changed in the last `KITCHEN_WINDOW_HOURS`. */
export const KitchenBoardSchema = z.object({ cards: z.array(KitchenCardSchema), serverTime: IsoTime });
export type KitchenBoard = z.infer<typeof KitchenBoardSchema>;

/** `POST /api/kitchen/ready`: these lines of this order are made ("Xong"). */
export const KitchenReadyRequestSchema = z.object({
  orderId: Id,
  lineIds: z.array(Id).min(1).max(MAX_READY_LINES),
});
