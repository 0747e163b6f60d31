import { useTranslation } from "react-i18next";
import { Money } from "../../shared/money/money.js";
import type { Order } from "../api/station-types.js";
import { TileGrid } from "../components/tile-grid.js";
import { shortNumber } from "../order/order-label.js";
import { ElapsedLabel } from "./elapsed-label.js";

interface TakeAwayListProps {
  readonly orders: readonly Order[];
  readonly now: number;
  readonly onSelect: (order: Order) => void;
  readonly onNew: () => void;
}

/** Open orders without a table (mang về), and the button that starts one. */
export function TakeAwayList({ orders, now, onSelect, onNew }: TakeAwayListProps) {
  const { t } = useTranslation();
  return (
    <section className="take-away" aria-label={t("tables.takeAway")}>
      <div className="section-head">
        <h2>{t("tables.takeAway")}</h2>
        <button type="button" className="primary" onClick={onNew} aria-keyshortcuts="F2">
          + {t("tables.newTakeAway")} <kbd>F2</kbd>
        </button>
      </div>
      <TileGrid
        items={orders}
        tileClassName="table-tile occupied take-away-tile"
        onSelect={onSelect}
        empty={<p className="muted">{t("tables.noTakeAway")}</p>}
        tileData={() => ({ "data-testid": "take-away-tile" })}
      >
        {(order) => (
          <>
            <span className="table-name">{shortNumber(order.number)}</span>
            <Money amount={order.total} className="table-total" />
            <span className="table-meta">
              <ElapsedLabel since={order.openedAt} now={now} />
            </span>
          </>
        )}
      </TileGrid>
    </section>
  );
}
