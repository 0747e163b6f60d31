import { itemOptionGroups, type LineOption } from "@quay/core";
import type { Role } from "@quay/protocol";
import { type Dispatch, useState } from "react";
import { newUuid } from "../../shared/id/new-uuid.js";
import { Money } from "../../shared/money/money.js";
import type { OptionItem } from "../../shared/options/use-option-choice.js";
import type { WaiterApi } from "../api/waiter-api.js";
import type { Catalog, MenuItem, Order, OrderLine, Table } from "../api/waiter-types.js";
import { useText, type WaiterText } from "../i18n/waiter-text.js";
import { type FloorOrders, ordersByTable } from "../live/floor-state.js";
import { DiscountDialog } from "./discount-dialog.js";
import { DraftLines } from "./draft-lines.js";
import { type DraftAction, type DraftLine, draftCount, type TableDraft } from "./drafts.js";
import { LineDialog } from "./line-dialog.js";
import { MenuList } from "./menu-list.js";
import { MoveDialog } from "./move-dialog.js";
import { SentLines } from "./sent-lines.js";
import type { SendOptions } from "./use-send-draft.js";
import "./order.css";

/** What the line dialog is open for: an item being added, or a line not yet made being edited. */
type Choosing =
  | { readonly kind: "add"; readonly item: MenuItem }
  | { readonly kind: "draft"; readonly line: DraftLine }
  | { readonly kind: "sent"; readonly line: OrderLine };

/** Roles the server lets merge orders (moving is open to everyone who serves). */
const MAY_MERGE: readonly Role[] = ["owner", "manager", "cashier"];

interface TableScreenProps {
  readonly api: WaiterApi;
  readonly role: Role;
  readonly catalog: Catalog;
  readonly table: Table;
  readonly orders: FloorOrders;
  readonly draft: TableDraft | undefined;
  readonly dispatch: Dispatch<DraftAction>;
  readonly online: boolean;
  readonly onSend: (options?: SendOptions) => void;
  readonly putOrder: (order: Order) => void;
  readonly onBack: () => void;
  readonly onGoTo: (tableId: string) => void;
}

