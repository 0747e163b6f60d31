import { hashSecret } from "@quay/auth";
import { dong, type SoldItem } from "@quay/core";
import { type Role, STORE_SETTING_DEFAULTS } from "@quay/protocol";
import { createCatalogEntry } from "../storage/scripts/catalog.js";
import { createStore, createTenant, type StoreInput } from "../storage/scripts/stores.js";
import { createUser } from "../storage/scripts/users.js";
import type { ServerStorage } from "../storage/server-storage.js";
import type { Script } from "../storage/sql-script.js";

/** Every test user's password. */
export const PASSWORD = "secret-1";

export interface WorldStore {
  readonly id: string;
  readonly tenantId: string;
  readonly code: string;
  readonly items: SoldItem[];
  readonly categoryIds: string[];
  readonly areaId: string;
  readonly tableIds: string[];
  /** The tenant's owner, staff of every store: who test ops are made by unless a test says. */
  readonly ownerId: string;
}

/**
 * Two tenants to tell apart: "A" with stores a1 (CH01) and a2 (CH02), "B" with b1 (also CH01,
 * codes are per tenant). Users by name: ownerA (PIN 1234), managerA (a1, PIN 9999), cashierA,
 * waiterA (a1), managerA2 (a2), ownerB, cashierB (b1).
 */
export interface World {
  readonly stores: { a1: WorldStore; a2: WorldStore; b1: WorldStore };
  readonly users: Record<WorldUser, { id: string; username: string }>;
}

export type WorldUser = "ownerA" | "managerA" | "cashierA" | "waiterA" | "managerA2" | "ownerB" | "cashierB";

const USERS: {
  key: WorldUser;
  role: Role;
  tenant: "A" | "B";
  stores: ("a1" | "a2" | "b1")[];
  pin?: string;
}[] = [
  { key: "ownerA", role: "owner", tenant: "A", stores: ["a1"], pin: "1234" },
  { key: "managerA", role: "manager", tenant: "A", stores: ["a1"], pin: "9999" },
  { key: "cashierA", role: "cashier", tenant: "A", stores: ["a1"] },
  { key: "waiterA", role: "waiter", tenant: "A", stores: ["a1"] },
  { key: "managerA2", role: "manager", tenant: "A", stores: ["a2"], pin: "5555" },
  { key: "ownerB", role: "owner", tenant: "B", stores: ["b1"] },
  { key: "cashierB", role: "cashier", tenant: "B", stores: ["b1"] },
];

// scrypt is slow on purpose: hash the test secrets once per test file.
let hashes: Promise<Map<string, string>> | null = null;
function secretHashes(): Promise<Map<string, string>> {
  hashes ??= Promise.all(
    [PASSWORD, "1234", "9999", "5555"].map(async (secret) => [secret, await hashSecret(secret)] as const),
  ).then((entries) => new Map(entries));
  return hashes;
}

const storeInput = (code: string, name: string): StoreInput => ({
  code,
  name,
  address: "1 Đồng Khởi, Quận 1, TP. Hồ Chí Minh",
  phone: "",
  timeZone: "Asia/Ho_Chi_Minh",
  autoSync: false,
  bank: null,
  ...STORE_SETTING_DEFAULTS,
});

/** Fills an empty database with the two tenants of `World`. */
export async function seedWorld(storage: ServerStorage, newId: () => string, now: string): Promise<World> {
  const hashed = await secretHashes();
  const hash = (secret: string) => hashed.get(secret) ?? "";
  return storage.write(
    (function* (): Script<World> {
      const tenants = { A: newId(), B: newId() };
      const owners = { A: newId(), B: newId() };
      yield* createTenant({ id: tenants.A, name: "Chuỗi A", now });
      yield* createTenant({ id: tenants.B, name: "Chuỗi B", now });
      const makeStore = function* (tenantId: string, code: string, name: string): Script<WorldStore> {
        const id = newId();
        yield* createStore({ id, tenantId, store: storeInput(code, name), now });
        const entry = { tenantId, storeId: id };
        const categoryIds = [newId(), newId()];
        for (const [index, categoryId] of categoryIds.entries()) {
          yield* createCatalogEntry({
            ...entry,
            kind: "categories",
            id: categoryId,
            fields: { name: index === 0 ? "Cà phê" : "Bia", sortOrder: index },
          });
        }
        const items: WorldStore["items"] = [
          { id: newId(), name: "Cà phê sữa đá", price: dong(29_000), vatRate: 8 },
          { id: newId(), name: "Bạc xỉu", price: dong(35_000), vatRate: 8 },
          { id: newId(), name: "Bia Sài Gòn", price: dong(25_000), vatRate: 10 },
        ];
        for (const item of items) {
          yield* createCatalogEntry({
            ...entry,
            kind: "items",
            id: item.id,
            fields: {
              categoryId: item.vatRate === 10 ? (categoryIds[1] ?? "") : (categoryIds[0] ?? ""),
              name: item.name,
              price: item.price,
              vatRate: item.vatRate,
              unit: "ly",
              active: true,
            },
          });
        }
        const areaId = newId();
        yield* createCatalogEntry({
          ...entry,
          kind: "areas",
          id: areaId,
          fields: { name: "Tầng 1", sortOrder: 0 },
        });
        const tableIds = [newId(), newId()];
        for (const [index, tableId] of tableIds.entries()) {
          yield* createCatalogEntry({
            ...entry,
            kind: "tables",
            id: tableId,
            fields: { areaId, name: `Bàn ${index + 1}`, sortOrder: index },
          });
        }
        const ownerId = tenantId === tenants.A ? owners.A : owners.B;
        return { id, tenantId, code, items, categoryIds, areaId, tableIds, ownerId };
      };
      const stores = {
        a1: yield* makeStore(tenants.A, "CH01", "Cà phê A1"),
        a2: yield* makeStore(tenants.A, "CH02", "Cà phê A2"),
        b1: yield* makeStore(tenants.B, "CH01", "Cà phê B1"),
      };
      const users = {} as Record<WorldUser, { id: string; username: string }>;
      for (const user of USERS) {
        const id = user.role === "owner" ? owners[user.tenant] : newId();
        const username = user.key.toLowerCase();
        yield* createUser({
          id,
          tenantId: tenants[user.tenant],
          username,
          name: user.key,
          role: user.role,
          passwordHash: hash(PASSWORD),
          pinHash: user.pin ? hash(user.pin) : null,
          active: true,
          storeIds: user.stores.map((key) => stores[key].id),
          now,
        });
        users[user.key] = { id, username };
      }
      return { stores, users };
    })(),
  );
}
