import type { QueuedTicket } from "./ticket-store.js";

/**
 * How long a "new items" ticket stays open to the next taps on its order. At the counter each tap
 * on a menu item is its own commit; a cashier tapping four drinks does so within a few hundred
 * milliseconds each, and the bar wants one ticket for them, not four. Short enough that the
 * ticket still prints within about a second of the last tap.
 */
export const SETTLE_MS = 800;

/**
 * How long the spooler must still wait before starting `ticket` (0: now). Only a fresh "new
 * items" ticket waits; every other kind, a reprint after a crash and a ticket someone released
 * print at once. Never more than SETTLE_MS, so a clock set back cannot stall a queue.
 */
export function settleWaitMs(ticket: QueuedTicket, nowMs: number): number {
  if (ticket.content.kind !== "items" || ticket.reprint || ticket.released) return 0;
  const left = Date.parse(ticket.changedAt) + SETTLE_MS - nowMs;
  return Number.isFinite(left) ? Math.min(Math.max(left, 0), SETTLE_MS) : 0;
}
