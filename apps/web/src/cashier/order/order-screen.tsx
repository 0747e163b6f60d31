import { can, DEFAULT_DISCOUNT_LIMITS } from "@quay/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { StreamState } from "../../shared/sse/use-event-source.js";
import { useApi } from "../api/api-context.js";
import type { Catalog, MenuItem, Order, OrderLine, SessionUser, Store } from "../api/station-types.js";
import { DiscountDialog } from "../discount/discount-dialog.js";
import type { OrdersById } from "../live/orders-state.js";
import { MenuPanel } from "../menu/menu-panel.js";
import { PaymentDialog } from "../payment/payment-dialog.js";
import { ReceiptDialog } from "../receipt/receipt-dialog.js";
import { useShortcuts } from "../shortcuts/use-shortcuts.js";
import { EqualPartsDialog } from "../split/equal-parts-dialog.js";
import { type BusyTable, MergeDialog } from "../split/merge-dialog.js";
import { SplitDialog } from "../split/split-dialog.js";
import { LineEditDialog } from "./line-edit-dialog.js";
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
  | { readonly kind: "editLine"; readonly line: OrderLine }
  | { readonly kind: "voidOrder" }
  | { readonly kind: "discount" }
  | { readonly kind: "move" }
  | { readonly kind: "pay" }
  | { readonly kind: "merge" }
  | { readonly kind: "split" }
  | { readonly kind: "equalParts" }
  | {
      readonly kind: "receipt";
      readonly order: Order;
      readonly provisional: boolean;
      /** The amount the store's bank confirmed for the payment that closed it, shown on top. */
      readonly bankConfirmed?: number;
      /** A part's slip, printed from "Chia đều" (which it goes back to). */
      readonly part?: { readonly index: number; readonly count: number; readonly amount: number };
    };

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
  const itemOf = (line: OrderLine) => catalog.items.find((item) => item.id === line.itemId);
  const categoryOf = (item: MenuItem | undefined) =>
    catalog.categories.find((category) => category.id === item?.categoryId);

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
      ["F4", () => selectedLine !== undefined && openDialog({ kind: "editLine", line: selectedLine }, open)],
      ["Delete", () => selectedLine !== undefined && openDialog({ kind: "void", line: selectedLine }, open)],
    ],
    dialog === null,
  );

  const freeTables = catalog.tables.filter(
    (candidate) =>
      ![...orders.values()].some((other) => other.status === "open" && other.tableId === candidate.id),
  );

  const busyTables: BusyTable[] = catalog.tables.flatMap((candidate) => {
    const busyOrder = [...orders.values()].find(
      (other) => other.status === "open" && other.tableId === candidate.id && other.id !== order?.id,
    );
    return busyOrder === undefined ? [] : [{ id: candidate.id, table: candidate, order: busyOrder }];
  });
  /** Stations answer in the order merged into; both orders change (the other one is voided). */
  const merge = async (from: Order, into: Order) => {
    const merged = await api.mergeOrder(from.id, into.id);
    putOrder(merged);
    putOrder({ ...from, status: "void" });
    onSelect({ orderId: merged.id, tableId: merged.tableId });
    setDialog(null);
  };

  return (
    <div className="order-screen">
      <MenuPanel
        catalog={catalog}
        searchRef={searchRef}
        disabled={!open}
        onAdd={(item, note, optionIds) => attempt(actions.addItem(item, note, optionIds))}
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
          onEditLine={(line) => setDialog({ kind: "editLine", line })}
          onBack={onBack}
          onProvisional={() => order !== null && setDialog({ kind: "receipt", order, provisional: true })}
          onMove={() => setDialog({ kind: "move" })}
          onVoidOrder={() => setDialog({ kind: "voidOrder" })}
          onDiscount={() => setDialog({ kind: "discount" })}
          onPay={() => setDialog({ kind: "pay" })}
          onMerge={() => setDialog({ kind: "merge" })}
          onSplit={() => setDialog({ kind: "split" })}
          onEqualParts={() => setDialog({ kind: "equalParts" })}
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
      {dialog?.kind === "editLine" ? (
        <LineEditDialog
          line={dialog.line}
          item={itemOf(dialog.line)}
          groups={catalog.optionGroups ?? []}
          categoryChips={categoryOf(itemOf(dialog.line))?.noteChips}
          onClose={() => setDialog(null)}
          onSave={async (edit) => {
            await actions.editLine(dialog.line.id, edit);
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
      {dialog?.kind === "discount" && order !== null ? (
        <DiscountDialog
          order={order}
          line={selectedLine}
          role={user.role}
          limits={store?.discountLimits ?? DEFAULT_DISCOUNT_LIMITS}
          onClose={() => setDialog(null)}
          onApply={async (asked) => {
            await actions.discount(asked);
            setDialog(null);
          }}
        />
      ) : null}
      {dialog?.kind === "move" ? (
        <MoveTableDialog
          from={title}
          areas={catalog.areas}
          freeTables={freeTables}
          hasTable={tableId !== null}
          busyTables={busyTables}
          onMerge={order === null ? undefined : (into) => merge(order, into)}
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
          onPay={async (method, amount, confirmation) => {
            const paid = await actions.pay(method, amount);
            if (paid.status === "paid") {
              setDialog({
                kind: "receipt",
                order: paid,
                provisional: false,
                ...(confirmation === undefined ? {} : { bankConfirmed: confirmation.amount }),
              });
            }
            return paid;
          }}
        />
      ) : null}
      {dialog?.kind === "merge" && order !== null ? (
        <MergeDialog
          into={title}
          areas={catalog.areas}
          busyTables={busyTables}
          onClose={() => setDialog(null)}
          onMerge={(from) => merge(from, order)}
        />
      ) : null}
      {dialog?.kind === "split" && order !== null ? (
        <SplitDialog
          order={order}
          from={title}
          table={table ?? null}
          freeTables={freeTables}
          onClose={() => setDialog(null)}
          onSplit={async (chosen, target) => {
            const { source, split } = await api.splitOrder(order.id, chosen, target);
            putOrder(source);
            putOrder(split);
            setDialog(null);
            onSelect({ orderId: split.id, tableId: split.tableId });
          }}
        />
      ) : null}
      {dialog?.kind === "equalParts" && order !== null ? (
        <EqualPartsDialog
          order={order}
          target={title}
          onClose={() => setDialog(null)}
          onPayPart={async (index, count, method) => {
            const paid = await api.payPart(order.id, index, count, method);
            putOrder(paid);
            return paid;
          }}
          onPrintPart={(index, count, amount) =>
            setDialog({ kind: "receipt", order, provisional: false, part: { index, count, amount } })
          }
        />
      ) : null}
      {dialog?.kind === "receipt" ? (
        <ReceiptDialog
          order={dialog.provisional ? (order ?? dialog.order) : dialog.order}
          store={store}
          tableName={title}
          cashierName={user.name}
          provisional={dialog.provisional}
          {...(dialog.bankConfirmed === undefined ? {} : { bankConfirmed: dialog.bankConfirmed })}
          part={dialog.part}
          onDone={() => {
            if (dialog.part !== undefined) setDialog({ kind: "equalParts" });
            else if (dialog.provisional) setDialog(null);
            else onBack();
          }}
        />
      ) : null}
    </div>
  );
}
