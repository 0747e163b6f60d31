import { getRandomValues } from "node:crypto";
import { type Clock, type Order, uuidV7Generator } from "@quay/core";
import { createHttpService, guardRoutes } from "@quay/service-kit";
import { AttemptGuard } from "./auth/attempt-guard.js";
import { LoginService } from "./auth/login-service.js";
import { PassLogin } from "./auth/pass-login.js";
import { SessionManager } from "./auth/session-manager.js";
import { provisionStation } from "./auth/station-provisioning.js";
import { BankConfirmations } from "./bank/bank-confirmations.js";
import { registerBankRoutes } from "./bank/bank-routes.js";
import { StationDb } from "./db/station-db.js";
import { STATION_ERRORS } from "./errors.js";
import { registerBillRoutes } from "./http/bill-routes.js";
import { registerCatalogRoutes } from "./http/catalog-routes.js";
import { registerDayRoutes } from "./http/day-routes.js";
import { guardHostAndOrigin, StationHosts } from "./http/host-guard.js";
import { registerKitchenRoutes } from "./http/kitchen-routes.js";
import { guardLanExposure } from "./http/lan-exposure.js";
import { registerOrderRoutes } from "./http/order-routes.js";
import { sessionGuard } from "./http/request-session.js";
import { addServerTiming } from "./http/server-timing.js";
import { registerSessionRoutes } from "./http/session-routes.js";
import { registerShiftRoutes } from "./http/shift-routes.js";
import { registerSoldOutRoutes } from "./http/sold-out-routes.js";
import { registerStatusRoutes } from "./http/status-routes.js";
import { registerTicketRoutes } from "./http/ticket-routes.js";
import { registerWaiterRoutes } from "./http/waiter-routes.js";
import { registerWebApp } from "./http/web-app.js";
import { HubAnnouncer } from "./hub/hub-feed.js";
import { HubIntake } from "./hub/hub-intake.js";
import { registerHubRoutes } from "./hub/hub-routes.js";
import { SpokeRegistry } from "./hub/spoke-registry.js";
import { ConnectionLog } from "./lan/connection-log.js";
import { registerConnectionRoutes, type ShopPlace } from "./lan/connection-routes.js";
import { NetworkReporter } from "./lan/network-reporter.js";
import { shopAddresses } from "./lan/shop-addresses.js";
import { PrinterSpooler, type SpoolerDeps } from "./printing/printer-spooler.js";
import { OrderService } from "./selling/order-service.js";
import { ShiftService } from "./selling/shift-service.js";
import { SoldOutService } from "./selling/sold-out-service.js";
import { SpokeLink } from "./spoke/spoke-link.js";
import { registerSpokeRoutes } from "./spoke/spoke-routes.js";
import { StatusHub } from "./status-hub.js";
import {
  ConnectivityMonitor,
  DEFAULT_MONITOR_OPTIONS,
  type MonitorOptions,
} from "./sync/connectivity-monitor.js";
import { ServerClient } from "./sync/server-client.js";
import { ServerClock } from "./sync/server-clock.js";
import { SyncEngine } from "./sync/sync-engine.js";
import type { SyncEngineOptions } from "./sync/sync-options.js";

export interface StationOptions {
  /** The server's base URL, e.g. http://127.0.0.1:8080. */
  serverUrl: string;
  /** The shop's hub station (`--hub`), making this station its spoke. */
  hubUrl?: string | undefined;
  /** Where the SQLite file lives. */
  dataDir: string;
  /** Bind to this store at the first online login (else the user's only store). */
  storeCode?: string | undefined;
  /**
   * Bound for the shop's network (`--lan`): the station tells the cloud where phones reach it,
   * at `addresses` if given (`--lan-address`, a test's 127.0.0.1), else at its interfaces' own.
   */
  lan?: { readonly addresses?: readonly string[] | undefined } | undefined;
  /** Host names to answer to besides the machine's own (`--allow-host`). */
  allowedHosts?: readonly string[] | undefined;
  logLevel?: string | undefined;
  clock?: Clock;
  monitor?: Partial<MonitorOptions>;
  sync?: Partial<SyncEngineOptions>;
  /** The built cashier app (defaults to apps/web/dist). */
  webRoot?: string | undefined;
  /** Start the connectivity monitor and the sync engine (tests of the selling side may not). */
  startSync?: boolean;
  /** How the spooler reaches printers (tests shorten the waits). */
  printing?: Pick<SpoolerDeps, "timeouts" | "retry">;
}

const systemClock: Clock = { now: () => Date.now() };

