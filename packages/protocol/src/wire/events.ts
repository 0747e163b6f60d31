import { z } from "zod";

/**
 * `GET /api/sync/events` (Server-Sent Events) with the device token: an event `changed`
 * with data `{ cursor }` whenever the store's data moves past a station's cursor.
 */
export const ChangedEventSchema = z.object({ cursor: z.number().int().min(0) });
