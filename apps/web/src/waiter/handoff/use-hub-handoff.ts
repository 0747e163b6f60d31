import { useEffect, useState } from "react";
import type { WaiterApi } from "../api/waiter-api.js";
import { type HubHandoff, handoffIsStale, loadHandoff, saveHandoff } from "./hub-handoff.js";

const LOOK_EVERY_MS = 60_000;

/**
 * Keeps the store's hubs and a fresh hub pass in localStorage while `lookUp` holds: the phone is
 * online on the cloud (a hub's own waiter app asks nothing, so it never offers to hand off to itself).
 */
export function useHubHandoff(api: WaiterApi, storeId: string, lookUp: boolean): HubHandoff | null {
  const [handoff, setHandoff] = useState(loadHandoff);

  useEffect(() => {
    if (!lookUp || storeId === "") return;
    let stopped = false;
    const refresh = async () => {
      if (!handoffIsStale(loadHandoff(), storeId, Date.now())) return;
      try {
        const [network, pass] = await Promise.all([api.shopNetwork(storeId), api.hubPass(storeId)]);
        const fresh: HubHandoff = {
          storeId,
          hubUrls: network.hubs.flatMap((hub) => hub.urls),
          pass: pass.pass,
          passExpiresAt: pass.expiresAt,
          fetchedAt: Date.now(),
        };
        saveHandoff(fresh);
        if (!stopped) setHandoff(fresh);
      } catch {
        // Offline again: keep what is kept.
      }
    };
    void refresh();
    const timer = setInterval(() => void refresh(), LOOK_EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api, storeId, lookUp]);

  return handoff;
}
