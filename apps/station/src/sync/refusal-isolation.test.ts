import { describe, expect, it } from "vitest";
import { isolateRefused, isRefusedForGood } from "./refusal-isolation.js";
import { ServerRejectedError } from "./server-client.js";

const ops = (orders: number) =>
  Array.from({ length: orders * 2 }, (_, index) => ({ orderId: `o${index >> 1}` }));

/** A server that refuses any push holding `poison`, naming it when `names`; counts pushes. */
function fakeServer(poison: ReadonlySet<string>, names: boolean) {
  const pushes: string[][] = [];
  const refused: string[] = [];
  return {
    pushes,
    refused,
    steps: {
      push: async (batch: readonly { orderId: string }[]) => {
        const orders = [...new Set(batch.map((op) => op.orderId))];
        pushes.push(orders);
        const bad = orders.find((orderId) => poison.has(orderId));
        if (bad)
          throw new ServerRejectedError(400, "VALIDATION_FAILED", null, null, names ? { orderId: bad } : {});
        return orders.length;
      },
      refuse: (orderId: string) => {
        refused.push(orderId);
      },
    },
  };
}

describe("isolateRefused", () => {
  it("halves a refused push until the bad order stands alone, and pushes every other order", async () => {
    const server = fakeServer(new Set(["o250"]), false);
    const acknowledged = await isolateRefused(
      ops(501),
      new ServerRejectedError(400, "VALIDATION_FAILED"),
      server.steps,
    );
    expect(acknowledged).toBe(500);
    expect(server.refused).toEqual(["o250"]);
    expect(server.pushes.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(501)));
  });

  it("sets the order the server names apart at once, then pushes the rest in one go", async () => {
    const server = fakeServer(new Set(["o7", "o300"]), true);
    const first = new ServerRejectedError(400, "VALIDATION_FAILED", null, null, { orderId: "o7" });
    expect(await isolateRefused(ops(501), first, server.steps)).toBe(499);
    expect(server.refused).toEqual(["o7", "o300"]);
    expect(server.pushes).toHaveLength(2);
  });

  it("stops at a lost link, keeping what was acknowledged", async () => {
    let calls = 0;
    const lost = new Error("socket hang up");
    const steps = {
      push: async () => {
        calls += 1;
        if (calls > 1) throw lost;
        return 1;
      },
      refuse: () => {},
    };
    await expect(isolateRefused(ops(4), new ServerRejectedError(400, "X"), steps)).rejects.toBe(lost);
  });

  it("tells refusals about the ops from those about the station, the protocol or load", () => {
    expect(isRefusedForGood(new ServerRejectedError(400, "VALIDATION_FAILED"))).toBe(true);
    expect(isRefusedForGood(new ServerRejectedError(403, "OP_NOT_ALLOWED"))).toBe(true);
    expect(isRefusedForGood(new ServerRejectedError(413, "BODY_TOO_LARGE"))).toBe(true);
    expect(isRefusedForGood(new ServerRejectedError(401, "UNAUTHENTICATED"))).toBe(false);
    expect(isRefusedForGood(new ServerRejectedError(429, "TOO_MANY_ATTEMPTS"))).toBe(false);
    expect(isRefusedForGood(new ServerRejectedError(409, "PROTOCOL_STATION_TOO_OLD"))).toBe(false);
    expect(isRefusedForGood(new ServerRejectedError(503, "UNAVAILABLE"))).toBe(false);
    expect(isRefusedForGood(new Error("network"))).toBe(false);
  });
});
