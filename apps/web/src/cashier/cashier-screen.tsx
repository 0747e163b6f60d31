import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "./api/error-text.js";
import type { StationApi } from "./api/station-api.js";
import type { Order, Session } from "./api/station-types.js";
import { useCatalog } from "./catalog/use-catalog.js";
import { ConnectionsDialog } from "./connections/connections-dialog.js";
import { useLiveStation } from "./live/use-live-station.js";
import { OrderScreen, type OrderSelection } from "./order/order-screen.js";
import { PrintingArea } from "./printing/printing-area.js";
import { LogoutDialog } from "./session/logout-dialog.js";
import { ShiftBar } from "./shift/shift-bar.js";
import { HelpOverlay } from "./shortcuts/help-overlay.js";
import { useShortcuts } from "./shortcuts/use-shortcuts.js";
import { OfflineBanner } from "./status/offline-banner.js";
import { StatusBar } from "./status/status-bar.js";
import { RefusedOrdersDialog } from "./sync/refused-orders-dialog.js";
import { SyncDialog } from "./sync/sync-dialog.js";
import { useSyncFlow } from "./sync/use-sync-flow.js";
import { TableMap } from "./tables/table-map.js";

interface CashierScreenProps {
  readonly api: StationApi;
  readonly session: Session;
  readonly onLogout: () => void;
}

interface Screen {
  /** Changes each time the cashier picks a table or order, so the order screen starts afresh. */
  readonly key: number;
  readonly selection: OrderSelection;
}

/** The signed-in cashier: status bar, offline banner, table map or order, sync dialogs. */
export function CashierScreen({ api, session, onLogout }: CashierScreenProps) {
  const { t } = useTranslation();
  const live = useLiveStation(api);
  const { catalog, store, error } = useCatalog(
    api,
    `${live.status?.lastSyncAt ?? ""}|${live.catalogVersion}`,
  );
  const sync = useSyncFlow(live.status, api.startSync);
  const [screen, setScreen] = useState<Screen | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [refusedOpen, setRefusedOpen] = useState(false);
  const [connectionsOpen, setConnectionsOpen] = useState(false);
  const [logoutAsked, setLogoutAsked] = useState(false);
  const refused = live.status?.refusedOrders ?? [];

  const show = useCallback(
    (selection: OrderSelection) => setScreen((current) => ({ key: (current?.key ?? 0) + 1, selection })),
    [],
  );
  const openOrders = [...live.orders.values()].filter((order: Order) => order.status === "open");
  const openTables = openOrders.filter((order) => order.tableId !== null).length;
  const unsynced = (live.status?.pending.openOrders ?? 0) + (live.status?.pending.paidOrders ?? 0);
  const logout = () => (openTables > 0 || unsynced > 0 ? setLogoutAsked(true) : onLogout());

  const toggleHelp = () => setHelpOpen((open) => !open);
  useShortcuts([
    ["F1", toggleHelp],
    ["?", toggleHelp],
    ["F2", () => show({ orderId: null, tableId: null })],
  ]);

  return (
    <div className="cashier-app">
      <StatusBar
        status={live.status}
        stream={live.stream}
        storeName={store?.name ?? null}
        user={session.user}
        timeZone={store?.timeZone}
        onSyncNow={sync.start}
        onRefused={() => setRefusedOpen(true)}
        onHelp={() => setHelpOpen(true)}
        onConnections={() => setConnectionsOpen(true)}
        onLogout={logout}
      />
      <OfflineBanner status={live.status} />
      <ShiftBar
        api={api}
        store={store}
        status={live.status}
        ordersVersion={live.orders}
        user={session.user}
        tableName={(order) =>
          catalog?.tables.find((table) => table.id === order.tableId)?.name ?? t("order.takeAway")
        }
      />
      <PrintingArea status={live.status} />
      <main className="cashier-main">
        {catalog === null ? (
          <p
            className={error === null ? "loading" : "form-error"}
            role={error === null ? undefined : "alert"}
          >
            {error === null ? t("common.loading") : errorText(error, t)}
          </p>
        ) : screen === null ? (
          <TableMap
            catalog={catalog}
            openOrders={openOrders}
            onSelectTable={(table, order) => show({ orderId: order?.id ?? null, tableId: table.id })}
            onSelectOrder={(order) => show({ orderId: order.id, tableId: order.tableId })}
            onNewTakeAway={() => show({ orderId: null, tableId: null })}
          />
        ) : (
          <OrderScreen
            key={screen.key}
            selection={screen.selection}
            catalog={catalog}
            store={store}
            orders={live.orders}
            user={session.user}
            putOrder={live.putOrder}
            stream={live.stream}
            onSelect={(selection) => setScreen((current) => ({ key: current?.key ?? 0, selection }))}
            onBack={() => setScreen(null)}
          />
        )}
      </main>
      <SyncDialog
        view={sync.view}
        pending={live.status?.pending ?? null}
        onStart={sync.start}
        dispatch={sync.dispatch}
      />
      {refusedOpen && refused.length > 0 ? (
        <RefusedOrdersDialog
          refused={refused}
          needsPin={!["owner", "manager"].includes(session.user.role)}
          onClose={() => setRefusedOpen(false)}
        />
      ) : null}
      {connectionsOpen ? (
        <ConnectionsDialog timeZone={store?.timeZone} onClose={() => setConnectionsOpen(false)} />
      ) : null}
      {logoutAsked ? (
        <LogoutDialog
          openTables={openTables}
          unsynced={unsynced}
          onLogout={onLogout}
          onClose={() => setLogoutAsked(false)}
        />
      ) : null}
      {helpOpen ? <HelpOverlay onClose={() => setHelpOpen(false)} /> : null}
    </div>
  );
}
