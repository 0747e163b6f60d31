import { useTranslation } from "react-i18next";
import { Money } from "../../shared/money/money.js";
import { itemCount } from "../../shared/order/item-count.js";
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
  const occupied = order !== undefined;
  return (
    <button
      type="button"
      className={occupied ? "table-tile occupied" : "table-tile"}
      onClick={() => onSelect(table)}
      data-testid="table-tile"
      data-table={table.name}
      data-state={occupied ? "occupied" : "free"}
    >
      <span className="table-name">{table.name}</span>
      {occupied ? (
        <>
          <Money amount={order.total} className="table-total" />
          <span className="table-meta">
            <ElapsedLabel since={order.openedAt} now={now} />
            <span>{t("tables.itemCount", { count: itemCount(order.lines) })}</span>
          </span>
        </>
      ) : (
        <span className="table-free">{t("tables.free")}</span>
      )}
    </button>
  );
}
