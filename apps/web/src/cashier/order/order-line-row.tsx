import { useTranslation } from "react-i18next";
import { Money } from "../../shared/money/money.js";
import type { OrderLine } from "../api/station-types.js";

interface OrderLineRowProps {
  readonly line: OrderLine;
  readonly selected: boolean;
  readonly editable: boolean;
  readonly onSelect: () => void;
  readonly onIncrease: () => void;
  readonly onDecrease: () => void;
  readonly onVoid: () => void;
}

/** One line of the order: quantity buttons, the note, "Đã xong" once the bar made it, the amount, and a void button. */
export function OrderLineRow({
  line,
  selected,
  editable,
  onSelect,
  onIncrease,
  onDecrease,
  onVoid,
}: OrderLineRowProps) {
  const { t } = useTranslation();
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: lines are selected with ↑/↓ (see the shortcuts)
    <li
      className={selected ? "order-line selected" : "order-line"}
      aria-current={selected}
      onClick={onSelect}
      data-testid="order-line"
      data-line-id={line.id}
      data-item={line.name}
      data-quantity={line.quantity}
    >
      <div className="line-main">
        <span className="line-name">{line.name}</span>
        {line.note === null ? null : <span className="line-note">{line.note}</span>}
        {line.readyAt ? (
          <span className="line-ready" data-testid="line-ready">
            {t("order.lineReady")}
          </span>
        ) : null}
        <span className="line-unit muted">
          <Money amount={line.unitPrice} />
        </span>
      </div>
      <div className="line-qty">
        <QuantityButton step="decrease" name={line.name} disabled={!editable} onClick={onDecrease} />
        <span className="qty" aria-live="polite">
          {line.quantity}
        </span>
        <QuantityButton step="increase" name={line.name} disabled={!editable} onClick={onIncrease} />
      </div>
      <Money amount={line.amount} className="line-amount" />
      <button
        type="button"
        className="icon-button danger"
        disabled={!editable}
        aria-label={t("order.voidLine", { name: line.name })}
        title={t("order.voidLine", { name: line.name })}
        onClick={onVoid}
      >
        ✕
      </button>
    </li>
  );
}

const STEP_SYMBOL = { decrease: "−", increase: "+" } as const;

interface QuantityButtonProps {
  readonly step: keyof typeof STEP_SYMBOL;
  /** The item's name, for the button's accessible name ("Thêm một Cà phê sữa"). */
  readonly name: string;
  readonly disabled: boolean;
  readonly onClick: () => void;
}

/** The − or + beside a line's quantity. */
function QuantityButton({ step, name, disabled, onClick }: QuantityButtonProps) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="qty-button"
      disabled={disabled}
      aria-label={t(`order.${step}`, { name })}
      onClick={onClick}
    >
      {STEP_SYMBOL[step]}
    </button>
  );
}
