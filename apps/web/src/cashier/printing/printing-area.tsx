import { useState } from "react";
import type { StationStatus } from "../api/station-types.js";
import { HeldTicketsDialog } from "./held-tickets-dialog.js";
import { PrinterWarnings } from "./printer-warnings.js";

/** The cashier's view of the station's printers: the warning, and the held list when opened. */
export function PrintingArea({ status }: { readonly status: StationStatus | null }) {
  const [heldOpen, setHeldOpen] = useState(false);
  return (
    <>
      <PrinterWarnings status={status} onHeld={() => setHeldOpen(true)} />
      {heldOpen ? (
        <HeldTicketsDialog heldCount={status?.printing?.held ?? 0} onClose={() => setHeldOpen(false)} />
      ) : null}
    </>
  );
}
