import { useTranslation } from "react-i18next";
import type { StationStatus } from "../api/station-types.js";

interface PrinterWarningsProps {
  readonly status: StationStatus | null;
  /** Opens the list of held tickets. */
  readonly onHeld: () => void;
}

/**
 * Under the status bar while a printer is not answering (its tickets queue at the station and
 * come out in order when it is back), and while tickets too old to print by themselves wait
 * for the cashier's "In" or "Bỏ qua".
 */
export function PrinterWarnings({ status, onHeld }: PrinterWarningsProps) {
  const { t } = useTranslation();
  const printing = status?.printing;
  if (!printing) return null;
  const down = printing.printers.filter((printer) => printer.state === "unreachable");
  if (down.length === 0 && printing.held === 0) return null;
  return (
    <div className="printer-warnings" role="alert" data-testid="printer-warnings">
      {down.map((printer) => (
        <strong key={printer.id} data-testid="printer-down" title={printer.lastError ?? undefined}>
          {printer.queued > 0
            ? t("printing.unreachable", { name: printer.name, count: printer.queued })
            : t("printing.unreachableNone", { name: printer.name })}
        </strong>
      ))}
      {printing.held > 0 ? (
        <button
          type="button"
          className="status-button accent"
          data-testid="held-tickets-button"
          onClick={onHeld}
        >
          {t("printing.heldButton", { count: printing.held })}
        </button>
      ) : null}
    </div>
  );
}