/**
 * Puts a station together: its SQLite store, the selling service, sessions and login, the
 * connectivity monitor, the sync engine and the HTTP API. Closing the app stops everything.
 */
export async function createStation(options: StationOptions) {
  const clock = options.clock ?? systemClock;
  const app = await createHttpService({
    title: "Quầy station",
    version: "0.1.0",
    errors: STATION_ERRORS,
    // The cashier app's `fetch` POSTs without a body send an empty one as JSON.
    emptyJsonAsNoBody: true,
    ...(options.logLevel ? { logLevel: options.logLevel } : {}),
  });
  const db = StationDb.open(options.dataDir);
  const client = new ServerClient(options.serverUrl);
  const serverClock = new ServerClock(clock, db.settings);
  client.onServerTime = (serverMs) => serverClock.observe(serverMs);
  const monitor = new ConnectivityMonitor((timeoutMs) => client.probe(timeoutMs), {
    ...DEFAULT_MONITOR_OPTIONS,
    ...options.monitor,
  });

  let engine: SyncEngine | undefined;
  const hub = new StatusHub(() => {
    if (!engine) throw new Error("status asked before the engine exists");
    // Read off the link as it stands: the status is recomputed after every sale.
    const hubLink = spokeLink
      ? { registered: spokeLink.registered, reachable: spokeLink.monitor.reachable }
      : null;
    return {
      ...engine.status(),
      hub: hubLink,
      clockOffsetMs: serverClock.offsetMs,
      printing: printers.status(),
    };
  });
  // Tickets are written with their ops (src/printing); the spooler prints them after each commit.
  db.ticketRecorder.clock = serverClock;
  db.ticketRecorder.isSpoke = options.hubUrl !== undefined;
  const printers = new PrinterSpooler({
    db,
    clock: serverClock,
    logger: app.log,
    onStatusChanged: () => hub.statusMayHaveChanged(),
    ...options.printing,
  });
  // As the shop's hub, this station tells its spokes whenever its log moves.
  const announcer = new HubAnnouncer(db);
  const publishOrders = (orderIds: readonly string[]) => {
    for (const orderId of orderIds) {
      const order = db.orders.getOrder(orderId);
      if (order) hub.orderChanged(order);
    }
    announcer.mayHaveChanged();
    printers.kick();
  };
  // A pull that brought a new menu or floor (the cloud's, or the hub's copy), or a sold-out
  // toggle, tells the phones and the cashier app.
  let catalogSeq = db.settings.get("catalogSeq");
  const pulled = () => {
    announcer.mayHaveChanged();
    printers.kick(); // a pulled catalog may bring printers
    const seq = db.settings.get("catalogSeq");
    if (seq === catalogSeq) return;
    catalogSeq = seq;
    hub.catalogChanged();
  };
  const spokeLink = options.hubUrl
    ? new SpokeLink({
        db,
        hubUrl: options.hubUrl,
        clock,
        logger: app.log,
        ...(options.monitor ? { monitor: options.monitor } : {}),
        ...(options.sync ? { options: options.sync } : {}),
        onOrdersChanged: publishOrders,
        onApplied: pulled,
        cloudReachable: () => monitor.reachable,
      })
    : undefined;
  // A spoke owes the hub every op made here from now on (`at_hub = 0`).
  if (spokeLink) db.orders.localHubMark = 0;
  spokeLink?.monitor.onChange(() => hub.statusMayHaveChanged());
  // What the store's bank confirmed (through the cloud), for the cashier's payment dialog.
  const bankConfirmations = new BankConfirmations();
  bankConfirmations.onConfirmed((transfer) => hub.bankTransferConfirmed(transfer));
  engine = new SyncEngine({
    db,
    client,
    monitor,
    clock,
    logger: app.log,
    onOrdersChanged: publishOrders,
    onStatusChanged: () => hub.statusMayHaveChanged(),
    onApplied: pulled,
    onBankTransfers: (transfers) => bankConfirmations.add(transfers),
    ...(options.sync ? { options: options.sync } : {}),
  });
  const syncEngine = engine;

  const newId = uuidV7Generator(clock, (length) => getRandomValues(new Uint8Array(length)));
  const shifts = new ShiftService({
    db,
    clock: serverClock,
    newId,
    onShiftChanged: () => {
      hub.statusMayHaveChanged();
      syncEngine.notifyLocalChange();
    },
  });
  const orders = new OrderService({
    db,
    clock: serverClock, // ops carry the server's time as best known, whatever the PC's clock says
    newId,
    beforePayment: () => shifts.requireOpenForPayment(),
    onOrderChanged: (order: Order) => {
      hub.orderChanged(order);
      announcer.mayHaveChanged();
      printers.kick();
      syncEngine.notifyLocalChange();
      spokeLink?.notifyLocalChange();
    },
  });
  const soldOut = new SoldOutService({
    db,
    clock: serverClock,
    isSpoke: spokeLink !== undefined,
    onChanged: () => {
      pulled(); // the browsers hear `catalog`, the spokes `changed`
      syncEngine.notifySoldOut();
      spokeLink?.notifyLocalChange();
    },
  });
  const sessions = new SessionManager(db, clock);
  const place = shopPlace(app, options);
  const network = new NetworkReporter({
    db,
    client,
    role: place.role,
    addresses: () => place.addresses(),
    port: () => place.port(),
    logger: app.log,
  });
  const spokes = new SpokeRegistry(db, clock);
  const attempts = new AttemptGuard(db.attempts, clock, app.log);
  const login = new LoginService({
    db,
    client,
    sessions,
    attempts,
    provision: async (userToken) => {
      await provisionStation(
        { db, client, monitor, sync: syncEngine, logger: app.log, storeCode: options.storeCode },
        userToken,
      );
      // A new device token, or the first: tell the cloud where this station is, and get the pass key.
      void network.report(true);
    },
    cloudReachable: () => monitor.reachable,
    logger: app.log,
    afterLogin: (username, password) => {
      spokeLink
        ?.enroll(username, password)
        .catch((error: unknown) => app.log.warn({ err: error }, "could not register at the hub"));
    },
  });

  guardHostAndOrigin(app, new StationHosts(options.allowedHosts));
  // Every route declares who may call it (`config.access`); this one hook checks them all.
  guardRoutes(app, sessionGuard(sessions, spokes));
  guardLanExposure(app, sessions);
  addServerTiming(app);
  const passLogin = new PassLogin({ db, sessions, attempts, clock: serverClock, logger: app.log });
  registerSessionRoutes(app, { login, passLogin, sessions, db });
  registerConnectionRoutes(app, { place, spokes, log: new ConnectionLog(clock) });
  registerStatusRoutes(app, { hub, engine: syncEngine, db });
  registerCatalogRoutes(app, { db });
  registerSoldOutRoutes(app, { soldOut });
  registerOrderRoutes(app, { orders, db, attempts });
  registerBankRoutes(app, { confirmations: bankConfirmations });
  registerBillRoutes(app, { db, clock: serverClock });
  registerShiftRoutes(app, shifts);
  registerDayRoutes(app, { db, shifts, hub, clock: serverClock });
  registerTicketRoutes(app, {
    db,
    clock: serverClock,
    onTicketsChanged: () => {
      printers.kick();
      hub.statusMayHaveChanged();
    },
  });
  registerWaiterRoutes(app, { db, orders });
  registerKitchenRoutes(app, { db, orders, clock: serverClock });
  registerHubRoutes(app, {
    db,
    spokes,
    intake: new HubIntake(db, serverClock),
    announcer,
    clock: serverClock,
    soldOut,
    onPushed: (orderIds) => {
      publishOrders(orderIds);
      // Relayed to the cloud as this station's own work: soon online, with the cashier's yes after an outage.
      syncEngine.notifyLocalChange();
    },
  });
  registerSpokeRoutes(app, spokeLink);
  await registerWebApp(app, options.webRoot);

  if (options.startSync !== false) app.addHook("onListen", async () => network.start());
  app.addHook("onClose", async () => {
    network.stop();
    await printers.stop();
    await syncEngine.stop();
    await spokeLink?.stop();
    hub.close();
    db.close();
  });
  printers.start();
  if (options.startSync !== false) {
    syncEngine.start();
    spokeLink?.start();
  }
  return { app, db, orders, engine: syncEngine, hub, sessions, monitor, spokeLink, network, printers };
}

/** The station's role and addresses on the shop's network, from how it was started. */
function shopPlace(app: { server: { address(): unknown } }, options: StationOptions): ShopPlace {
  const { lan } = options;
  return {
    role: options.hubUrl ? "spoke" : lan ? "hub" : "counter",
    addresses: () => (lan ? (lan.addresses ?? shopAddresses()) : []),
    port: () => {
      const address = app.server.address();
      return typeof address === "object" && address !== null && "port" in address
        ? Number(address.port)
        : null;
    },
  };
}

export type Station = Awaited<ReturnType<typeof createStation>>;
