import { useTranslation } from "react-i18next";
import { Dialog } from "../../shared/components/dialog.js";
import { DialogButtons, DismissButton } from "../../shared/components/dialog-buttons.js";
import type { StationStatus } from "../api/station-types.js";
import type { SyncDialogEvent, SyncView } from "./sync-dialog-state.js";
import { syncErrorText } from "./sync-error-text.js";
import { SyncProgress } from "./sync-progress.js";
import "./sync.css";

interface SyncDialogProps {
  readonly view: SyncView;
  readonly pending: StationStatus["pending"] | null;
  readonly onStart: () => void;
  readonly dispatch: (event: SyncDialogEvent) => void;
}

/** The seed product's sync dialogs: the offer, the progress, and how it ended. */
export function SyncDialog({ view, pending, onStart, dispatch }: SyncDialogProps) {
  const { t } = useTranslation();
  const close = () => dispatch({ type: "close" });

  switch (view.kind) {
    case "hidden":
      return null;
    case "offer":
      return (
        <Dialog
          title={t("sync.offerTitle")}
          testId="sync-offer"
          onClose={() => dispatch({ type: "later" })}
          actions={
            <DialogButtons
              cancelLabel={t("sync.later")}
              onCancel={() => dispatch({ type: "later" })}
              confirmLabel={t("sync.yes")}
              onConfirm={onStart}
            />
          }
        >
          <p className="sync-question">{t("sync.offer")}</p>
          {pending === null || pending.openOrders + pending.paidOrders === 0 ? null : (
            <p className="muted">
              {t(offerDetailKey(pending), { open: pending.openOrders, paid: pending.paidOrders })}
            </p>
          )}
        </Dialog>
      );
    case "progress":
      return (
        <Dialog
          title={t("sync.progressTitle")}
          testId="sync-progress"
          actions={
            <button type="button" className="secondary" onClick={() => dispatch({ type: "hideProgress" })}>
              {t("sync.keepSelling")}
            </button>
          }
        >
          <SyncProgress phase={view.phase} done={view.done} total={view.total} />
        </Dialog>
      );
    case "success":
      return (
        <Dialog
          title={t("sync.successTitle")}
          testId="sync-success"
          onClose={close}
          actions={<DismissButton label={t("common.close")} onClose={close} tone="primary" />}
        >
          <p className="sync-result success">{t("sync.success")}</p>
        </Dialog>
      );
    case "failed":
      return (
        <Dialog
          title={t("sync.failedTitle")}
          testId="sync-failed"
          onClose={close}
          actions={
            <DialogButtons
              cancelLabel={t("common.close")}
              onCancel={close}
              confirmLabel={t("common.retry")}
              onConfirm={onStart}
            />
          }
        >
          <p className="sync-result failed" role="alert" data-code={view.code}>
            {view.message ?? syncErrorText(view.code, t)}
          </p>
        </Dialog>
      );
  }
}

/** Names only what waits: "0 đơn đang mở và 1 hóa đơn" reads as a fault to a cashier. */
function offerDetailKey(pending: { readonly openOrders: number; readonly paidOrders: number }) {
  if (pending.openOrders === 0) return "sync.offerPaidOnly";
  if (pending.paidOrders === 0) return "sync.offerOpenOnly";
  return "sync.offerDetail";
}
