import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { formatTime } from "../../shared/time/format-time.js";
import type { Order, OrderLine } from "../api/station-types.js";
import { OrderLineRow } from "./order-line-row.js";
import { OrderTotals } from "./order-totals.js";
import { useLineInView } from "./use-line-in-view.js";

interface OrderPanelProps {
  /** Null while the order is a draft: it is created with its first item. */
  readonly order: Order | null;
  readonly title: string;
  readonly timeZone: string | undefined;
  readonly selectedLineId: string | null;
  readonly onSelectLine: (line: OrderLine) => void;
  readonly onQuantity: (line: OrderLine, quantity: number) => void;
  readonly onVoid: (line: OrderLine) => void;
  readonly onBack: () => void;
  readonly onProvisional: () => void;
  readonly onMove: () => void;
  readonly onVoidOrder: () => void;
  readonly onPay: () => void;
}

/** The order being served: its lines, totals with VAT, and what to do next. */
export function OrderPanel(props: OrderPanelProps) {
  const { order, title, timeZone, selectedLineId } = props;
  const { t } = useTranslation();
  const open = order === null || order.status === "open";
  const hasLines = order !== null && order.lines.length > 0;
  const list = useRef<HTMLUListElement>(null);
  useLineInView(list, order?.lines, selectedLineId);

  return (
    <section className="order-panel" aria-label={title} data-testid="order-panel">
      <header className="order-head">
        <button
          type="button"
          className="secondary back-button"
          onClick={props.onBack}
          aria-keyshortcuts="Escape"
        >
          ← {t("order.back")}
        </button>
        <div className="order-title">
          <h1 data-testid="order-title">{title}</h1>
          <span className="muted small">
            {order?.number == null ? t("order.newOrder") : t("order.number", { number: order.number })}
            {order?.openedAt == null
              ? ""
              : ` · ${t("order.openedAt", { time: formatTime(order.openedAt, timeZone) })}`}
          </span>
        </div>
        {order !== null && order.status === "paid" ? (
          <span className="badge paid">{t("order.paidBadge")}</span>
        ) : null}
      </header>
      {hasLines ? (
        <ul className="order-lines" ref={list}>
          {order.lines.map((line) => (
            <OrderLineRow
              key={line.id}
              line={line}
              selected={line.id === selectedLineId}
              editable={open}
              onSelect={() => props.onSelectLine(line)}
              onIncrease={() => props.onQuantity(line, line.quantity + 1)}
              onDecrease={() =>
                line.quantity > 1 ? props.onQuantity(line, line.quantity - 1) : props.onVoid(line)
              }
              onVoid={() => props.onVoid(line)}
            />
          ))}
        </ul>
      ) : (
        <p className="order-empty muted">{t("order.empty")}</p>
      )}
      <OrderTotals order={order} />
      <div className="order-actions">
        <button type="button" className="secondary" disabled={!hasLines} onClick={props.onProvisional}>
          {t("order.provisional")} <kbd>F7</kbd>
        </button>
        <button type="button" className="secondary" disabled={order === null || !open} onClick={props.onMove}>
          {t("order.move")} <kbd>F6</kbd>
        </button>
        <button
          type="button"
          className="secondary danger-text"
          disabled={order === null || !open}
          onClick={props.onVoidOrder}
        >
          {t("order.voidOrder")}
        </button>
        <button
          type="button"
          className="primary pay-button"
          disabled={!hasLines || !open}
          onClick={props.onPay}
          data-testid="pay-button"
        >
          {t("order.pay")} <kbd>F9</kbd>
        </button>
      </div>
    </section>
  );
}
