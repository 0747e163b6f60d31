import type { ShiftView } from "@quay/protocol";
import type { HttpClient } from "../../shared/api/http-client.js";

export type Shift = ShiftView;
export type CashCount = Record<string, number>;

/** The counter's cash shift calls (docs/api.md, "Station"). */
export function createShiftApi(http: HttpClient) {
  return {
    current: async () => (await http.get<{ shift: Shift | null }>("/api/shift")).shift,
    open: async (openingCash: number) =>
      (await http.post<{ shift: Shift }>("/api/shift/open", { openingCash })).shift,
    cash: async (amount: number, direction: "in" | "out", reason: string) =>
      (await http.post<{ shift: Shift }>("/api/shift/cash", { amount, direction, reason })).shift,
    close: async (counted: CashCount) =>
      (await http.post<{ shift: Shift }>("/api/shift/close", { counted })).shift,
  };
}

export type ShiftApi = ReturnType<typeof createShiftApi>;
