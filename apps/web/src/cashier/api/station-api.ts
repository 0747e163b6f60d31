import type { BankTransfer, StationConnections } from "@quay/protocol";
import type { HttpClient } from "../../shared/api/http-client.js";
import { discountRequest } from "../../shared/discount/discount-request.js";
import type { DiscountAsked } from "../../shared/discount/use-discount-form.js";
import { createBillsApi } from "../bills/bills-api.js";
import { createDayApi } from "../day/day-api.js";
import { createShiftApi } from "../shift/shift-api.js";
import type {
  Catalog,
  LoginMode,
  MenuItem,
  Order,
  PaymentMethod,
  Session,
  SessionUser,
  StationStatus,
  Store,
  TicketView,
} from "./station-types.js";

interface LoginAnswer {
  token: string;
  user: SessionUser;
  expiresAt: string;
  mode?: LoginMode;
}

const orderPath = (orderId: string) => `/api/orders/${encodeURIComponent(orderId)}`;
const linePath = (orderId: string, lineId: string) =>
  `${orderPath(orderId)}/lines/${encodeURIComponent(lineId)}`;

/** The station's API (docs/api.md, "Station"), one function per call. */
export function createStationApi(http: HttpClient) {
  return {
    async login(username: string, password: string, mode: LoginMode): Promise<Session> {
      const answer = await http.post<LoginAnswer>("/api/login", { username, password, mode });
      return {
        token: answer.token,
        user: answer.user,
        expiresAt: answer.expiresAt,
        mode: answer.mode ?? mode,
      };
    },
    logout: () => http.post<unknown>("/api/logout"),
    status: () => http.get<StationStatus>("/api/status"),
    startSync: () => http.post<unknown>("/api/sync"),
    /** This station on the shop's network: the waiter app's URLs, the counters and phones connected. */
    connections: () => http.get<StationConnections>("/api/connections"),
    catalog: () => http.get<Catalog>("/api/catalog"),
    /** "Hết món" at this counter; the menu reloads on the station's `catalog` event. */
    setSoldOut: (itemId: string, soldOut: boolean) =>
      http.post<MenuItem>(`/api/items/${encodeURIComponent(itemId)}/sold-out`, { soldOut }),
    /** The store (for receipts and VietQR); the station answers `{ store, station }`. */
    store: async () => {
      const answer = await http.get<{ store?: Store } & Partial<Store>>("/api/store");
      return answer.store ?? (answer as Store);
    },
    openOrders: async () => (await http.get<{ orders: Order[] }>("/api/orders?status=open")).orders,
    order: (orderId: string) => http.get<Order>(orderPath(orderId)),
    /** The transfer the store's bank confirmed for the order (heard through the cloud), or null. */
    bankTransfer: async (orderId: string) =>
      (await http.get<{ transfer: BankTransfer | null }>(`${orderPath(orderId)}/bank-transfer`)).transfer,
    createOrder: (tableId: string | null) => http.post<Order>("/api/orders", { tableId }),
    addLine: (
      orderId: string,
      itemId: string,
      quantity: number,
      note: string | null,
      optionIds?: readonly string[],
    ) =>
      http.post<Order>(`${orderPath(orderId)}/lines`, {
        itemId,
        quantity,
        ...(note === null || note.trim() === "" ? {} : { note: note.trim() }),
        ...(optionIds === undefined ? {} : { optionIds }),
      }),
    /** A line's note (null clears it) or options, before the kitchen has it (else LINE_SENT). */
    editLine: (
      orderId: string,
      lineId: string,
      edit: { readonly note: string | null; readonly optionIds?: readonly string[] },
    ) => http.post<Order>(`${linePath(orderId, lineId)}/edit`, edit),
    setQuantity: (orderId: string, lineId: string, quantity: number) =>
      http.patch<Order>(linePath(orderId, lineId), { quantity }),
    voidLine: (orderId: string, lineId: string, reason: string, managerPin: string | null) =>
      http.post<Order>(`${linePath(orderId, lineId)}/void`, {
        reason,
        ...(managerPin === null || managerPin === "" ? {} : { managerPin }),
      }),
    /** A discount on the bill, or on `lineId`: `percent` of it, else `amount`; 0 removes it. */
    discount: (orderId: string, asked: DiscountAsked) => http.post<Order>(...discountRequest(orderId, asked)),
    voidOrder: (orderId: string, reason: string, managerPin: string | null) =>
      http.post<Order>(`${orderPath(orderId)}/void`, {
        reason,
        ...(managerPin === null || managerPin === "" ? {} : { managerPin }),
      }),
    /** A manager's answer to an order the server refused: set its refused changes aside, or void it. */
    resolveRefusal: (orderId: string, managerPin: string | null, voidReason: string | null) =>
      http.post<Order>(`${orderPath(orderId)}/resolve`, {
        ...(managerPin === null || managerPin === "" ? {} : { managerPin }),
        ...(voidReason === null ? {} : { voidReason }),
      }),
    moveOrder: (orderId: string, tableId: string | null) =>
      http.post<Order>(`${orderPath(orderId)}/move`, { tableId }),
    addPayment: (orderId: string, method: PaymentMethod, amount: number) =>
      http.post<Order>(`${orderPath(orderId)}/payments`, { method, amount }),
    /** "Gộp bàn": the open order `fromId` moves onto `intoId`, and is voided; answers `intoId`. */
    mergeOrder: (fromId: string, intoId: string) =>
      http.post<Order>(`${orderPath(fromId)}/merge`, { intoOrderId: intoId }),
    /** "Tách hóa đơn": the chosen units move to a new order on `tableId` (null: none). */
    splitOrder: (
      orderId: string,
      lines: readonly { lineId: string; quantity: number }[],
      tableId: string | null,
    ) => http.post<{ source: Order; split: Order }>(`${orderPath(orderId)}/split`, { lines, tableId }),
    /** "Chia đều": pays part `index` of `count`; the station works out its amount. */
    payPart: (orderId: string, index: number, count: number, method: PaymentMethod) =>
      http.post<Order>(`${orderPath(orderId)}/parts/${index}/payment`, { method, count }),
    /** Tickets held for being too old, waiting for "In" or "Bỏ qua" (docs/printing.md). */
    heldTickets: async () => (await http.get<{ tickets: TicketView[] }>("/api/tickets?state=held")).tickets,
    printTicket: (ticketId: number) => http.post<TicketView>(`/api/tickets/${ticketId}/print`),
    dismissTicket: (ticketId: number) => http.post<TicketView>(`/api/tickets/${ticketId}/dismiss`),
    /** The bill or receipt on the store's receipt printer; 409 NO_RECEIPT_PRINTER when it has none. */
    printDocument: (orderId: string, document: "bill" | "receipt") =>
      http.post<{ ticketId: number }>(`${orderPath(orderId)}/print`, { document }),
    /** The counter's cash shift: open, cash in/out, close with the count. */
    shift: createShiftApi(http),
    /** The day at the counter: its sales, refunds and open orders, offline too. */
    day: createDayApi(http),
    /** The counter's bill history and refunds. */
    bills: createBillsApi(http),
  };
}

export type StationApi = ReturnType<typeof createStationApi>;
