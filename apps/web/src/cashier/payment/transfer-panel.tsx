import { buildVietQrPayload } from "@quay/core";
import type { BankTransfer } from "@quay/protocol";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { QrCode } from "../../shared/components/qr-code.js";
import { formatVnd } from "../../shared/money/format-money.js";
import { Money } from "../../shared/money/money.js";
import { MoneyInput } from "../../shared/money/money-input.js";
import type { Store } from "../api/station-types.js";
import { BankConfirmed } from "./bank-confirmed.js";
import { bankName } from "./bank-names.js";
import "./bank-transfer.css";

interface TransferPanelProps {
  readonly due: number;
  readonly bank: Store["bank"];
  /** The transfer message: the invoice number, so the shop finds the payment in its statement. */
  readonly purpose: string | null;
  readonly busy: boolean;
  /** The payment: by the cashier's confirm, or by itself with the bank's confirmation. */
  readonly onPay: (amount: number, confirmation?: BankTransfer) => void;
  /** What the store's bank confirmed for this order (through the station), if anything yet. */
  readonly confirmation?: BankTransfer | null;
}

function qrPayload(bank: NonNullable<Store["bank"]>, amount: number, purpose: string | null): string | null {
  try {
    const message = purpose === null ? undefined : purpose.replace(/[^\x20-\x7e]/g, "").slice(0, 25);
    return buildVietQrPayload({
      bankBin: bank.bin,
      accountNumber: bank.account,
      amount,
      ...(message === undefined || message === "" ? {} : { purpose: message }),
    });
  } catch {
    return null;
  }
}

/**
 * Bank transfer: a VietQR of the exact amount, built on this PC (works offline). Online, when the
 * store's bank confirms that amount for this order, it shows "Đã nhận tiền" and records the
 * payment by itself, once (no click: the server matched the order and the exact amount at the
 * bank, which is what the cashier's look at a phone would check). Any other amount the bank
 * reports is shown, never recorded; offline, the cashier confirms by hand.
 */
export function TransferPanel({ due, bank, purpose, busy, onPay, confirmation = null }: TransferPanelProps) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState<number | null>(due);
  // Only the amount this QR asks for, and no more than is owed, is the bank's word for this payment.
  const confirmed =
    confirmation !== null && confirmation.amount === amount && confirmation.amount <= due
      ? confirmation
      : null;
  const recorded = useRef<string | null>(null);
  useEffect(() => {
    if (confirmed === null || busy || recorded.current === confirmed.id) return;
    recorded.current = confirmed.id;
    onPay(confirmed.amount, confirmed);
  }, [confirmed, busy, onPay]);
  const payload = useMemo(
    () =>
      bank === null || amount === null || amount <= 0 || amount > due
        ? null
        : qrPayload(bank, amount, purpose),
    [bank, amount, due, purpose],
  );

  if (bank === null) return <p className="form-error">{t("payment.noBank")}</p>;
  return (
    <div className="payment-panel transfer">
      <div className="field inline">
        <span>{t("payment.amount")}</span>
        <MoneyInput
          value={amount}
          onChange={setAmount}
          label={t("payment.amount")}
          testId="transfer-amount"
        />
      </div>
      <div className="vietqr" data-testid="vietqr">
        {payload === null ? (
          <p className="form-error">{t("payment.invalidAmount")}</p>
        ) : (
          <QrCode value={payload} label={t("payment.qrLabel", { amount: formatVnd(amount ?? 0) })} />
        )}
        <div className="vietqr-info">
          {confirmed !== null ? (
            <BankConfirmed transfer={confirmed} />
          ) : (
            <span className="badge unconfirmed" data-testid="transfer-unconfirmed">
              {t("payment.unconfirmed")}
            </span>
          )}
          <Money amount={amount ?? 0} className="vietqr-amount" />
          <strong>{bank.accountName}</strong>
          <span>{t("payment.account", { bank: bankName(bank.bin), account: bank.account })}</span>
          {purpose === null ? null : <span className="muted">{purpose}</span>}
          <p className="muted small">{t("payment.scan")}</p>
          <p className="muted small">{t("bank.watching")}</p>
        </div>
      </div>
      {confirmation !== null && confirmed === null ? (
        <p className="form-error" role="alert" data-testid="bank-other-amount">
          {t("bank.otherAmount", { amount: formatVnd(confirmation.amount) })}
        </p>
      ) : null}
      <button
        type="button"
        className="primary wide"
        disabled={payload === null || busy}
        onClick={() => amount !== null && onPay(amount)}
        data-testid="confirm-transfer"
      >
        {t("payment.confirmTransfer")}
      </button>
    </div>
  );
}
