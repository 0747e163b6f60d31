import type { DayAnswer } from "@quay/protocol";
import type { HttpClient } from "../../shared/api/http-client.js";

/** The day at the counter (docs/api.md, `GET /api/day`): today unless `day` is given. */
export function createDayApi(http: HttpClient) {
  return {
    get: (day?: string) => http.get<DayAnswer>(day ? `/api/day?day=${encodeURIComponent(day)}` : "/api/day"),
  };
}

export type DayApi = ReturnType<typeof createDayApi>;
