import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../shared/components/dialog.js";
import { FormError } from "../../shared/components/form-error.js";
import { ManagerPinField } from "../../shared/components/manager-pin-field.js";
import { useApi } from "../api/api-context.js";
import { errorText } from "../api/error-text.js";
import type { StationStatus } from "../api/station-types.js";
import { shortNumber } from "../order/order-label.js";
import "./refused-orders.css";

type RefusedOrder = NonNullable<StationStatus["refusedOrders"]>[number];

interface RefusedOrdersDialogProps {
  readonly refused: readonly RefusedOrder[];
  /** The signed-in user is not a manager: a manager's PIN is asked for. */
  readonly needsPin: boolean;
  readonly onClose: () => void;
}

/**
 * The orders the server refused for good ("cần quản lý xem"): why, and a manager's two answers:
 * set the refused change aside (the order syncs, reopened if it must be paid again) or void it.
 */
export function RefusedOrdersDialog({ refused, needsPin, onClose }: RefusedOrdersDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [pin, setPin] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const ready = !busy && (!needsPin || /^\d{4,8}$/.test(pin));

  const resolve = async (order: RefusedOrder, voidIt: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      await api.resolveRefusal(order.orderId, needsPin ? pin : null, voidIt ? t("refused.voidReason") : null);
      setDone(t("refused.done", { order: shortNumber(order.number) }));
    } catch (failure) {
      setProblem(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t("refused.title")} onClose={onClose} testId="refused-orders">
      <div className="stack">
        <p>{t("refused.explain")}</p>
        <ul className="refused-list">
          {refused.map((order) => (
            <li key={order.orderId} data-testid="refused-order">
              <strong>{order.number ?? order.orderId}</strong>
              <span className="muted">{t("refused.reason", { reason: order.message ?? order.code })}</span>
              <div className="dialog-actions">
                <button
                  type="button"
                  className="secondary"
                  disabled={!ready}
                  onClick={() => resolve(order, false)}
                >
                  {t("refused.fix")}
                </button>
                <button
                  type="button"
                  className="danger"
                  disabled={!ready}
                  onClick={() => resolve(order, true)}
                >
                  {t("refused.void")}
                </button>
              </div>
            </li>
          ))}
        </ul>
        {needsPin ? <ManagerPinField label={t("voidLine.pin")} pin={pin} onChange={setPin} /> : null}
        {done === null ? null : <p role="status">{done}</p>}
        <FormError problem={problem} />
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t("common.close")}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
