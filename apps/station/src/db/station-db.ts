import { applySoldOutToggle, type SoldOutToggleMark, withLatestSoldOut } from "@quay/core";
import type { CatalogSnapshot, CredentialEntry, Store } from "@quay/protocol";
import { TicketRecorder } from "../printing/ticket-recorder.js";
import { TicketStore } from "../printing/ticket-store.js";
import { AttemptLog } from "./attempt-log.js";
import { CredentialStore } from "./credential-store.js";
import { HubLog } from "./hub-log.js";
import { InvoiceCounter } from "./invoice-counter.js";
import { durably, openDatabase, type StationDatabase } from "./open-database.js";
import { OrderLog } from "./order-log.js";
import { RefusedOrders } from "./refused-orders.js";
import { SettingsStore } from "./settings-store.js";
import { ShiftLog } from "./shift-log.js";
import { SoldOutMarks } from "./sold-out-marks.js";

type CatalogItem = CatalogSnapshot["items"][number];
type CatalogTable = CatalogSnapshot["tables"][number];

/** What a provisioned station knows about itself: enough to number and sign its ops. */
export interface StationIdentity {
  stationId: string;
  stationCode: string;
  store: Store;
}

/** Everything the station keeps in its one SQLite file, behind small typed stores. */
export class StationDb {
  readonly settings: SettingsStore;
  readonly orders: OrderLog;
  readonly refused: RefusedOrders;
  readonly shifts: ShiftLog;
  readonly credentials: CredentialStore;
  readonly invoiceCounter: InvoiceCounter;
  readonly attempts: AttemptLog;
  readonly hubLog: HubLog;
  /** Sold-out toggles owed to the cloud and the hub. */
  readonly soldOutMarks: SoldOutMarks;
  readonly tickets: TicketStore;
  /** Writes the bar and kitchen tickets of every batch of ops, in the ops' transaction. */
  readonly ticketRecorder: TicketRecorder;
  private indexedCatalog: CatalogSnapshot | undefined;
  private items = new Map<string, CatalogItem>();
  private tables = new Map<string, CatalogTable>();

  constructor(readonly db: StationDatabase) {
    this.settings = new SettingsStore(db);
    this.orders = new OrderLog(db);
    this.refused = new RefusedOrders(db);
    this.shifts = new ShiftLog(db);
    this.credentials = new CredentialStore(db);
    this.invoiceCounter = new InvoiceCounter(db);
    this.attempts = new AttemptLog(db);
    this.hubLog = new HubLog(db);
    this.soldOutMarks = new SoldOutMarks(db);
    this.tickets = new TicketStore(db);
    this.ticketRecorder = new TicketRecorder(this);
    this.orders.beforeStore = (ops) => this.ticketRecorder.record(ops);
  }

  static open(dataDir: string): StationDb {
    return new StationDb(openDatabase(dataDir));
  }

  /**
   * Runs `work` in one synchronous transaction; settings read back from disk if it fails.
   * `durable` commits with `synchronous=FULL` (payments, closes, voids).
   */
  transaction<T>(work: () => T, options: { durable?: boolean } = {}): T {
    try {
      const run = this.db.transaction(work);
      // Nested in another transaction, the outer one decides when (and how) it commits.
      if (options.durable && !this.db.inTransaction) return durably(this.db, () => run());
      return run();
    } catch (error) {
      this.settings.invalidate();
      throw error;
    }
  }

  /** The station's binding to its store, or null before its first online login. */
  identity(): StationIdentity | null {
    const stationId = this.settings.get("stationId");
    const stationCode = this.settings.get("stationCode");
    const store = this.settings.get("store");
    return stationId && stationCode && store ? { stationId, stationCode, store } : null;
  }

  /** Provisioned: bound to a store and holding the catalog and the users, so it can sell offline. */
  isProvisioned(): boolean {
    return this.identity() !== null && this.settings.get("catalog") !== undefined;
  }

  /**
   * Keeps a pulled catalog (and its store), and takes a number of the log's sequence for it so
   * that spokes pulling from this station as their hub get it again. Inside the pull's transaction.
   * An item's sold-out state stays as held when it was toggled later than the pulled one (a
   * toggle made here, or taken from the other tier, that this tier has not heard of yet).
   */
  replaceCatalog(pulled: CatalogSnapshot): void {
    const held = new Map((this.catalog()?.items ?? []).map((item) => [item.id, item]));
    const items = pulled.items.map((item) => {
      const mine = held.get(item.id);
      return mine ? withLatestSoldOut(item, mine) : item;
    });
    const catalog = { ...pulled, items };
    this.settings.set("catalog", catalog);
    this.settings.set("store", catalog.store);
    this.settings.set("catalogSeq", this.hubLog.advanceHead());
  }

  /**
   * Applies a sold-out toggle to the catalog when it is later than the item's last (the latest
   * wins); answers whether the catalog changed (then it took a number of the log's sequence, so
   * spokes pull it). Inside the caller's transaction.
   */
  applySoldOut(mark: SoldOutToggleMark): boolean {
    const catalog = this.catalog();
    if (!catalog) return false;
    const applied = applySoldOutToggle(catalog.items, mark);
    if (!applied.changed) return false;
    this.settings.set("catalog", { ...catalog, items: [...applied.items] });
    this.settings.set("catalogSeq", this.hubLog.advanceHead());
    return true;
  }

  /** Keeps the store's pulled users, as `replaceCatalog` keeps the catalog. */
  replaceUsers(users: readonly CredentialEntry[]): void {
    this.credentials.replaceAll(users);
    this.settings.set("usersSeq", this.hubLog.advanceHead());
  }

  catalog(): CatalogSnapshot | undefined {
    return this.settings.get("catalog");
  }

  findItem(itemId: string): CatalogItem | undefined {
    this.indexCatalog();
    return this.items.get(itemId);
  }

  findTable(tableId: string): CatalogTable | undefined {
    this.indexCatalog();
    return this.tables.get(tableId);
  }

  close(): void {
    this.db.close();
  }

  private indexCatalog(): void {
    const catalog = this.catalog();
    if (catalog === this.indexedCatalog) return;
    this.indexedCatalog = catalog;
    this.items = new Map((catalog?.items ?? []).map((item) => [item.id, item]));
    this.tables = new Map((catalog?.tables ?? []).map((table) => [table.id, table]));
  }
}
