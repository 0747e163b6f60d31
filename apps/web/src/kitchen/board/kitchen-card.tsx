import type { KitchenCard as Card } from "@quay/protocol";
import { useText } from "../i18n/kitchen-text.js";
import { waitedParts, waitedSeconds, waitLevel } from "./waited.js";

interface KitchenCardProps {
  readonly card: Card;
  /** The station's time now (the tablet's clock corrected by the board's `serverTime`). */
  readonly nowMs: number;
  readonly onReady: (lineIds: readonly string[]) => void;
}

/**
 * One order's card: table or take-away, order number, who sent it, the time waited (amber from 10
 * minutes, red from 20), each item large with its quantity and note. A tap on an item marks it
 * made; "Xong" marks the whole card.
 */
export function KitchenCard({ card, nowMs, onReady }: KitchenCardProps) {
  const t = useText();
  const seconds = waitedSeconds(card.waitingSince, nowMs);
  const parts = waitedParts(seconds);
  const waited =
    parts.hours === null
      ? t("kitchen.waited", { minutes: parts.minutes, seconds: parts.seconds })
      : t("kitchen.waitedHours", { hours: parts.hours, minutes: parts.minutes });
  return (
    <article
      className={`k-card k-${waitLevel(seconds)}`}
      data-testid="kitchen-card"
      data-order-id={card.orderId}
      aria-label={card.tableName ?? t("kitchen.takeAway")}
    >
      <header className="k-card-head">
        <h2 className="k-table">{card.tableName ?? t("kitchen.takeAway")}</h2>
        <span className="k-waited" data-testid="waited">
          {waited}
        </span>
        <p className="k-meta">
          {t("kitchen.order", { number: shortNumber(card.orderNumber) })}
          {card.sentBy.length > 0 ? ` · ${t("kitchen.sentBy", { names: card.sentBy.join(", ") })}` : null}
        </p>
      </header>
      <ul className="k-lines">
        {card.lines.map((line) => (
          <li key={line.lineId}>
            <button
              type="button"
              className="k-line"
              data-testid="kitchen-line"
              aria-label={t("kitchen.doneLine", { name: line.name })}
              onClick={() => onReady([line.lineId])}
            >
              <span className="k-qty">{line.quantity}</span>
              <span className="k-name">
                {line.name}
                {line.note ? <span className="k-note">{line.note}</span> : null}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="k-done"
        data-testid="kitchen-done"
        onClick={() => onReady(card.lines.map((line) => line.lineId))}
      >
        {t("kitchen.done")}
      </button>
    </article>
  );
}

/** "CH01-Q1-20261128-0007" reads "0007" across the bar: the day's counter is what people call out. */
function shortNumber(number: string): string {
  return number.split("-").at(-1) ?? number;
}
