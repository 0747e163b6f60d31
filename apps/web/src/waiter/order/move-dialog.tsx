import { useState } from "react";
import { Dialog } from "../../shared/components/dialog.js";
import { DismissButton } from "../../shared/components/dialog-buttons.js";
import { FormError } from "../../shared/components/form-error.js";
import { errorText } from "../api/error-text.js";
import type { WaiterApi } from "../api/waiter-api.js";
import type { FloorOrder, Order, Table } from "../api/waiter-types.js";
import { useText } from "../i18n/waiter-text.js";

interface MoveDialogProps {
  readonly api: WaiterApi;
  readonly mode: "move" | "merge";
  readonly order: FloorOrder;
  readonly table: Table;
  /** Free tables to move to, or the occupied tables (with their order) to merge into. */
  readonly targets: readonly { readonly table: Table; readonly order: FloorOrder | undefined }[];
  readonly onDone: (order: Order, table: Table) => void;
  readonly onClose: () => void;
}

/** Moves the table's order to a free table, or merges it into another table's order. */
export function MoveDialog({ api, mode, order, table, targets, onDone, onClose }: MoveDialogProps) {
  const t = useText();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const choose = async (target: (typeof targets)[number]) => {
    setBusy(true);
    setProblem(null);
    try {
      const answer =
        mode === "move" || target.order === undefined
          ? await api.move(order.id, target.table.id)
          : await api.merge(order.id, target.order.id);
      onDone(answer, target.table);
    } catch (error) {
      setProblem(errorText(error, t));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={
        mode === "move"
          ? t("order.moveTitle", { table: table.name })
          : t("order.mergeTitle", { table: table.name })
      }
      onClose={onClose}
      testId="move-dialog"
      actions={<DismissButton label={t("common.cancel")} onClose={onClose} tone="secondary" />}
    >
      {targets.length === 0 ? (
        <p className="muted">{mode === "move" ? t("order.noFreeTables") : t("order.noOccupiedTables")}</p>
      ) : (
        <div className="w-move-targets">
          {targets.map((target) => (
            <button
              type="button"
              key={target.table.id}
              className="secondary"
              disabled={busy}
              onClick={() => void choose(target)}
            >
              {target.table.name}
            </button>
          ))}
        </div>
      )}
      <FormError problem={problem} />
    </Dialog>
  );
}
