import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { bySortOrder } from "../../shared/catalog/sort-order.js";
import { AreaTabs } from "../../shared/components/area-tabs.js";
import { useNow } from "../../shared/time/use-now.js";
import type { Catalog, Order, Table } from "../api/station-types.js";
import { TableTile } from "./table-tile.js";
import { TakeAwayList } from "./take-away-list.js";
import "./tables.css";

interface TableMapProps {
  readonly catalog: Catalog;
  readonly openOrders: readonly Order[];
  readonly onSelectTable: (table: Table, order: Order | undefined) => void;
  readonly onSelectOrder: (order: Order) => void;
  readonly onNewTakeAway: () => void;
}

/** The floor by area: free and occupied tables, and the take-away orders. */
export function TableMap({
  catalog,
  openOrders,
  onSelectTable,
  onSelectOrder,
  onNewTakeAway,
}: TableMapProps) {
  const { t } = useTranslation();
  const now = useNow();
  // The chosen area; null for all of them.
  const [areaId, setAreaId] = useState<string | null>(null);

  const orderByTable = useMemo(() => {
    const byTable = new Map<string, Order>();
    const oldestFirst = [...openOrders].sort((a, b) => (a.openedAt ?? "").localeCompare(b.openedAt ?? ""));
    for (const order of oldestFirst) {
      if (order.tableId !== null && !byTable.has(order.tableId)) byTable.set(order.tableId, order);
    }
    return byTable;
  }, [openOrders]);

  const areas = bySortOrder(catalog.areas);
  const shownAreas = areaId === null ? areas : areas.filter((area) => area.id === areaId);
  const takeAway = openOrders.filter((order) => order.tableId === null);
  const occupiedCount = catalog.tables.filter((table) => orderByTable.has(table.id)).length;

  return (
    <div className="table-map">
      <div className="section-head">
        <h1>{t("tables.title")}</h1>
        <span className="muted">
          {t("tables.summary", { occupied: occupiedCount, total: catalog.tables.length })}
        </span>
      </div>
      <AreaTabs
        areas={areas}
        selected={areaId}
        onSelect={setAreaId}
        allLabel={t("tables.allAreas")}
        label={t("tables.title")}
      />
      {shownAreas.map((area) => {
        const tables = bySortOrder(catalog.tables.filter((table) => table.areaId === area.id));
        return (
          <section key={area.id} className="area" aria-label={area.name}>
            <h2>{area.name}</h2>
            <div className="tile-grid">
              {tables.map((table) => (
                <TableTile
                  key={table.id}
                  table={table}
                  order={orderByTable.get(table.id)}
                  now={now}
                  onSelect={(chosen) => onSelectTable(chosen, orderByTable.get(chosen.id))}
                />
              ))}
            </div>
          </section>
        );
      })}
      <TakeAwayList orders={takeAway} now={now} onSelect={onSelectOrder} onNew={onNewTakeAway} />
    </div>
  );
}
