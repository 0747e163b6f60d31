import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNow } from "../../shared/time/use-now.js";
import type { Catalog, Order, Table } from "../api/station-types.js";
import { TableTile } from "./table-tile.js";
import { TakeAwayList } from "./take-away-list.js";

interface TableMapProps {
  readonly catalog: Catalog;
  readonly openOrders: readonly Order[];
  readonly onSelectTable: (table: Table, order: Order | undefined) => void;
  readonly onSelectOrder: (order: Order) => void;
  readonly onNewTakeAway: () => void;
}

const ALL = "all";

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
  const [areaId, setAreaId] = useState<string>(ALL);

  const orderByTable = useMemo(() => {
    const byTable = new Map<string, Order>();
    const oldestFirst = [...openOrders].sort((a, b) => (a.openedAt ?? "").localeCompare(b.openedAt ?? ""));
    for (const order of oldestFirst) {
      if (order.tableId !== null && !byTable.has(order.tableId)) byTable.set(order.tableId, order);
    }
    return byTable;
  }, [openOrders]);

  const areas = [...catalog.areas].sort((a, b) => a.sortOrder - b.sortOrder);
  const shownAreas = areaId === ALL ? areas : areas.filter((area) => area.id === areaId);
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
      <div className="tabs" role="tablist" aria-label={t("tables.title")}>
        {[{ id: ALL, name: t("tables.allAreas") }, ...areas].map((area) => (
          <button
            type="button"
            role="tab"
            key={area.id}
            aria-selected={areaId === area.id}
            className={areaId === area.id ? "tab selected" : "tab"}
            onClick={() => setAreaId(area.id)}
          >
            {area.name}
          </button>
        ))}
      </div>
      {shownAreas.map((area) => {
        const tables = catalog.tables
          .filter((table) => table.areaId === area.id)
          .sort((a, b) => a.sortOrder - b.sortOrder);
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
