import { useTranslation } from "react-i18next";
import { itemCount } from "../../shared/order/item-count.js";
import { TableTileFrame } from "../../shared/tables/table-tile-frame.js";
import type { Order, Table } from "../api/station-types.js";
import { ElapsedLabel } from "./elapsed-label.js";

interface TableTileProps {
  readonly table: Table;
  /** The table's open order, if it has one. */
  readonly order: Order | undefined;
  readonly now: number;
  readonly onSelect: (table: Table) => void;
}

/** One table on the map: free, or occupied with its running total and time. */
export function TableTile({ table, order, now, onSelect }: TableTileProps) {
  const { t } = useTranslation();
  return (
    <TableTileFrame
      tableName={table.name}
      total={order?.total}
      className="table-tile"
      partPrefix="table"
      freeLabel={t("tables.free")}
      onSelect={() => onSelect(table)}
    >
      {order ? (
        <span className="table-meta">
          <ElapsedLabel since={order.openedAt} now={now} />
          <span>{t("tables.itemCount", { count: itemCount(order.lines) })}</span>
        </span>
      ) : null}
    </TableTileFrame>
  );
}
