import { useCallback, useEffect, useMemo, useRef } from "react";
import { LanguageToggle } from "../shared/i18n/language-toggle.js";
import { useHashRoute } from "../shared/router/use-hash-route.js";
import type { ServerSession } from "../shared/session/server-session.js";
import type { WaiterApi } from "./api/waiter-api.js";
import type { Order } from "./api/waiter-types.js";
import { handoffTarget } from "./handoff/hub-handoff.js";
import { useHubHandoff } from "./handoff/use-hub-handoff.js";
import { useText } from "./i18n/waiter-text.js";
import { heldLineIds } from "./live/floor-state.js";
import { useConnection } from "./live/use-connection.js";
import { useFloor } from "./live/use-floor.js";
import { removeSent } from "./order/drafts.js";
import { TableScreen } from "./order/table-screen.js";
import { useDrafts } from "./order/use-drafts.js";
import { useSendDraft } from "./order/use-send-draft.js";
import { ConnectionBanner } from "./status/connection-banner.js";
import { TableMap } from "./tables/table-map.js";

interface WaiterScreenProps {
  readonly api: WaiterApi;
  readonly session: ServerSession;
  readonly onLogout: () => void;
}

/** Everything after sign-in: the live table map, and one table's order at `#/table/<id>`. */
export function WaiterScreen({ api, session, onLogout }: WaiterScreenProps) {
  const t = useText();
  // A waiter works in one store; someone of several takes their first (the back office picks).
  const storeId = session.stores[0]?.id ?? "";
  // Which side the phone works through, as its login answered (the same calls on either).
  const network = session.network ?? "cloud";
  const [path, go] = useHashRoute();
  // The floor's calls report a lost server to the connection, which itself follows the floor's stream.
  const reportLost = useRef<() => void>(() => {});
  const onUnreachable = useCallback(() => reportLost.current(), []);
  const [drafts, dispatch] = useDrafts(storeId);
  // Items kept for an order the counter closed meanwhile wait for the waiter's choice.
  const onOrderClosed = useCallback(
    (order: Order) =>
      dispatch({
        type: "closed",
        orderId: order.id,
        number: order.number,
        status: order.status === "void" ? "void" : "paid",
      }),
    [dispatch],
  );
  const floor = useFloor(api, storeId, session.token, onUnreachable, onOrderClosed);
  const connection = useConnection(floor.stream);
  reportLost.current = connection.reportUnreachable;
  // Only the cloud knows the shop's hubs: on a hub's own page there is nothing to hand off to.
  const handoff = useHubHandoff(api, storeId, connection.online && network === "cloud");
  const handoffUrl = handoffTarget(handoff, { storeId, online: connection.online, nowMs: Date.now() });
  const send = useSendDraft({
    api,
    storeId,
    drafts,
    dispatch,
    ordersRef: floor.ordersRef,
    putOrder: floor.putOrder,
    connection,
    t,
  });

  // Lines the server holds are sent, whatever the phone last heard from its own calls.
  useEffect(() => {
    dispatch({ type: "sent", lineIds: [...heldLineIds(floor.orders)] });
  }, [floor.orders, dispatch]);
  // The same on screen from the first frame, before that effect ran: a line never shows twice.
  const shownDrafts = useMemo(() => removeSent(drafts, heldLineIds(floor.orders)), [drafts, floor.orders]);

  const tableId = /^\/table\/([^/]+)$/.exec(path)?.[1] ?? null;
  const table =
    tableId === null ? undefined : floor.catalog?.tables.find((candidate) => candidate.id === tableId);

  return (
    <div className="w-app">
      <header className="w-header brand-bar">
        <div className="w-header-title">
          <strong>{session.stores[0]?.name ?? "Quầy"}</strong>
          <span className="muted small">{session.user.name}</span>
          <span className="muted small" data-testid="network" data-network={network}>
            {network === "shop" ? t("network.shop") : t("network.cloud")}
          </span>
        </div>
        <span
          className={connection.online ? "w-dot online" : "w-dot offline"}
          data-testid="connection-state"
          data-online={connection.online}
          title={connection.online ? t("connection.online") : t("connection.offline")}
          role="status"
          aria-label={connection.online ? t("connection.online") : t("connection.offline")}
        />
        <LanguageToggle label={t("common.language")} />
        <button type="button" className="secondary" onClick={onLogout}>
          {t("common.logout")}
        </button>
      </header>
      <ConnectionBanner online={connection.online} network={network} handoffUrl={handoffUrl} />
      {floor.catalog === null ? (
        <p className="w-loading muted">{t("common.loading")}</p>
      ) : table === undefined ? (
        <TableMap
          catalog={floor.catalog}
          orders={floor.orders}
          drafts={shownDrafts}
          onSelect={(selected) => go(`/table/${selected}`)}
        />
      ) : (
        <TableScreen
          key={table.id}
          api={api}
          role={session.user.role}
          catalog={floor.catalog}
          table={table}
          orders={floor.orders}
          draft={shownDrafts[table.id]}
          dispatch={dispatch}
          online={connection.online}
          onSend={(options) => void send(table.id, options)}
          putOrder={floor.putOrder}
          onBack={() => go("/")}
          onGoTo={(next) => go(`/table/${next}`)}
        />
      )}
    </div>
  );
}
