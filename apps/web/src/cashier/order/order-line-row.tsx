import { lineTitle } from "@quay/core";
import { useTranslation } from "react-i18next";
import { discountText, useDiscountText } from "../../shared/discount/discount-text.js";
import { Money } from "../../shared/money/money.js";
import type { OrderLine } from "../api/station-types.js";

interface OrderLineRowProps {
  readonly line: OrderLine;
  readonly selected: boolean;
  readonly editable: boolean;
  readonly onSelect: () => void;
  readonly onIncrease: () => void;
  readonly onDecrease: () => void;
  /** "Sửa": its options and note; absent once the bar made it. */
  readonly onEdit: (() => void) | undefined;
  readonly onVoid: () => void;
}

/**
 * One line of the order: quantity buttons, its options and note, "Đã xong" once the bar made it,
 * the amount, and buttons to edit and void it.
 */
export function OrderLineRow({
  line,
  selected,
  editable,
  onSelect,
  onIncrease,
  onDecrease,
  onEdit,
  onVoid,
}: OrderLineRowProps) {
  const { t } = useTranslation();
  const discountWords = useDiscountText();
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
        <span className="line-name">{lineTitle(line)}</span>
        {line.note === null ? null : <span className="line-note">{line.note}</span>}
        {line.readyAt ? (
          <span className="line-ready" data-testid="line-ready">
            {t("order.lineReady")}
          </span>
        ) : null}
        <span className="line-unit muted">
          <Money amount={line.unitPrice} />
        </span>
        {line.discount ? (
          <span className="line-discount" data-testid="line-discount">
            {discountText(discountWords, line.discount)} −<Money amount={line.discount.amount} />
          </span>
        ) : null}
      </div>
      <div className="line-qty">
        <QuantityButton step="decrease" name={line.name} disabled={!editable} onClick={onDecrease} />
        <span className="qty" aria-live="polite">
          {line.quantity}
        </span>
        <QuantityButton step="increase" name={line.name} disabled={!editable} onClick={onIncrease} />
      </div>
      <Money amount={line.amount} className="line-amount" />
      <div className="line-buttons">
        {onEdit === undefined ? null : (
          <LineButton
            symbol="✎"
            label={t("editLine.button", { name: line.name })}
            disabled={!editable}
            onClick={onEdit}
            testId="edit-line"
          />
        )}
        <LineButton
          symbol="✕"
          label={t("order.voidLine", { name: line.name })}
          disabled={!editable}
          onClick={onVoid}
          danger
        />
      </div>
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

interface LineButtonProps {
  readonly symbol: string;
  /** What it does to which line, for the tooltip and screen readers ("Hủy món Cà phê sữa"). */
  readonly label: string;
  readonly disabled: boolean;
  readonly onClick: () => void;
  readonly testId?: string;
  readonly danger?: boolean;
}

/** An icon button at a line's end: edit it, void it. */
function LineButton({ symbol, label, disabled, onClick, testId, danger = false }: LineButtonProps) {
  return (
    <button
      type="button"
      className={danger ? "icon-button danger" : "icon-button"}
      disabled={disabled}
      aria-label={label}
      title={label}
      onClick={onClick}
      data-testid={testId}
    >
      {symbol}
    </button>
  );
}
