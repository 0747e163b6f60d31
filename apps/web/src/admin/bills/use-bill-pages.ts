import { useState } from "react";
import type { Bill, BillFilters, BillList } from "../api/admin-types.js";
import { useLoad } from "../api/use-load.js";
import { useStore } from "../layout/store-context.js";
import type { DayRange } from "../reports/date-range.js";

export interface BillPages {
  readonly bills: readonly Bill[];
  readonly error: unknown;
  readonly loading: boolean;
  /** Null when the last page is shown. */
  readonly more: (() => void) | null;
}

/** The bills of a range and filters: the first page, and the pages after it as asked for. */
export function useBillPages(range: DayRange, filters: BillFilters): BillPages {
  const { api, storeId, salesVersion } = useStore();
  const key = `${storeId}|${range.from}|${range.to}|${filters.q}|${filters.method}|${salesVersion}`;
  const first = useLoad(() => api.bills(storeId, range.from, range.to, filters, 0), key);
  // Later pages belong to the listing they were asked of: a new key drops them.
  const [later, setLater] = useState<{ key: string; pages: BillList[] }>({ key, pages: [] });
  const [failure, setFailure] = useState<unknown>(null);
  const pages = later.key === key ? later.pages : [];
  const next = (pages.at(-1) ?? first.data)?.next ?? null;
  const more =
    next === null
      ? null
      : () => {
          api
            .bills(storeId, range.from, range.to, filters, next)
            .then((page) => setLater({ key, pages: [...pages, page] }), setFailure);
        };
  return {
    bills: [...(first.data?.orders ?? []), ...pages.flatMap((page) => page.orders)],
    error: first.error ?? failure,
    loading: first.loading,
    more,
  };
}
