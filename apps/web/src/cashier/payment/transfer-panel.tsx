import { buildVietQrPayload } from "@quay/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { QrCode } from "../../shared/components/qr-code.js";
import { formatVnd } from "../../shared/money/format-money.js";
import { Money } from "../../shared/money/money.js";
import { MoneyInput } from "../../shared/money/money-input.js";
import type { Store } from "../api/station-types.js";
import { bankName } from "./bank-names.js";

interface TransferPanelProps {
  readonly due: number;
  readonly bank: Store["bank"];
  /** The transfer message: the invoice number, so the shop finds the payment in its statement. */
  readonly purpose: string | null;
  readonly busy: boolean;
  readonly onPay: (amount: number) => void;
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
 * Bank transfer: a VietQR of the exact amount, built on this PC (works offline). It stays
 * unconfirmed until the cashier sees the money arrive and confirms.
 */
export function TransferPanel({ due, bank, purpose, busy, onPay }: TransferPanelProps) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState<number | null>(due);
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
          <span className="badge unconfirmed" data-testid="transfer-unconfirmed">
            {t("payment.unconfirmed")}
          </span>
          <Money amount={amount ?? 0} className="vietqr-amount" />
          <strong>{bank.accountName}</strong>
          <span>{t("payment.account", { bank: bankName(bank.bin), account: bank.account })}</span>
          {purpose === null ? null : <span className="muted">{purpose}</span>}
          <p className="muted small">{t("payment.scan")}</p>
        </div>
      </div>
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