/** One table: what it has ordered, what is being entered, the menu, and moving or merging it. */
export function TableScreen(props: TableScreenProps) {
  const { api, role, catalog, table, orders, draft, dispatch, online } = props;
  const t = useText();
  const [choosing, setChoosing] = useState<Choosing | null>(null);
  const [moving, setMoving] = useState<"move" | "merge" | null>(null);
  const [discounting, setDiscounting] = useState(false);
  const byTable = ordersByTable(orders);
  const order = byTable.get(table.id);
  const unsent = draftCount(draft);
  const sending = draft?.lines.some((line) => line.state === "sending") ?? false;
  const failed = draft?.lines.filter((line) => line.state === "failed").length ?? 0;
  const orderId = order?.id ?? draft?.orderId;
  const groups = catalog.optionGroups ?? [];
  const itemOf = (itemId: string) => catalog.items.find((item) => item.id === itemId);
  const chipsOf = (item: OptionItem & { readonly categoryId?: string }) =>
    catalog.categories.find((category) => category.id === item.categoryId)?.noteChips;
  const offersOptions = (item: MenuItem) => itemOptionGroups(item, groups).length > 0;
  const add = (item: MenuItem, note = "", options: readonly LineOption[] = []) =>
    dispatch({ type: "add", tableId: table.id, orderId: orderId ?? newUuid(), item, note, options });
  const draftTotal = draft?.lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0) ?? 0;

  const targets = catalog.tables
    .filter((candidate) => candidate.id !== table.id && (moving === "move") !== byTable.has(candidate.id))
    .map((candidate) => ({ table: candidate, order: byTable.get(candidate.id) }));

  return (
    <main className="w-order">
      <div className="w-order-head">
        <button type="button" className="secondary" onClick={props.onBack} data-testid="back">
          ← {t("common.back")}
        </button>
        <div className="w-order-title">
          <h1 data-testid="order-title">{table.name}</h1>
          {order ? (
            <span className="muted small">
              {order.number ? t("order.number", { number: order.number }) : null}
              {order.openedBy?.name ? ` · ${t("order.openedBy", { name: order.openedBy.name })}` : null}
            </span>
          ) : null}
        </div>
      </div>

      <SentLines order={order} onEdit={online ? (line) => setChoosing({ kind: "sent", line }) : undefined} />

      {order ? (
        <div className="w-order-actions">
          <button
            type="button"
            className="secondary"
            onClick={() => setMoving("move")}
            disabled={unsent > 0 || !online}
          >
            {t("order.move")}
          </button>
          {MAY_MERGE.includes(role) ? (
            <button
              type="button"
              className="secondary"
              onClick={() => setMoving("merge")}
              disabled={unsent > 0 || !online}
            >
              {t("order.merge")}
            </button>
          ) : null}
          <button
            type="button"
            className="secondary"
            onClick={() => setDiscounting(true)}
            disabled={!online || order.lines.length === 0}
            data-testid="discount-button"
          >
            {t("discount.button")}
          </button>
          {unsent > 0 ? <span className="muted small">{t("order.unsentBeforeMove")}</span> : null}
        </div>
      ) : null}

      <DraftLines
        draft={draft}
        onQuantity={(lineId, delta) => dispatch({ type: "quantity", tableId: table.id, lineId, delta })}
        onEdit={(line) => setChoosing({ kind: "draft", line })}
        onRemove={(lineId) => dispatch({ type: "remove", tableId: table.id, lineId })}
      />

      <MenuList
        catalog={catalog}
        onAdd={(item) => (offersOptions(item) ? setChoosing({ kind: "add", item }) : add(item))}
      />

      {draft?.closed !== undefined && unsent > 0 ? (
        <div className="w-send-bar w-closed" role="alert" data-testid="order-closed">
          <p className="w-send-problem">
            {t(draft.closed.status === "paid" ? "order.closedPaid" : "order.closedVoid", {
              number: draft.closed.number ?? "",
              count: unsent,
            })}
          </p>
          <div className="w-send-row">
            <button
              type="button"
              className="secondary"
              onClick={() => dispatch({ type: "drop", tableId: table.id })}
              data-testid="drop-draft"
            >
              {t("order.dropUnsent", { count: unsent })}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => props.onSend({ anyway: true })}
              disabled={sending}
              data-testid="send-anyway"
            >
              {t("order.sendAnyway", { table: table.name })}
            </button>
          </div>
        </div>
      ) : unsent > 0 ? (
        <div className="w-send-bar">
          {failed > 0 ? (
            <p className="w-send-problem" role="alert" data-testid="send-failed">
              {t("order.failedHelp", { count: failed })}
            </p>
          ) : null}
          <div className="w-send-row">
            <span>
              <span className="muted small">{t("order.cartTotal")}</span>
              <Money amount={draftTotal} className="strong" />
            </span>
            <button
              type="button"
              className="primary"
              onClick={() => props.onSend()}
              disabled={sending}
              data-testid="send-draft"
            >
              {sending
                ? t("order.sending")
                : failed > 0
                  ? t("order.resend", { count: unsent })
                  : t("order.send", { count: unsent })}
            </button>
          </div>
        </div>
      ) : null}

      {choosing === null ? null : (
        <LineDialog
          {...lineDialogText(choosing, t)}
          item={chosenItem(choosing, itemOf)}
          groups={groups}
          categoryChips={chipsOf(chosenItem(choosing, itemOf))}
          onClose={() => setChoosing(null)}
          onSave={async ({ note, options }) => {
            if (choosing.kind === "add") add(choosing.item, note, options);
            else if (choosing.kind === "draft") {
              const lineId = choosing.line.lineId;
              dispatch({ type: "edit", tableId: table.id, lineId, note, ...(options ? { options } : {}) });
            } else if (order !== undefined) {
              const edit = {
                note: note === "" ? null : note,
                ...(options ? { optionIds: options.map((option) => option.optionId) } : {}),
              };
              props.putOrder(await api.editLine(order.id, choosing.line.id, edit));
            }
            setChoosing(null);
          }}
        />
      )}
      {discounting && order !== undefined ? (
        <DiscountDialog
          order={order}
          role={role}
          limits={catalog.store.discountLimits}
          onClose={() => setDiscounting(false)}
          onApply={async (asked) => {
            props.putOrder(await api.discount(order.id, asked));
            setDiscounting(false);
          }}
        />
      ) : null}
      {moving === null || order === undefined ? null : (
        <MoveDialog
          api={api}
          mode={moving}
          order={order}
          table={table}
          targets={targets}
          onClose={() => setMoving(null)}
          onDone={(answer, target) => {
            props.putOrder(answer);
            setMoving(null);
            props.onGoTo(target.id);
          }}
        />
      )}
    </main>
  );
}

/** The item whose options are chosen: as the menu has it now, else (taken off it) as the line was. */
function chosenItem(choosing: Choosing, itemOf: (itemId: string) => MenuItem | undefined): OptionItem {
  if (choosing.kind === "add") return choosing.item;
  const { line } = choosing;
  return itemOf(line.itemId) ?? { name: line.name, price: line.basePrice ?? line.unitPrice };
}

/** The line dialog's title, the choice it opens with, and its main button. */
function lineDialogText(choosing: Choosing, t: WaiterText) {
  if (choosing.kind === "add") {
    return { title: choosing.item.name, initial: undefined, confirmLabel: t("menu.options.add") };
  }
  const { line } = choosing;
  const initial = {
    optionIds: (line.options ?? []).map((option) => option.optionId),
    note: line.note ?? "",
  };
  return { title: t("order.editLine", { name: line.name }), initial, confirmLabel: t("common.save") };
}
