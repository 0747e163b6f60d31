import { useTranslation } from "react-i18next";
import type { Order } from "../api/station-types.js";
import { AmountRow } from "./amount-row.js";

interface OrderTotalsProps {
  readonly order: Order | null;
}

/** Subtotal, discount, the VAT contained in the prices by rate, the total, what is paid and due. */
export function OrderTotals({ order }: OrderTotalsProps) {
  const { t } = useTranslation();
  const total = order?.total ?? 0;
  const paid = order?.paid ?? 0;
  return (
    <dl className="order-totals" data-testid="order-totals">
      {order !== null && order.discount > 0 ? (
        <>
          <AmountRow className="row" label={t("order.subtotal")} amount={order.subtotal} />
          <AmountRow className="row" label={t("order.discount")} amount={order.discount} deducted />
        </>
      ) : null}
      {(order?.vat ?? [])
        .filter((entry) => entry.vat > 0)
        .map((entry) => (
          <AmountRow
            className="row vat"
            key={entry.rate}
            label={t("order.vat", { rate: entry.rate })}
            amount={entry.vat}
          />
        ))}
      <AmountRow className="row grand-total" label={t("order.total")} amount={total} testId="order-total" />
      {paid > 0 ? (
        <>
          <AmountRow className="row" label={t("order.paid")} amount={paid} />
          {order !== null && order.changeDue > 0 ? (
            <AmountRow className="row" label={t("receipt.change")} amount={order.changeDue} />
          ) : null}
          {/* What is still owed, in red: nothing once the payments cover the total. */}
          {total > paid ? (
            <AmountRow className="row due" label={t("order.due")} amount={total - paid} />
          ) : null}
        </>
      ) : null}
    </dl>
  );
}
