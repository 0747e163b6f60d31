import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../shared/components/dialog.js";
import { formatVnd } from "../../shared/money/format-money.js";
import { useStationPrint } from "../printing/use-station-print.js";
import { Receipt, type ReceiptProps } from "./receipt.js";

interface ReceiptDialogProps extends Omit<ReceiptProps, "printedAt"> {
  readonly onDone: () => void;
  /** The store's bank confirmed the transfer that paid it: "Đã nhận tiền" on top. */
  readonly bankConfirmed?: number;
}

/**
 * Shows the receipt (or the provisional bill) and prints it: on the store's receipt printer
 * through the station when it has one, else with the browser's print dialog.
 */
export function ReceiptDialog({ onDone, bankConfirmed, ...bill }: ReceiptDialogProps) {
  const { t } = useTranslation();
  const [printedAt] = useState(() => new Date().toISOString());
  const { provisional } = bill;
  const { print, sent } = useStationPrint(bill.order.id, provisional ? "bill" : "receipt");
  const receipt = <Receipt {...bill} printedAt={printedAt} />;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "F8" || ((event.ctrlKey || event.metaKey) && event.key === "p")) {
        event.preventDefault();
        void print();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [print]);

  const printRoot = document.getElementById("print-root");
  return (
    <Dialog
      title={provisional ? t("receipt.previewTitle") : t("receipt.paidTitle")}
      onClose={onDone}
      className="receipt-dialog"
      testId={provisional ? "provisional-dialog" : "receipt-dialog"}
      actions={
        <>
          <button
            type="button"
            className="secondary"
            onClick={() => void print()}
            data-testid="print-receipt"
          >
            {t("receipt.print")} <kbd>F8</kbd>
          </button>
          {sent ? (
            <span role="status" data-testid="sent-to-printer">
              {t("printing.sentToPrinter")}
            </span>
          ) : null}
          <button type="button" className="primary" onClick={onDone} data-testid="receipt-done">
            {provisional ? t("common.close") : t("receipt.done")}
          </button>
        </>
      }
    >
      {bankConfirmed === undefined ? null : (
        <p className="receipt-bank-notice" role="status" data-testid="receipt-bank-notice">
          {t("bank.receiptNotice", { amount: formatVnd(bankConfirmed) })}
        </p>
      )}
      <div className="receipt-preview">{receipt}</div>
      {printRoot === null ? null : createPortal(receipt, printRoot)}
    </Dialog>
  );
}
