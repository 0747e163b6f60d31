import { useMemo } from "react";
import { useStore } from "../layout/store-context.js";
import { useLoad } from "./use-load.js";

/** The names a listing shows for ids: the store's staff, its counters, its tables. */
export interface StaffNames {
  readonly user: (id: string | null | undefined) => string | null;
  readonly station: (id: string | null | undefined) => string | null;
  readonly table: (id: string | null | undefined) => string | null;
}

const lookup = (names: ReadonlyMap<string, string>) => (id: string | null | undefined) =>
  id === null || id === undefined ? null : (names.get(id) ?? null);

/** Loads the store's staff and counters once per store; tables come with the catalog. */
export function useStaffNames(): StaffNames {
  const { api, storeId, catalog } = useStore();
  const users = useLoad(() => api.users(storeId), `users|${storeId}`);
  const stations = useLoad(() => api.stations(storeId), `stations|${storeId}`);
  return useMemo(
    () => ({
      user: lookup(new Map((users.data ?? []).map((user) => [user.id, user.name]))),
      station: lookup(new Map((stations.data ?? []).map((station) => [station.id, station.name]))),
      table: lookup(new Map((catalog?.tables ?? []).map((table) => [table.id, table.name]))),
    }),
    [users.data, stations.data, catalog],
  );
}
