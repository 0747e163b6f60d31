import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../shared/components/dialog.js";
import { FormError } from "../../shared/components/form-error.js";
import { Money } from "../../shared/money/money.js";
import { errorText } from "../api/error-text.js";
import type { Area, Order, Table } from "../api/station-types.js";
import { TilesByArea } from "../components/tiles-by-area.js";

/** A table with its open order. */
export interface BusyTable {
  readonly id: string;
  readonly table: Table;
  readonly order: Order;
}

interface MergeDialogProps {
  /** The order merged into: the one on screen. */
  readonly into: string;
  readonly areas: readonly Area[];
  /** The other tables with an open order. */
  readonly busyTables: readonly BusyTable[];
  readonly onMerge: (from: Order) => Promise<void>;
  readonly onClose: () => void;
}

/** "Gộp bàn": another table's order moves onto the one on screen (core's `planMerge`). */
export function MergeDialog({ into, areas, busyTables, onMerge, onClose }: MergeDialogProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const merge = async (from: Order) => {
    setBusy(true);
    setError(null);
    try {
      await onMerge(from);
    } catch (failure) {
      setError(errorText(failure, t));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t("split.mergeTitle", { into })} onClose={onClose} testId="merge-dialog" className="wide">
      <p>{t("split.mergeHint", { into })}</p>
      {busyTables.length === 0 ? <p className="muted">{t("split.noBusyTable")}</p> : null}
      <TilesByArea
        areas={areas}
        items={busyTables}
        areaOf={(busyTable) => busyTable.table.areaId}
        tileClassName="table-tile busy"
        onSelect={(busyTable) => void merge(busyTable.order)}
        disabled={busy}
      >
        {(busyTable) => (
          <>
            <span className="table-name">{busyTable.table.name}</span>
            <Money amount={busyTable.order.total} />
          </>
        )}
      </TilesByArea>
      <FormError problem={error} />
    </Dialog>
  );
}
