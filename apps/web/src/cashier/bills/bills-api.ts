import type { BillList } from "@quay/protocol";
import type { HttpClient } from "../../shared/api/http-client.js";
import type { Order, PaymentMethod } from "../api/station-types.js";

export interface BillSearch {
  readonly day: string | undefined;
  readonly q: string;
  readonly method: PaymentMethod | null;
  readonly offset: number;
}

export interface RefundRequest {
  readonly amount: number;
  readonly method: PaymentMethod;
  readonly reason: string;
  readonly lineIds?: readonly string[];
  readonly managerPin?: string;
  /** The cashier app's own id: a retried refund refunds once. */
  readonly refundId: string;
}

/** The counter's bill history and refunds (docs/api.md, `GET /api/bills`, `POST /api/orders/:id/refunds`). */
export function createBillsApi(http: HttpClient) {
  return {
    list: (search: BillSearch) => {
      const query = new URLSearchParams({ offset: String(search.offset) });
      if (search.day) query.set("from", search.day);
      if (search.q.trim() !== "") query.set("q", search.q.trim());
      if (search.method) query.set("method", search.method);
      return http.get<BillList>(`/api/bills?${query}`);
    },
    refund: (orderId: string, request: RefundRequest) =>
      http.post<Order>(`/api/orders/${encodeURIComponent(orderId)}/refunds`, request),
  };
}

export type BillsApi = ReturnType<typeof createBillsApi>;
