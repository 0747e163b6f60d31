/**
 * An item's "hết món" state as every tier keeps it (docs/sync-protocol.md, "Sold out"): whether
 * it is sold out for now, and when that was last toggled (device time, ISO-8601 UTC, so toggles
 * compare as text like op times). `null`: never toggled, on sale.
 */
export interface SoldOutState {
  readonly soldOut: boolean;
  readonly soldOutAt: string | null;
}

/** One toggle as a counter or a person made it: catalog state, not an order op. */
export interface SoldOutToggleMark {
  readonly itemId: string;
  readonly soldOut: boolean;
  readonly at: string;
}

/**
 * Whether a toggle made at `at` replaces the state toggled at `heldAt`: only a strictly later one
 * does (ties keep what is held), so toggles may arrive by every path, twice, in any order, and
 * every tier ends with the latest.
 */
export function isLaterToggle(at: string, heldAt: string | null): boolean {
  return heldAt === null || at > heldAt;
}

/** `held` with the sold-out state of `incoming` when that one was toggled later; else `held` itself. */
export function withLatestSoldOut<T extends SoldOutState>(held: T, incoming: SoldOutState): T {
  if (incoming.soldOutAt === null || !isLaterToggle(incoming.soldOutAt, held.soldOutAt)) return held;
  return { ...held, soldOut: incoming.soldOut, soldOutAt: incoming.soldOutAt };
}

/**
 * Applies a toggle to the items it names (last writer wins by `at`); answers the items and
 * whether anything changed (the same array when nothing did).
 */
export function applySoldOutToggle<T extends SoldOutState & { readonly id: string }>(
  items: readonly T[],
  mark: SoldOutToggleMark,
): { readonly items: readonly T[]; readonly changed: boolean } {
  let changed = false;
  const next = items.map((item) => {
    if (item.id !== mark.itemId) return item;
    const updated = withLatestSoldOut(item, { soldOut: mark.soldOut, soldOutAt: mark.at });
    if (updated !== item) changed = true;
    return updated;
  });
  return changed ? { items: next, changed } : { items, changed };
}
