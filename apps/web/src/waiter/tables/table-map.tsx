import { useState } from "react";
import { bySortOrder } from "../../shared/catalog/sort-order.js";
import { AreaTabs } from "../../shared/components/area-tabs.js";
import { useNow } from "../../shared/time/use-now.js";
import type { Catalog } from "../api/waiter-types.js";
import { useText } from "../i18n/waiter-text.js";
import { type FloorOrders, ordersByTable } from "../live/floor-state.js";
import { type Drafts, draftCount } from "../order/drafts.js";
import { TableTile } from "./table-tile.js";
import "./tables.css";

interface TableMapProps {
  readonly catalog: Catalog;
  readonly orders: FloorOrders;
  readonly drafts: Drafts;
  readonly onSelect: (tableId: string) => void;
}

/** The live table map by area: which tables are occupied, by whom, for how much. */
export function TableMap({ catalog, orders, drafts, onSelect }: TableMapProps) {
  const t = useText();
  const now = useNow();
  // The chosen area; null for all of them.
  const [areaId, setAreaId] = useState<string | null>(null);
  const byTable = ordersByTable(orders);
  const areas = bySortOrder(catalog.areas);
  const tables = [...catalog.tables]
    .filter((table) => areaId === null || table.areaId === areaId)
    .sort((a, b) => {
      const area = (id: string) => areas.findIndex((candidate) => candidate.id === id);
      return area(a.areaId) - area(b.areaId) || a.sortOrder - b.sortOrder;
    });
  const occupied = catalog.tables.filter((table) => byTable.has(table.id)).length;
  const withoutTable = [...orders.values()].filter((order) => order.tableId === null).length;

  return (
    <main className="w-map">
      <div className="w-map-head">
        <h1>{t("tables.title")}</h1>
        <span className="muted small" data-testid="tables-summary">
          {t("tables.summary", { occupied, total: catalog.tables.length })}
        </span>
      </div>
      <AreaTabs areas={areas} selected={areaId} onSelect={setAreaId} allLabel={t("tables.allAreas")} />
      <div className="w-tables">
        {tables.map((table) => (
          <TableTile
            key={table.id}
            table={table}
            order={byTable.get(table.id)}
            unsent={draftCount(drafts[table.id])}
            now={now}
            onSelect={onSelect}
          />
        ))}
      </div>
      {withoutTable > 0 ? (
        <p className="muted small">{t("tables.takeAway", { count: withoutTable })}</p>
      ) : null}
    </main>
  );
}
