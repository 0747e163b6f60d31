import { useTranslation } from "react-i18next";
import { Money } from "../../shared/money/money.js";
import type { Order } from "../api/station-types.js";
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
      {orders.length === 0 ? (
        <p className="muted">{t("tables.noTakeAway")}</p>
      ) : (
        <div className="tile-grid">
          {orders.map((order) => (
            <button
              type="button"
              key={order.id}
              className="table-tile occupied take-away-tile"
              onClick={() => onSelect(order)}
              data-testid="take-away-tile"
            >
              <span className="table-name">{shortNumber(order.number)}</span>
              <Money amount={order.total} className="table-total" />
              <span className="table-meta">
                <ElapsedLabel since={order.openedAt} now={now} />
              </span>
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
