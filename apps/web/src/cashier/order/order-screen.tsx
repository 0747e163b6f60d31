import { can } from "@quay/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { StreamState } from "../../shared/sse/use-event-source.js";
import { useApi } from "../api/api-context.js";
import type { Catalog, Order, OrderLine, SessionUser, Store } from "../api/station-types.js";
import type { OrdersById } from "../live/orders-state.js";
import { MenuPanel } from "../menu/menu-panel.js";
import { PaymentDialog } from "../payment/payment-dialog.js";
import { ReceiptDialog } from "../receipt/receipt-dialog.js";
import { useShortcuts } from "../shortcuts/use-shortcuts.js";
import { MoveTableDialog } from "./move-table-dialog.js";
import { shortNumber } from "./order-label.js";
import { OrderPanel } from "./order-panel.js";
import { useOrderActions } from "./use-order-actions.js";
import { useProblem } from "./use-problem.js";
import { VoidDialog } from "./void-dialog.js";
import "./order.css";

/** What the order screen shows: an order, or a draft for a table (null: take-away). */
export interface OrderSelection {
  readonly orderId: string | null;
  readonly tableId: string | null;
}

interface OrderScreenProps {
  readonly selection: OrderSelection;
  readonly catalog: Catalog;
  readonly store: Store | null;
  readonly orders: OrdersById;
  readonly user: SessionUser;
  readonly putOrder: (order: Order) => void;
  readonly onSelect: (selection: OrderSelection) => void;
  readonly onBack: () => void;
  /** The station's event stream: a "station unreachable" toast goes once it is open again. */
  readonly stream: StreamState;
}

type OpenDialog =
  | { readonly kind: "void"; readonly line: OrderLine }
  | { readonly kind: "voidOrder" }
  | { readonly kind: "move" }
  | { readonly kind: "pay" }
  | { readonly kind: "receipt"; readonly order: Order; readonly provisional: boolean };

const MANAGERS: readonly string[] = ["owner", "manager"];

function findOrder(orders: OrdersById, selection: OrderSelection): Order | null {
  if (selection.orderId !== null) return orders.get(selection.orderId) ?? null;
  if (selection.tableId === null) return null;
  // A phone may have opened this table meanwhile: serve that order rather than a second one.
  for (const order of orders.values()) {
    if (order.status === "open" && order.tableId === selection.tableId) return order;
  }
  return null;
}

