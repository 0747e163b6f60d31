import { useTranslation } from "react-i18next";
import { Money } from "../../shared/money/money.js";
import type { Order } from "../api/station-types.js";

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
          <div className="row">
            <dt>{t("order.subtotal")}</dt>
            <dd>
              <Money amount={order.subtotal} />
            </dd>
          </div>
          <div className="row">
            <dt>{t("order.discount")}</dt>
            <dd>
              −<Money amount={order.discount} />
            </dd>
          </div>
        </>
      ) : null}
      {(order?.vat ?? [])
        .filter((entry) => entry.vat > 0)
        .map((entry) => (
          <div className="row vat" key={entry.rate}>
            <dt>{t("order.vat", { rate: entry.rate })}</dt>
            <dd>
              <Money amount={entry.vat} />
            </dd>
          </div>
        ))}
      <div className="row grand-total">
        <dt>{t("order.total")}</dt>
        <dd data-testid="order-total">
          <Money amount={total} />
        </dd>
      </div>
      {paid > 0 ? (
        <>
          <div className="row">
            <dt>{t("order.paid")}</dt>
            <dd>
              <Money amount={paid} />
            </dd>
          </div>
          {order !== null && order.changeDue > 0 ? (
            <div className="row">
              <dt>{t("receipt.change")}</dt>
              <dd>
                <Money amount={order.changeDue} />
              </dd>
            </div>
          ) : (
            <div className="row due">
              <dt>{t("order.due")}</dt>
              <dd>
                <Money amount={Math.max(0, total - paid)} />
              </dd>
            </div>
          )}
        </>
      ) : null}
    </dl>
  );
}
