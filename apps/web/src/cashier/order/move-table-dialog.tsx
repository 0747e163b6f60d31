import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../shared/components/dialog.js";
import { FormError } from "../../shared/components/form-error.js";
import { errorText } from "../api/error-text.js";
import type { Area, Table } from "../api/station-types.js";
import { TileGrid } from "../components/tile-grid.js";

interface MoveTableDialogProps {
  readonly from: string;
  readonly areas: readonly Area[];
  /** Tables without an open order. */
  readonly freeTables: readonly Table[];
  /** Whether the order has a table now (it can then become a take-away order). */
  readonly hasTable: boolean;
  readonly onMove: (tableId: string | null) => Promise<void>;
  readonly onClose: () => void;
}

/** Moves the order to a free table, or to take-away. */
export function MoveTableDialog({
  from,
  areas,
  freeTables,
  hasTable,
  onMove,
  onClose,
}: MoveTableDialogProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const move = async (tableId: string | null) => {
    setBusy(true);
    setError(null);
    try {
      await onMove(tableId);
    } catch (failure) {
      setError(errorText(failure, t));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t("move.title")} onClose={onClose} testId="move-dialog" className="wide">
      <p>{t("move.to", { from })}</p>
      {freeTables.length === 0 ? <p className="muted">{t("move.noFreeTable")}</p> : null}
      {areas.map((area) => {
        const tables = freeTables.filter((table) => table.areaId === area.id);
        if (tables.length === 0) return null;
        return (
          <section key={area.id} className="area">
            <h3>{area.name}</h3>
            <TileGrid
              items={tables}
              tileClassName="table-tile"
              onSelect={(table) => void move(table.id)}
              disabled={busy}
              compact
            >
              {(table) => <span className="table-name">{table.name}</span>}
            </TileGrid>
          </section>
        );
      })}
      {hasTable ? (
        <button type="button" className="secondary wide" disabled={busy} onClick={() => void move(null)}>
          {t("tables.takeAway")}
        </button>
      ) : null}
      <FormError problem={error} />
    </Dialog>
  );
}