/** Selling at one table: the menu on the left, the order on the right, and their dialogs. */
export function OrderScreen(props: OrderScreenProps) {
  const { selection, catalog, store, orders, user, putOrder, onSelect, onBack } = props;
  const { t } = useTranslation();
  const api = useApi();
  const searchRef = useRef<HTMLInputElement>(null);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [selectedLineId, setSelectedLineId] = useState<string | null>(null);
  const { problem, report, clear: clearProblem } = useProblem(props.stream);

  const order = findOrder(orders, selection);
  const tableId = order === null ? selection.tableId : order.tableId;
  const table = catalog.tables.find((candidate) => candidate.id === tableId);
  const title =
    table?.name ??
    (order === null ? t("order.takeAway") : `${t("order.takeAway")} ${shortNumber(order.number)}`);
  const open = order === null || order.status === "open";

  const actions = useOrderActions({
    api,
    order,
    tableId: selection.tableId,
    putOrder,
    onCreated: (created) => onSelect({ orderId: created.id, tableId: created.tableId }),
  });
  const attempt = (action: Promise<unknown>) => {
    clearProblem();
    action.catch(report);
  };

  const lines = order?.lines ?? [];
  const selectedIndex = lines.findIndex((line) => line.id === selectedLineId);
  const selectedLine = lines[selectedIndex];
  const changeQuantity = (line: OrderLine, quantity: number) => {
    setSelectedLineId(line.id);
    attempt(actions.changeQuantity(line.id, quantity - line.quantity));
  };
  const selectBy = (step: number) => {
    const next = lines[Math.min(lines.length - 1, Math.max(0, selectedIndex + step))];
    if (next !== undefined) setSelectedLineId(next.id);
  };

  const openDialog = (next: OpenDialog, allowed: boolean) => {
    if (allowed) setDialog(next);
  };
  const stepSelected = (step: number) => {
    if (selectedLine === undefined || !open) return;
    if (selectedLine.quantity + step >= 1) changeQuantity(selectedLine, selectedLine.quantity + step);
    else setDialog({ kind: "void", line: selectedLine });
  };
  const focusSearch = () => searchRef.current?.focus();

  useShortcuts(
    [
      ["Escape", onBack],
      ["F3", focusSearch],
      ["/", focusSearch],
      ["F6", () => openDialog({ kind: "move" }, order !== null && open)],
      [
        "F7",
        () => order !== null && openDialog({ kind: "receipt", order, provisional: true }, lines.length > 0),
      ],
      ["F9", () => openDialog({ kind: "pay" }, order !== null && open && lines.length > 0)],
      ["ArrowDown", () => selectBy(1)],
      ["ArrowUp", () => selectBy(selectedIndex < 0 ? lines.length : -1)],
      ["+", () => stepSelected(1)],
      ["-", () => stepSelected(-1)],
      ["Delete", () => selectedLine !== undefined && openDialog({ kind: "void", line: selectedLine }, open)],
    ],
    dialog === null,
  );

  const freeTables = catalog.tables.filter(
    (candidate) =>
      ![...orders.values()].some((other) => other.status === "open" && other.tableId === candidate.id),
  );

  return (
    <div className="order-screen">
      <MenuPanel
        catalog={catalog}
        searchRef={searchRef}
        disabled={!open}
        onAdd={(item, note) => attempt(actions.addItem(item, note))}
        onSoldOut={
          can(user.role, "items.soldOut")
            ? (item, soldOut) => attempt(api.setSoldOut(item.id, soldOut))
            : undefined
        }
      />
      <div className="order-column">
        {problem === null ? null : (
          <div className="toast error" role="alert">
            <span>{problem}</span>
            <button
              type="button"
              className="icon-button"
              aria-label={t("common.close")}
              onClick={clearProblem}
            >
              ✕
            </button>
          </div>
        )}
        <OrderPanel
          order={order}
          title={title}
          timeZone={store?.timeZone}
          selectedLineId={selectedLineId}
          onSelectLine={(line) => setSelectedLineId(line.id)}
          onQuantity={changeQuantity}
          onVoid={(line) => setDialog({ kind: "void", line })}
          onBack={onBack}
          onProvisional={() => order !== null && setDialog({ kind: "receipt", order, provisional: true })}
          onMove={() => setDialog({ kind: "move" })}
          onVoidOrder={() => setDialog({ kind: "voidOrder" })}
          onPay={() => setDialog({ kind: "pay" })}
        />
      </div>
      {dialog?.kind === "void" ? (
        <VoidDialog
          title={t("voidLine.title")}
          subject={
            <>
              <strong>
                {dialog.line.quantity} × {dialog.line.name}
              </strong>
              {dialog.line.note === null ? null : <span className="line-note"> · {dialog.line.note}</span>}
            </>
          }
          needsPin={!MANAGERS.includes(user.role)}
          onClose={() => setDialog(null)}
          onConfirm={async (reason, pin) => {
            await actions.voidLine(dialog.line.id, reason, pin);
            setDialog(null);
          }}
        />
      ) : null}
      {dialog?.kind === "voidOrder" ? (
        <VoidDialog
          title={t("voidOrder.title")}
          subject={<strong>{t("voidOrder.subject", { order: title })}</strong>}
          needsPin={!MANAGERS.includes(user.role)}
          onClose={() => setDialog(null)}
          onConfirm={async (reason, pin) => {
            await actions.voidOrder(reason, pin);
            onBack();
          }}
        />
      ) : null}
      {dialog?.kind === "move" ? (
        <MoveTableDialog
          from={title}
          areas={catalog.areas}
          freeTables={freeTables}
          hasTable={tableId !== null}
          onClose={() => setDialog(null)}
          onMove={async (target) => {
            const moved = await actions.move(target);
            onSelect({ orderId: moved.id, tableId: moved.tableId });
            setDialog(null);
          }}
        />
      ) : null}
      {dialog?.kind === "pay" && order !== null ? (
        <PaymentDialog
          order={order}
          target={title}
          bank={store?.bank ?? null}
          onClose={() => setDialog(null)}
          onPay={async (method, amount) => {
            const paid = await actions.pay(method, amount);
            if (paid.status === "paid") setDialog({ kind: "receipt", order: paid, provisional: false });
            return paid;
          }}
        />
      ) : null}
      {dialog?.kind === "receipt" ? (
        <ReceiptDialog
          order={dialog.provisional ? (order ?? dialog.order) : dialog.order}
          store={store}
          tableName={title}
          cashierName={user.name}
          provisional={dialog.provisional}
          onDone={() => (dialog.provisional ? setDialog(null) : onBack())}
        />
      ) : null}
    </div>
  );
}
