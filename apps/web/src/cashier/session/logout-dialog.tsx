import { useTranslation } from "react-i18next";
import { FormDialog } from "../components/form-dialog.js";

interface LogoutDialogProps {
  readonly openTables: number;
  readonly unsynced: number;
  readonly onLogout: () => void;
  readonly onClose: () => void;
}

/**
 * Asked before signing out while tables are open or orders wait to sync: nothing is lost (the
 * station keeps them), but the next cashier should hear of them before this one leaves.
 */
export function LogoutDialog({ openTables, unsynced, onLogout, onClose }: LogoutDialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog
      title={t("status.logoutTitle")}
      testId="logout-dialog"
      onClose={onClose}
      ready
      submitLabel={t("status.logoutConfirm")}
      tone="danger"
      onSubmit={async () => onLogout()}
    >
      {openTables > 0 ? <p>{t("status.logoutOpenTables", { count: openTables })}</p> : null}
      {unsynced > 0 ? <p>{t("status.logoutUnsynced", { count: unsynced })}</p> : null}
    </FormDialog>
  );
}
