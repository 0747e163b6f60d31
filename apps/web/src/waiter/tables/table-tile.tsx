import { itemCount } from "../../shared/order/item-count.js";
import { TableTileFrame } from "../../shared/tables/table-tile-frame.js";
import { elapsedText } from "../../shared/time/elapsed-text.js";
import type { FloorOrder, Table } from "../api/waiter-types.js";
import { useText } from "../i18n/waiter-text.js";

interface TableTileProps {
  readonly table: Table;
  readonly order: FloorOrder | undefined;
  /** Items entered on this phone and not sent yet. */
  readonly unsent: number;
  readonly now: number;
  readonly onSelect: (tableId: string) => void;
}

/** One table: free, or occupied with its running total, who opened it and for how long. */
export function TableTile({ table, order, unsent, now, onSelect }: TableTileProps) {
  const t = useText();
  return (
    <TableTileFrame
      tableName={table.name}
      total={order?.total}
      className="w-table"
      partPrefix="w-table"
      freeLabel={t("tables.free")}
      onSelect={() => onSelect(table.id)}
      badge={
        unsent > 0 ? (
          <span className="w-pill w-table-draft" data-testid="table-draft">
            {t("tables.draft", { count: unsent })}
          </span>
        ) : null
      }
    >
      {order ? (
        <>
          <span className="w-table-meta">
            {t("tables.itemCount", { count: itemCount(order.lines) })} · {elapsedText(order.openedAt, now, t)}
          </span>
          <span className="w-table-by" data-testid="table-opened-by">
            {order.openedBy?.name ?? ""}
          </span>
        </>
      ) : null}
    </TableTileFrame>
  );
}
