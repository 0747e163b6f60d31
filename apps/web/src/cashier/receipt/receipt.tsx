import { lineTitle } from "@quay/core";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { discountText as describeDiscount, useDiscountText } from "../../shared/discount/discount-text.js";
import { formatThousands } from "../../shared/money/format-money.js";
import { formatDateTime } from "../../shared/time/format-time.js";
import type { Order, Store } from "../api/station-types.js";
import { AmountRow } from "../order/amount-row.js";

export interface ReceiptProps {
  readonly order: Order;
  readonly store: Store | null;
  readonly tableName: string;
  readonly cashierName: string;
  /** "Phiếu tạm tính": the bill shown to the customer before payment. */
  readonly provisional: boolean;
  /** The moment printed when the order has no payment time yet. */
  readonly printedAt: string;
  /** A receipt printed again from the bill history: marked "IN LẠI" at the top. */
  readonly reprint?: boolean;
  /** The slip of one equal part of the bill ("Chia đều"): "Phần 1/3" and its amount. */
  readonly part?: { readonly index: number; readonly count: number; readonly amount: number } | undefined;
}

/** The non-blank lines of a store's header or footer text. */
const textLines = (text: string | undefined) => (text ?? "").split("\n").filter((line) => line.trim() !== "");

/** A receipt laid out for an 80 mm thermal printer (see receipt.css). */
export function Receipt({
  order,
  store,
  tableName,
  cashierName,
  provisional,
  printedAt,
  reprint,
  part,
}: ReceiptProps) {
  const { t } = useTranslation();
  const discountWords = useDiscountText();
  const discountText = (given: Parameters<typeof describeDiscount>[1]) =>
    describeDiscount(discountWords, given);
  const timeZone = store?.timeZone;
  const when = (!provisional ? order.paidAt : null) ?? printedAt;
  // The store's own thanks replace ours (the back office's store page).
  const footer = textLines(store?.receiptFooter);
  return (
    <article className="receipt" data-testid={provisional ? "provisional-bill" : "receipt"}>
      {reprint ? (
        <p className="receipt-reprint" data-testid="receipt-reprint">
          {t("receipt.reprint")}
        </p>
      ) : null}
      <header className="receipt-store">
        <strong className="receipt-store-name">{store?.name ?? "Quầy"}</strong>
        {store?.address ? <span>{store.address}</span> : null}
        {store?.phone ? <span>{t("receipt.phone", { phone: store.phone })}</span> : null}
        {store?.taxCode ? <span>{t("receipt.taxCode", { taxCode: store.taxCode })}</span> : null}
        {textLines(store?.receiptHeader).map((line) => (
          <span key={line}>{line}</span>
        ))}
      </header>
      <h2 className="receipt-title">{provisional ? t("receipt.provisional") : t("receipt.invoice")}</h2>
      <dl className="receipt-meta">
        {order.number === null ? null : (
          <div>
            <dt>{t("receipt.number")}</dt>
            <dd data-testid="receipt-number">{order.number}</dd>
          </div>
        )}
        <div>
          <dt>{t("receipt.date")}</dt>
          <dd>{formatDateTime(when, timeZone)}</dd>
        </div>
        <div>
          <dt>{t("receipt.table")}</dt>
          <dd>{tableName}</dd>
        </div>
        <div>
          <dt>{t("receipt.cashier")}</dt>
          <dd>{cashierName}</dd>
        </div>
      </dl>
      <table className="receipt-lines">
        <thead>
          <tr>
            <th className="name">{t("receipt.item")}</th>
            <th>{t("receipt.quantity")}</th>
            <th>{t("receipt.price")}</th>
            <th>{t("receipt.amount")}</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <Fragment key={line.id}>
              <tr>
                <td className="name">
                  {lineTitle(line)}
                  {line.note === null ? null : <small className="receipt-note">({line.note})</small>}
                </td>
                <td>{line.quantity}</td>
                <td>{formatThousands(line.unitPrice)}</td>
                <td>{formatThousands(line.amount + (line.discount?.amount ?? 0))}</td>
              </tr>
              {line.discount ? (
                <tr className="receipt-line-discount" data-testid="receipt-line-discount">
                  <td className="name" colSpan={3}>
                    {discountText(line.discount)}
                  </td>
                  <td>−{formatThousands(line.discount.amount)}</td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
      <dl className="receipt-totals">
        {order.discount > 0 ? (
          <>
            <AmountRow label={t("receipt.subtotal")} amount={order.subtotal} />
            <AmountRow
              label={order.billDiscount ? discountText(order.billDiscount) : t("receipt.discount")}
              amount={order.discount}
              deducted
            />
          </>
        ) : null}
        <AmountRow className="receipt-grand-total" label={t("receipt.total")} amount={order.total} />
        {part === undefined ? null : (
          <AmountRow
            className="receipt-grand-total receipt-part"
            label={t("split.part", { index: part.index, count: part.count })}
            amount={part.amount}
            testId="receipt-part"
          />
        )}
        {order.vat
          .filter((entry) => entry.vat > 0)
          .map((entry) => (
            <AmountRow
              key={entry.rate}
              className="receipt-vat"
              label={t("receipt.vat", { rate: entry.rate })}
              amount={entry.vat}
            />
          ))}
        {provisional
          ? null
          : order.payments.map((payment) => (
              <AmountRow
                key={payment.id}
                label={t(`payment.methods.${payment.method}`)}
                amount={payment.amount}
              />
            ))}
        {!provisional && order.changeDue > 0 ? (
          <AmountRow className="receipt-change" label={t("receipt.change")} amount={order.changeDue} />
        ) : null}
      </dl>
      <footer className="receipt-footer">
        {order.vatAmount > 0 ? <span className="small">{t("receipt.vatIncluded")}</span> : null}
        {provisional ? <span>{t("receipt.provisionalNote")}</span> : null}
        {footer.length > 0 ? (
          footer.map((line) => <span key={line}>{line}</span>)
        ) : provisional ? null : (
          <>
            <strong>{t("receipt.thanks")}</strong>
            <span>{t("receipt.seeYou")}</span>
          </>
        )}
        {store?.wifi ? <span data-testid="receipt-wifi">{store.wifi}</span> : null}
      </footer>
    </article>
  );
}
