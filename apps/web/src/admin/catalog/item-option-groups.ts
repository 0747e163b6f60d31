import { MAX_ITEM_OPTION_GROUPS } from "@quay/core";

/**
 * An item's option groups with one ticked (at the end: the counter asks in this order) or
 * cleared; null when ticking it would pass core's `MAX_ITEM_OPTION_GROUPS`.
 */
export function withGroup(
  groupIds: readonly string[],
  groupId: string,
  on: boolean,
): readonly string[] | null {
  const others = groupIds.filter((id) => id !== groupId);
  if (!on) return others;
  if (others.length >= MAX_ITEM_OPTION_GROUPS) return null;
  return [...others, groupId];
}
