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
  readonly onEditLine: (line: OrderLine) => void;
  readonly onBack: () => void;
  readonly onProvisional: () => void;
  readonly onMove: () => void;
  readonly onVoidOrder: () => void;
  readonly onDiscount: () => void;
  readonly onPay: () => void;
  /** Split and merge at the counter: "Gộp bàn", "Tách hóa đơn", "Chia đều". */
  readonly onMerge: () => void;
  readonly onSplit: () => void;
  readonly onEqualParts: () => void;
}

/** The order being served: its lines, totals with VAT, and what to do next. */
export function OrderPanel(props: OrderPanelProps) {
  const { order, title, timeZone, selectedLineId } = props;
  const { t } = useTranslation();
  const open = order === null || order.status === "open";
  const hasLines = order !== null && order.lines.length > 0;
  const list = useRef<HTMLUListElement>(null);
  useLineInView(list, order?.lines, selectedLineId);
  const editable = order !== null && open;
  // The order's other actions, in the order they stand above "Thanh toán".
  const secondaryActions = [
    {
      testId: "provisional-button",
      label: t("order.provisional"),
      shortcut: "F7",
      enabled: hasLines,
      onClick: props.onProvisional,
    },
    {
      testId: "move-button",
      label: t("order.move"),
      shortcut: "F6",
      enabled: editable,
      onClick: props.onMove,
    },
    {
      testId: "discount-button",
      label: t("discount.button"),
      enabled: hasLines && open,
      onClick: props.onDiscount,
    },
    {
      testId: "void-order-button",
      label: t("order.voidOrder"),
      enabled: editable,
      onClick: props.onVoidOrder,
      danger: true,
    },
    { testId: "merge-button", label: t("split.mergeButton"), enabled: editable, onClick: props.onMerge },
    {
      testId: "split-button",
      label: t("split.splitButton"),
      enabled: hasLines && open,
      onClick: props.onSplit,
    },
    {
      testId: "equal-parts-button",
      label: t("split.equalButton"),
      enabled: hasLines && open,
      onClick: props.onEqualParts,
    },
  ];

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
              onEdit={line.readyAt ? undefined : () => props.onEditLine(line)}
              onVoid={() => props.onVoid(line)}
            />
          ))}
        </ul>
      ) : (
        <p className="order-empty muted">{t("order.empty")}</p>
      )}
      <OrderTotals order={order} />
      <div className="order-actions">
        {secondaryActions.map((action) => (
          <button
            key={action.testId}
            type="button"
            className={action.danger ? "secondary danger-text" : "secondary"}
            disabled={!action.enabled}
            onClick={action.onClick}
            data-testid={action.testId}
          >
            {action.label}
            {action.shortcut ? (
              <>
                {" "}
                <kbd>{action.shortcut}</kbd>
              </>
            ) : null}
          </button>
        ))}
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
