import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../shared/components/dialog.js";
import { FormError } from "../../shared/components/form-error.js";
import { formatVnd } from "../../shared/money/format-money.js";
import { errorText } from "../api/error-text.js";
import type { Order, Table } from "../api/station-types.js";
import "./split.css";

interface SplitDialogProps {
  readonly order: Order;
  readonly from: string;
  /** The order's table, if it has one (the new bill may stay at it). */
  readonly table: Table | null;
  /** Tables without an open order. */
  readonly freeTables: readonly Table[];
  readonly onSplit: (lines: { lineId: string; quantity: number }[], tableId: string | null) => Promise<void>;
  readonly onClose: () => void;
}

/**
 * "Tách hóa đơn": the cashier picks lines, and how many of each (3 of 5 cà phê), for a new bill
 * at the same table, another one, or none; it is paid on its own (core's `planSplit`).
 */
export function SplitDialog({ order, from, table, freeTables, onSplit, onClose }: SplitDialogProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<ReadonlyMap<string, number>>(new Map());
  const [tableId, setTableId] = useState<string | null>(table?.id ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (lineId: string, quantity: number) =>
    setChosen((current) => new Map(current).set(lineId, quantity));
  const choices = order.lines.flatMap((line) => {
    const quantity = chosen.get(line.id) ?? 0;
    return quantity > 0 ? [{ lineId: line.id, quantity }] : [];
  });
  const count = choices.reduce((sum, choice) => sum + choice.quantity, 0);
  const amount = order.lines.reduce((sum, line) => sum + line.unitPrice * (chosen.get(line.id) ?? 0), 0);
  const units = order.lines.reduce((sum, line) => sum + line.quantity, 0);

  const split = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSplit(choices, tableId);
    } catch (failure) {
      setError(errorText(failure, t));
      setBusy(false);
    }
  };
  const targets: { id: string | null; label: string }[] = [
    ...(table === null ? [] : [{ id: table.id, label: t("split.sameTable", { table: table.name }) }]),
    { id: null, label: t("split.noTable") },
    ...freeTables.map((free) => ({ id: free.id, label: free.name })),
  ];

  return (
    <Dialog
      title={t("split.splitTitle", { from })}
      onClose={onClose}
      testId="split-dialog"
      className="wide"
      actions={
        <>
          <button type="button" className="secondary" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy || count === 0 || count === units}
            onClick={() => void split()}
            data-testid="split-confirm"
          >
            {t("split.splitConfirm")}
          </button>
        </>
      }
    >
      <p>{t("split.splitHint")}</p>
      <ul className="split-lines">
        {order.lines.map((line) => {
          const quantity = chosen.get(line.id) ?? 0;
          return (
            <li key={line.id} className="split-line" data-testid="split-line" data-name={line.name}>
              <span className="split-line-name">
                {line.name}
                {line.note === null ? null : <span className="line-note"> · {line.note}</span>}
                <span className="muted small">
                  {" "}
                  · {line.quantity} × {formatVnd(line.unitPrice)}
                </span>
              </span>
              <span className="split-stepper">
                <button
                  type="button"
                  className="secondary"
                  aria-label={t("split.less", { name: line.name })}
                  disabled={quantity === 0}
                  onClick={() => set(line.id, quantity - 1)}
                >
                  −
                </button>
                <span className="split-count" data-testid="split-count">
                  {quantity}/{line.quantity}
                </span>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t("split.more", { name: line.name })}
                  disabled={quantity === line.quantity}
                  onClick={() => set(line.id, quantity + 1)}
                >
                  +
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      <h3>{t("split.splitTo")}</h3>
      <div className="split-targets">
        {targets.map((target) => (
          <button
            key={target.id ?? "none"}
            type="button"
            aria-pressed={tableId === target.id}
            className={tableId === target.id ? "primary" : "secondary"}
            onClick={() => setTableId(target.id)}
          >
            {target.label}
          </button>
        ))}
      </div>
      <p className="split-summary" data-testid="split-summary">
        {t("split.chosen", { count, amount: formatVnd(amount) })}
      </p>
      <FormError problem={error} />
    </Dialog>
  );
}
