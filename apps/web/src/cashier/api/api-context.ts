import { createContext, useContext } from "react";
import type { StationApi } from "./station-api.js";

export const ApiContext = createContext<StationApi | null>(null);

/** The station API of the signed-in app. */
export function useApi(): StationApi {
  const api = useContext(ApiContext);
  if (api === null) throw new Error("useApi outside <ApiContext>");
  return api;
}
