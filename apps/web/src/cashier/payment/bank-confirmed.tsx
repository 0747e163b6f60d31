import type { BankTransfer } from "@quay/protocol";
import { useTranslation } from "react-i18next";
import { formatVnd } from "../../shared/money/format-money.js";

/** "Đã nhận tiền": the store's bank confirmed this transfer, so the counter records it. */
export function BankConfirmed({ transfer }: { readonly transfer: BankTransfer }) {
  const { t } = useTranslation();
  return (
    <div className="bank-confirmed" role="status" data-testid="bank-confirmed">
      <span className="badge confirmed">{t("bank.received")}</span>
      <span>{t("bank.confirmedBy", { amount: formatVnd(transfer.amount) })}</span>
      {transfer.bankRef === null ? null : (
        <span className="muted small">{t("bank.reference", { ref: transfer.bankRef })}</span>
      )}
    </div>
  );
}
