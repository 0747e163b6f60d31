import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, login, ok } from "./support/http.mjs";
import { QuayWorld } from "./support/quay-world.js";

/** The demo's staff, one per role; `quanly`'s manager PIN is 9999. */
const STAFF = [
  ["owner", "admin", "admin123"],
  ["manager", "quanly", "1234"],
  ["cashier", "thungan", "1234"],
  ["waiter", "phucvu", "1234"],
] as const;

interface Order {
  id: string;
  total: number;
  lines: { id: string }[];
}

/** One change a person asks of an order of 3 × the first item, as the same call on both services. */
interface Intent {
  readonly name: string;
  readonly empty?: boolean;
  readonly call: (order: Order) => { method: "POST" | "PATCH"; path: string; body: object };
}

const line = (order: Order) => `/api/orders/${order.id}/lines/${order.lines[0]?.id}`;
const INTENTS: readonly Intent[] = [
  { name: "raise a quantity", call: (o) => ({ method: "PATCH", path: line(o), body: { quantity: 4 } }) },
  {
    name: "cut a quantity without a PIN",
    call: (o) => ({ method: "PATCH", path: line(o), body: { quantity: 1, reason: "nhập nhầm" } }),
  },
  {
    name: "cut a quantity with a PIN",
    call: (o) => ({
      method: "PATCH",
      path: line(o),
      body: { quantity: 1, reason: "nhập nhầm", managerPin: "9999" },
    }),
  },
  {
    name: "cut a quantity without a reason",
    call: (o) => ({ method: "PATCH", path: line(o), body: { quantity: 1, managerPin: "9999" } }),
  },
  {
    name: "void a line",
    call: (o) => ({ method: "POST", path: `${line(o)}/void`, body: { reason: "đổi" } }),
  },
  {
    name: "void a line with a wrong PIN",
    call: (o) => ({ method: "POST", path: `${line(o)}/void`, body: { reason: "đổi", managerPin: "0000" } }),
  },
  {
    name: "discount with a PIN",
    call: (o) => ({
      method: "POST",
      path: `/api/orders/${o.id}/discount`,
      body: { amount: 1_000, reason: "quen", managerPin: "9999" },
    }),
  },
  {
    name: "pay in full",
    call: (o) => ({
      method: "POST",
      path: `/api/orders/${o.id}/payments`,
      body: { method: "cash", amount: o.total },
    }),
  },
  {
    name: "pay a zero too many",
    call: (o) => ({
      method: "POST",
      path: `/api/orders/${o.id}/payments`,
      body: { method: "cash", amount: 1_000_000_000_000 },
    }),
  },
  {
    name: "pay by card above the total",
    call: (o) => ({
      method: "POST",
      path: `/api/orders/${o.id}/payments`,
      body: { method: "card", amount: o.total + 1 },
    }),
  },
  {
    name: "pay an order with no lines",
    empty: true,
    call: (o) => ({
      method: "POST",
      path: `/api/orders/${o.id}/payments`,
      body: { method: "card", amount: 1_000 },
    }),
  },
  {
    name: "void the order with a PIN",
    call: (o) => ({
      method: "POST",
      path: `/api/orders/${o.id}/void`,
      body: { reason: "đi", managerPin: "9999" },
    }),
  },
];

/**
 * The counter and the server decide changes with the same core (`planChange`): the same intent
 * by the same role gets the same answer at both, whoever asks and whatever they type.
 */
describe("the same rules at the counter and on the server (cross-process)", () => {
  let world: QuayWorld;
  const tokens = new Map<string, { station: string; server: string }>();

  beforeAll(async () => {
    world = await QuayWorld.start();
    for (const [role, username, password] of STAFF) {
      tokens.set(role, {
        station: await login(world.station.url, username, password, "online"),
        server: await login(world.server.url, username, password),
      });
    }
  }, 60_000);
  afterAll(async () => {
    await world?.stop();
  });

  /** What one service answers: the status, and the refusal's code or the order's state. */
  const answer = async (url: string, ownerToken: string, token: string, intent: Intent) => {
    let order: Order = await ok(url, "POST", "/api/orders", { token: ownerToken, body: {} });
    if (!intent.empty) {
      const itemId = world.items[0]?.id;
      order = await ok(url, "POST", `/api/orders/${order.id}/lines`, {
        token: ownerToken,
        body: { itemId, quantity: 3 },
      });
    }
    const { method, path, body } = intent.call(order);
    const reply = await call(url, method, path, { token, body });
    const outcome =
      reply.status === 200
        ? `${reply.body.status} ${reply.body.lines.map((l: { quantity: number }) => l.quantity).join(",")}`
        : reply.body.error.code;
    return `${reply.status} ${outcome}`;
  };

  it("answers every intent of every role alike at both", async () => {
    const table: Record<string, Record<string, [string, string]>> = {};
    const owner = tokens.get("owner");
    if (!owner) throw new Error("signed in");
    for (const intent of INTENTS) {
      for (const [role] of STAFF) {
        const token = tokens.get(role);
        if (!token) continue;
        const atCounter = await answer(world.station.url, owner.station, token.station, intent);
        const onServer = await answer(world.server.url, owner.server, token.server, intent);
        table[intent.name] = { ...table[intent.name], [role]: [atCounter, onServer] };
      }
    }
    for (const [name, byRole] of Object.entries(table)) {
      for (const [role, [atCounter, onServer]] of Object.entries(byRole)) {
        expect(onServer, `${name} by the ${role}`).toBe(atCounter);
      }
    }
    // And the answers are the rules: a few that the shop relies on.
    expect(table["pay in full"]?.waiter?.[0]).toBe("403 FORBIDDEN");
    expect(table["pay in full"]?.cashier?.[0]).toBe("200 paid 3");
    expect(table["cut a quantity without a PIN"]?.cashier?.[0]).toBe("403 MANAGER_PIN_REQUIRED");
    expect(table["cut a quantity with a PIN"]?.cashier?.[0]).toBe("200 open 1");
    expect(table["cut a quantity without a reason"]?.manager?.[0]).toBe("400 REASON_REQUIRED");
    expect(table["void a line with a wrong PIN"]?.cashier?.[0]).toBe("403 MANAGER_PIN_INVALID");
    expect(table["pay a zero too many"]?.cashier?.[0]).toBe("409 CHANGE_TOO_LARGE");
    expect(table["pay an order with no lines"]?.cashier?.[0]).toBe("409 ORDER_EMPTY");
  }, 120_000);
});
