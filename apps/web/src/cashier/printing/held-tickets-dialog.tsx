import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../shared/components/dialog.js";
import { FormError } from "../../shared/components/form-error.js";
import { formatTime } from "../../shared/time/format-time.js";
import { useApi } from "../api/api-context.js";
import { errorText } from "../api/error-text.js";
import type { TicketView } from "../api/station-types.js";
import { shortNumber } from "../order/order-label.js";

interface HeldTicketsDialogProps {
  /** Changes when the station's count of held tickets does: the list is read again. */
  readonly heldCount: number;
  readonly onClose: () => void;
}

/** The tickets held for being too old by their turn, each with "In" and "Bỏ qua". */
export function HeldTicketsDialog({ heldCount, onClose }: HeldTicketsDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [tickets, setTickets] = useState<readonly TicketView[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setTickets(await api.heldTickets());
    } catch (failure) {
      setProblem(errorText(failure, t));
    }
  }, [api, t]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the station's count says when to read again
  useEffect(() => {
    void reload();
  }, [reload, heldCount]);

  const decide = async (ticket: TicketView, print: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      await (print ? api.printTicket(ticket.id) : api.dismissTicket(ticket.id));
      await reload();
    } catch (failure) {
      setProblem(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  const kindLabel = (ticket: TicketView) =>
    ticket.content.kind === "items" ? null : t(`printing.${ticket.content.kind}`);

  return (
    <Dialog title={t("printing.heldTitle")} onClose={onClose} testId="held-tickets">
      <div className="stack">
        <p>{t("printing.heldExplain")}</p>
        {tickets !== null && tickets.length === 0 ? <p>{t("printing.heldEmpty")}</p> : null}
        <ul className="held-tickets">
          {(tickets ?? []).map((ticket) => (
            <li key={ticket.id} data-testid="held-ticket">
              <div className="held-ticket-head">
                <strong>
                  {ticket.content.printerName} · {ticket.content.tableName ?? t("printing.takeAway")} ·{" "}
                  {shortNumber(ticket.content.orderNumber)}
                </strong>
                <span className="muted">{formatTime(ticket.content.at, ticket.content.timeZone)}</span>
              </div>
              {kindLabel(ticket) === null ? null : (
                <span className="held-ticket-kind">{kindLabel(ticket)}</span>
              )}
              <ul className="held-ticket-lines">
                {ticket.content.lines.map((line, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a ticket's lines never reorder
                  <li key={index}>
                    {line.quantity} × {line.name}
                    {line.note ? <span className="muted"> — {line.note}</span> : null}
                  </li>
                ))}
              </ul>
              <div className="dialog-actions">
                <button
                  type="button"
                  className="primary"
                  disabled={busy}
                  onClick={() => decide(ticket, true)}
                >
                  {t("printing.print")}
                </button>
                <button
                  type="button"
                  className="secondary"
                  disabled={busy}
                  onClick={() => decide(ticket, false)}
                >
                  {t("printing.dismiss")}
                </button>
              </div>
            </li>
          ))}
        </ul>
        <FormError problem={problem} />
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t("printing.close")}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
