import type { ReactNode } from "react";
import { Money } from "../money/money.js";

interface TableTileFrameProps {
  readonly tableName: string;
  /** The running total of the table's open order; undefined while the table is free. */
  readonly total: number | undefined;
  /** The app's class of a tile (`occupied` is added while the table has an order). */
  readonly className: string;
  /** The app's prefix of the tile's parts: `table` for `table-name`, `table-total`, `table-free`. */
  readonly partPrefix: string;
  /** "Trống": what a free table shows under its name. */
  readonly freeLabel: string;
  readonly onSelect: () => void;
  /** What an occupied table shows under its total: how long, how many items, who opened it. */
  readonly children?: ReactNode;
  /** Shown last, whether the table is free or not (the waiter's items not sent yet). */
  readonly badge?: ReactNode;
}

/**
 * One table on a floor map, free or occupied, as the cashier and the waiter draw it; the data
 * attributes are what the browser tests find a table by.
 */
export function TableTileFrame({
  tableName,
  total,
  className,
  partPrefix,
  freeLabel,
  onSelect,
  children,
  badge,
}: TableTileFrameProps) {
  const occupied = total !== undefined;
  return (
    <button
      type="button"
      className={occupied ? `${className} occupied` : className}
      onClick={onSelect}
      data-testid="table-tile"
      data-table={tableName}
      data-state={occupied ? "occupied" : "free"}
    >
      <span className={`${partPrefix}-name`}>{tableName}</span>
      {occupied ? (
        <>
          <Money amount={total} className={`${partPrefix}-total`} />
          {children}
        </>
      ) : (
        <span className={`${partPrefix}-free`}>{freeLabel}</span>
      )}
      {badge}
    </button>
  );
}
