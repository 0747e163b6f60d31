import { lineTitle } from "@quay/core";
import { discountText, useDiscountText } from "../../shared/discount/discount-text.js";
import { Money } from "../../shared/money/money.js";
import type { Order, OrderLine } from "../api/waiter-types.js";
import { useText } from "../i18n/waiter-text.js";

interface SentLinesProps {
  readonly order: Order | undefined;
  /** Opens a line's options and note, until the kitchen made it; absent while offline. */
  readonly onEdit: ((line: OrderLine) => void) | undefined;
}

/**
 * What the table has ordered already, as the server holds it; "Đã xong" once the kitchen screen
 * marked a line made, and until then a ✎ to change its options or note (the server refuses once
 * its ticket printed).
 */
export function SentLines({ order, onEdit }: SentLinesProps) {
  const t = useText();
  const discountWords = useDiscountText();
  const lines = order?.lines ?? [];
  return (
    <section className="w-section" aria-labelledby="sent-title">
      <h2 id="sent-title">{t("order.sent")}</h2>
      {lines.length === 0 ? (
        <p className="muted small">{t("order.nothingSent")}</p>
      ) : (
        <ul className="w-lines">
          {lines.map((line) => (
            <li
              key={line.id}
              className="w-line sent"
              data-testid="sent-line"
              data-item={line.name}
              data-quantity={line.quantity}
              data-ready={line.readyAt ? "true" : "false"}
            >
              <span className="w-line-qty">{line.quantity}×</span>
              <span className="w-line-name">
                {lineTitle(line)}
                {line.note ? <span className="w-line-note">{line.note}</span> : null}
                {line.discount ? (
                  <span className="w-line-note" data-testid="line-discount">
                    {discountText(discountWords, line.discount)} −<Money amount={line.discount.amount} />
                  </span>
                ) : null}
                {onEdit === undefined || line.readyAt ? null : (
                  <button
                    type="button"
                    className="w-note-button"
                    onClick={() => onEdit(line)}
                    aria-label={t("order.editLine", { name: line.name })}
                    data-testid="sent-edit"
                  >
                    ✎
                  </button>
                )}
                {line.readyAt ? (
                  <span className="w-pill w-ready-badge" data-testid="ready-badge">
                    {t("order.ready")}
                  </span>
                ) : null}
              </span>
              <Money amount={line.amount} />
            </li>
          ))}
        </ul>
      )}
      {order?.billDiscount ? (
        <p className="w-total" data-testid="bill-discount">
          <span>{discountText(discountWords, order.billDiscount)}</span>
          <span>
            −<Money amount={order.billDiscount.amount} />
          </span>
        </p>
      ) : null}
      {order ? (
        <p className="w-total">
          <span>{t("order.total")}</span>
          <Money amount={order.total} className="strong" />
        </p>
      ) : null}
    </section>
  );
}
