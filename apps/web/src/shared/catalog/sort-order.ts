/** Catalog entries (categories, areas, tables) in the order the back office gave them. */
export function bySortOrder<T extends { readonly sortOrder: number }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.sortOrder - b.sortOrder);
}
