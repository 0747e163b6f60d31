import { lineTitle } from "@quay/core";
import { Money } from "../../shared/money/money.js";
import { useText } from "../i18n/waiter-text.js";
import type { DraftLine, DraftState, TableDraft } from "./drafts.js";

interface DraftLinesProps {
  readonly draft: TableDraft | undefined;
  readonly onQuantity: (lineId: string, delta: 1 | -1) => void;
  /** Opens its options and note. */
  readonly onEdit: (line: DraftLine) => void;
  readonly onRemove: (lineId: string) => void;
}

const STATE_TEXT = {
  draft: "order.stateDraft",
  sending: "order.stateSending",
  failed: "order.stateFailed",
} as const satisfies Record<DraftState, string>;

/** The items being entered: each says plainly whether it has been sent (it has not, until it moves up). */
export function DraftLines({ draft, onQuantity, onEdit, onRemove }: DraftLinesProps) {
  const t = useText();
  const lines = draft?.lines ?? [];
  return (
    <section className="w-section w-cart" aria-labelledby="cart-title">
      <h2 id="cart-title">{t("order.cart")}</h2>
      {lines.length === 0 ? <p className="muted small">{t("order.cartEmpty")}</p> : null}
      <ul className="w-lines">
        {lines.map((line) => (
          <li
            key={line.lineId}
            className={`w-line draft ${line.state}`}
            data-testid="draft-line"
            data-item={line.name}
            data-quantity={line.quantity}
            data-state={line.state}
          >
            <div className="w-line-main">
              <span className="w-line-name">
                {lineTitle(line)}
                <button
                  type="button"
                  className="w-note-button"
                  onClick={() => onEdit(line)}
                  disabled={line.state !== "draft"}
                  aria-label={t("order.editLine", { name: line.name })}
                  data-testid="draft-note"
                >
                  {line.note === "" ? `✎ ${t("order.note")}` : `✎ ${line.note}`}
                </button>
              </span>
              <Money amount={line.unitPrice * line.quantity} />
            </div>
            <div className="w-line-actions">
              <span className={`badge w-state ${line.state}`} data-testid="draft-state">
                {t(STATE_TEXT[line.state])}
              </span>
              {line.state === "draft" ? (
                <span className="w-stepper">
                  <button
                    type="button"
                    onClick={() => onQuantity(line.lineId, -1)}
                    aria-label={t("order.less", { name: line.name })}
                  >
                    −
                  </button>
                  <span className="w-stepper-value">{line.quantity}</span>
                  <button
                    type="button"
                    onClick={() => onQuantity(line.lineId, 1)}
                    aria-label={t("order.more", { name: line.name })}
                  >
                    +
                  </button>
                </span>
              ) : (
                <span className="w-stepper-value">{line.quantity}×</span>
              )}
              {line.state === "sending" ? null : (
                <button
                  type="button"
                  className="icon-button danger"
                  onClick={() => onRemove(line.lineId)}
                  aria-label={t("order.remove", { name: line.name })}
                >
                  ✕
                </button>
              )}
            </div>
            {line.error === null ? null : <p className="w-line-error">{line.error}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
