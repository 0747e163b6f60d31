import { z } from "zod";

/**
 * `POST /api/items/:id/sold-out` on either service: mark a menu item sold out ("hết món") or back
 * on sale. The answer is the item as the caller's menu now shows it.
 */
export const SoldOutToggleSchema = z.object({ soldOut: z.boolean() });
export type SoldOutToggle = z.infer<typeof SoldOutToggleSchema>;
