import type { Op } from "./order-op.js";

/**
 * Ops are known by their id: every tier stores an op once, however often it arrives. Two copies
 * with one id must say the same thing; a copy that differs is a conflict, refused, never stored
 * silently (the first copy held stays).
 */

/** Whether two copies of an op say the same thing, whatever the order of their keys. */
export function sameOp(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** The ops one per id, and the first copy that differs from an earlier one of its id (or null). */
export function distinctOps(ops: readonly Op[]): { readonly ops: Op[]; readonly conflicting: Op | null } {
  const byId = new Map<string, Op>();
  for (const op of ops) {
    const first = byId.get(op.id);
    if (first === undefined) byId.set(op.id, op);
    else if (!sameOp(first, op)) return { ops: [], conflicting: op };
  }
  return { ops: [...byId.values()], conflicting: null };
}

/** JSON with keys in order, so two copies of an op compare by content, not by key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
}
