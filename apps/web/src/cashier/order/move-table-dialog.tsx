import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../shared/components/dialog.js";
import { FormError } from "../../shared/components/form-error.js";
import { errorText } from "../api/error-text.js";
import type { Area, Order, Table } from "../api/station-types.js";
import { TilesByArea } from "../components/tiles-by-area.js";
import type { BusyTable } from "../split/merge-dialog.js";

interface MoveTableDialogProps {
  readonly from: string;
  readonly areas: readonly Area[];
  /** Tables without an open order. */
  readonly freeTables: readonly Table[];
  /** Whether the order has a table now (it can then become a take-away order). */
  readonly hasTable: boolean;
  readonly onMove: (tableId: string | null) => Promise<void>;
  /** The other tables with an open order: moving there merges into it, once the cashier says yes. */
  readonly busyTables?: readonly BusyTable[];
  readonly onMerge?: ((into: Order) => Promise<void>) | undefined;
  readonly onClose: () => void;
}

/** Moves the order to a free table, or to take-away; to a busy table, it merges into its order (asked first). */
export function MoveTableDialog({
  from,
  areas,
  freeTables,
  hasTable,
  onMove,
  busyTables = [],
  onMerge,
  onClose,
}: MoveTableDialogProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The busy table tapped: "Bàn 5 đang có đơn. Gộp vào đơn đó?" */
  const [asking, setAsking] = useState<BusyTable | null>(null);

  const attempt = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(errorText(failure, t));
      setBusy(false);
    }
  };
  const move = (tableId: string | null) => attempt(() => onMove(tableId));

  if (asking !== null && onMerge !== undefined) {
    return (
      <Dialog
        title={t("move.title")}
        onClose={onClose}
        testId="merge-ask-dialog"
        actions={
          <>
            <button type="button" className="secondary" disabled={busy} onClick={() => setAsking(null)}>
              {t("common.cancel")}
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void attempt(() => onMerge(asking.order))}
              data-testid="merge-ask-confirm"
            >
              {t("split.mergeConfirm")}
            </button>
          </>
        }
      >
        <p data-testid="merge-ask">{t("split.mergeAsk", { table: asking.table.name })}</p>
        <FormError problem={error} />
      </Dialog>
    );
  }

  return (
    <Dialog title={t("move.title")} onClose={onClose} testId="move-dialog" className="wide">
      <p>{t("move.to", { from })}</p>
      {freeTables.length === 0 ? <p className="muted">{t("move.noFreeTable")}</p> : null}
      <TilesByArea
        areas={areas}
        items={freeTables}
        areaOf={(table) => table.areaId}
        tileClassName="table-tile"
        onSelect={(table) => void move(table.id)}
        disabled={busy}
      >
        {(table) => <span className="table-name">{table.name}</span>}
      </TilesByArea>
      {onMerge === undefined ? null : (
        <TilesByArea
          areas={areas}
          items={busyTables}
          areaOf={(busyTable) => busyTable.table.areaId}
          heading={(area) => `${area.name} · ${t("split.busy")}`}
          keyPrefix="busy-"
          tileClassName="table-tile busy"
          onSelect={setAsking}
          disabled={busy}
        >
          {(busyTable) => <span className="table-name">{busyTable.table.name}</span>}
        </TilesByArea>
      )}
      {hasTable ? (
        <button type="button" className="secondary wide" disabled={busy} onClick={() => void move(null)}>
          {t("tables.takeAway")}
        </button>
      ) : null}
      <FormError problem={error} />
    </Dialog>
  );
}
