import { type RefObject, useEffect, useRef } from "react";
import type { OrderLine } from "../api/station-types.js";

/**
 * Keeps the line the cashier is working on inside the scrolled list: the newest line when one is
 * added (past five or so lines it would land below the fold), else the selected one as ↑/↓ move.
 * Rows carry their id in `data-line-id`.
 */
export function useLineInView(
  list: RefObject<HTMLElement | null>,
  lines: readonly OrderLine[] | undefined,
  selectedLineId: string | null,
): void {
  const seen = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const ids = lines?.map((line) => line.id) ?? [];
    const added = ids.filter((id) => !seen.current.has(id)).at(-1);
    seen.current = new Set(ids);
    const target = added ?? selectedLineId;
    if (target === null) return;
    list.current
      ?.querySelector(`[data-line-id="${CSS.escape(target)}"]`)
      ?.scrollIntoView({ block: "nearest" });
  }, [list, lines, selectedLineId]);
}
