import { type Dispatch, useEffect, useReducer } from "react";
import { type DraftAction, type Drafts, draftsReducer, restoredDrafts } from "./drafts.js";

const storageKey = (storeId: string) => `quay.waiter.drafts.${storeId}`;

function load(storeId: string): Drafts {
  try {
    return restoredDrafts(JSON.parse(localStorage.getItem(storageKey(storeId)) ?? "null"));
  } catch {
    return {};
  }
}

/**
 * The items being entered, per table, saved on the phone after every change: a reload, a crash or
 * a lost connection never loses what was typed.
 */
export function useDrafts(storeId: string): [Drafts, Dispatch<DraftAction>] {
  const [drafts, dispatch] = useReducer(draftsReducer, storeId, load);
  useEffect(() => {
    try {
      if (Object.keys(drafts).length === 0) localStorage.removeItem(storageKey(storeId));
      else localStorage.setItem(storageKey(storeId), JSON.stringify(drafts));
    } catch {
      // Storage full or private mode: the drafts live as long as the page.
    }
  }, [drafts, storeId]);
  return [drafts, dispatch];
}
