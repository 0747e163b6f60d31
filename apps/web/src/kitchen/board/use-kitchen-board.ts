import type { KitchenCard } from "@quay/protocol";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type StreamState, useEventSource } from "../../shared/sse/use-event-source.js";
import type { KitchenApi } from "../api/kitchen-api.js";

/** A reload on every order event would be one per tap at the counter: events within this share one. */
const RELOAD_COALESCE_MS = 100;
/** A safety net should an event be missed (a stream that silently stalled). */
const RELOAD_EVERY_MS = 15_000;

export interface KitchenBoardState {
  readonly cards: readonly KitchenCard[] | null;
  /** The station's clock less the tablet's, so the time waited is the station's. */
  readonly clockOffsetMs: number;
  readonly stream: StreamState;
  /** The station reports the internet (its cloud server) out of reach. */
  readonly internetDown: boolean;
  readonly problem: unknown;
  /** Marks lines made; the card or line leaves the screen at once, and comes back if the call fails. */
  readonly markReady: (orderId: string, lineIds: readonly string[]) => Promise<void>;
}

/**
 * The cards of the chosen categories, kept live by the station's event stream (`GET /api/events`:
 * an `order` event whenever an order changes, a phone's included, so a new order shows within
 * moments of the station receiving it).
 */
export function useKitchenBoard(
  api: KitchenApi,
  token: string,
  categoryIds: readonly string[],
): KitchenBoardState {
  const [cards, setCards] = useState<readonly KitchenCard[] | null>(null);
  const [clockOffsetMs, setClockOffsetMs] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const [internetDown, setInternetDown] = useState(false);
  // Lines marked here but perhaps not yet in a board read: hidden until the station agrees.
  const pendingReady = useRef(new Set<string>());
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const key = categoryIds.join(",");

  const reload = useCallback(async () => {
    try {
      const board = await api.board(key === "" ? [] : key.split(","));
      setClockOffsetMs(Date.parse(board.serverTime) - Date.now());
      setCards(board.cards);
      setProblem(null);
    } catch (error) {
      setProblem(error);
    }
  }, [api, key]);

  const scheduleReload = useCallback(() => {
    if (reloadTimer.current !== undefined) return;
    reloadTimer.current = setTimeout(() => {
      reloadTimer.current = undefined;
      void reload();
    }, RELOAD_COALESCE_MS);
  }, [reload]);

  useEffect(() => {
    void reload();
    const timer = setInterval(() => void reload(), RELOAD_EVERY_MS);
    return () => {
      clearInterval(timer);
      clearTimeout(reloadTimer.current);
      reloadTimer.current = undefined;
    };
  }, [reload]);

  const handlers = useMemo(
    () => ({
      order: () => scheduleReload(),
      status: (data: unknown) =>
        setInternetDown((data as { serverReachable?: unknown }).serverReachable === false),
    }),
    [scheduleReload],
  );
  const stream = useEventSource(`/api/events?token=${encodeURIComponent(token)}`, handlers, scheduleReload);

  const markReady = useCallback(
    async (orderId: string, lineIds: readonly string[]) => {
      for (const lineId of lineIds) pendingReady.current.add(lineId);
      setCards((current) => current && withoutLines(current, pendingReady.current));
      try {
        await api.ready(orderId, lineIds);
        setProblem(null);
      } catch (error) {
        setProblem(error);
      } finally {
        for (const lineId of lineIds) pendingReady.current.delete(lineId);
        await reload();
      }
    },
    [api, reload],
  );

  const shown = useMemo(() => cards && withoutLines(cards, pendingReady.current), [cards]);
  return { cards: shown, clockOffsetMs, stream, internetDown, problem, markReady };
}

function withoutLines(cards: readonly KitchenCard[], hidden: ReadonlySet<string>): readonly KitchenCard[] {
  if (hidden.size === 0) return cards;
  return cards
    .map((card) => ({ ...card, lines: card.lines.filter((line) => !hidden.has(line.lineId)) }))
    .filter((card) => card.lines.length > 0);
}
