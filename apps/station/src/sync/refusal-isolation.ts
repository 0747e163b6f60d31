import { ServerRejectedError } from "./server-client.js";

/** Refusals that are about the station, the protocol or the pushes' order, not about what a push carries. */
const NOT_ABOUT_THE_OPS = new Set([
  "UNAUTHENTICATED",
  "PROTOCOL_STATION_TOO_OLD",
  "PROTOCOL_SERVER_TOO_OLD",
  "PUSH_OUT_OF_ORDER",
]);

/**
 * Whether the server refused a push for good because of the ops it carries: a 4xx other than
 * authentication, a timeout, throttling or the protocol version. Sending it again changes nothing.
 */
export function isRefusedForGood(error: unknown): error is ServerRejectedError {
  return (
    error instanceof ServerRejectedError &&
    error.status >= 400 &&
    error.status < 500 &&
    ![401, 408, 429].includes(error.status) &&
    !NOT_ABOUT_THE_OPS.has(error.code)
  );
}

/**
 * Whether the server refused a push for arriving before the push it follows (`follows`): sent
 * again once that one is answered, it is stored.
 */
export function isOutOfOrder(error: unknown): boolean {
  return error instanceof ServerRejectedError && error.code === "PUSH_OUT_OF_ORDER";
}

export interface IsolationSteps<T extends { readonly orderId: string }> {
  /** Pushes these ops and acknowledges them; answers the number of orders acknowledged. */
  push(ops: readonly T[]): Promise<number>;
  /** The server refuses this order for good, alone. */
  refuse(orderId: string, refusal: ServerRejectedError): void;
}

/**
 * After the server refused a push for good, finds the orders at fault by halving the push by
 * order: a half that passes is acknowledged, a half refused is halved again, and an order refused
 * on its own goes to `refuse`. One bad order among n costs about 2·log2(n) pushes, or one more
 * push when the server names the order at fault; every good order still arrives. Anything but a refusal for good (a lost link) stops the search as it is:
 * what was acknowledged stays so, the rest is pushed again later.
 */
export async function isolateRefused<T extends { readonly orderId: string }>(
  ops: readonly T[],
  refusal: ServerRejectedError,
  steps: IsolationSteps<T>,
): Promise<number> {
  const orders = groupByOrder(ops);
  const [only] = orders;
  if (orders.length === 1 && only) {
    steps.refuse(only[0]?.orderId ?? "", refusal);
    return 0;
  }
  // The server named the order at fault: set it apart and push the others at once.
  const named = orders.find((group) => group[0]?.orderId === refusal.about.orderId);
  if (named) {
    steps.refuse(refusal.about.orderId ?? "", refusal);
    return pushOrIsolate(orders.filter((group) => group !== named).flat(), steps);
  }
  const middle = Math.ceil(orders.length / 2);
  let acknowledged = 0;
  for (const half of [orders.slice(0, middle), orders.slice(middle)]) {
    acknowledged += await pushOrIsolate(half.flat(), steps);
  }
  return acknowledged;
}

async function pushOrIsolate<T extends { readonly orderId: string }>(
  ops: readonly T[],
  steps: IsolationSteps<T>,
): Promise<number> {
  if (ops.length === 0) return 0;
  try {
    return await steps.push(ops);
  } catch (error) {
    if (!isRefusedForGood(error)) throw error;
    return isolateRefused(ops, error, steps);
  }
}

/** The ops of each order together, orders in the order they first appear. */
function groupByOrder<T extends { readonly orderId: string }>(ops: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const op of ops) {
    const group = groups.get(op.orderId);
    if (group) group.push(op);
    else groups.set(op.orderId, [op]);
  }
  return [...groups.values()];
}
