import { hashSecret } from "@quay/auth";
import type { IdGenerator } from "@quay/core";
import { createCatalogEntry } from "../storage/scripts/catalog.js";
import { createPrinter } from "../storage/scripts/printers.js";
import { createStore, createTenant, isDatabaseEmpty } from "../storage/scripts/stores.js";
import { createUser } from "../storage/scripts/users.js";
import type { ServerStorage } from "../storage/server-storage.js";
import type { Script } from "../storage/sql-script.js";
import {
  DEMO_FLOOR,
  DEMO_MENU,
  DEMO_NOTE_CHIPS,
  DEMO_OPTION_GROUPS,
  DEMO_PRINTERS,
  DEMO_STORE,
  DEMO_TENANT_NAME,
  DEMO_USERS,
} from "./demo-data.js";

/**
 * Fills an empty database with the demo store (docs/api.md, "Demo data"): tenant, store, menu,
 * floor, printers and users, in one transaction. Leaves a database that holds anything alone.
 * Returns whether it seeded.
 */
export async function seedDemo(storage: ServerStorage, newId: IdGenerator, now: Date): Promise<boolean> {
  if (!(await storage.read(isDatabaseEmpty()))) return false;
  // Hash first: a transaction never waits on anything.
  const users = await Promise.all(
    DEMO_USERS.map(async (user) => ({
      ...user,
      passwordHash: await hashSecret(user.password),
      pinHash: user.pin === null ? null : await hashSecret(user.pin),
    })),
  );
  return storage.write(
    (function* (): Script<boolean> {
      if (!(yield* isDatabaseEmpty())) return false;
      const at = now.toISOString();
      const tenantId = newId();
      const storeId = newId();
      yield* createTenant({ id: tenantId, name: DEMO_TENANT_NAME, now: at });
      yield* createStore({ id: storeId, tenantId, store: DEMO_STORE, now: at });
      const entry = { tenantId, storeId };
      const categoryIds = new Map<string, string>();
      const groupIdsOf = new Map<string, string[]>();
      for (const [groupIndex, group] of DEMO_OPTION_GROUPS.entries()) {
        const id = newId();
        const { name, minChoices, maxChoices } = group;
        const options = group.options.map(([option, price]) => ({
          id: newId(),
          name: option,
          price,
          active: true,
        }));
        yield* createCatalogEntry({
          ...entry,
          kind: "optionGroups",
          id,
          fields: { name, minChoices, maxChoices, sortOrder: groupIndex + 1, options },
        });
        for (const item of group.items) groupIdsOf.set(item, [...(groupIdsOf.get(item) ?? []), id]);
      }
      for (const [categoryIndex, { category, items }] of DEMO_MENU.entries()) {
        const categoryId = newId();
        categoryIds.set(category, categoryId);
        const noteChips = DEMO_NOTE_CHIPS[category] ?? [];
        yield* createCatalogEntry({
          ...entry,
          kind: "categories",
          id: categoryId,
          fields: { name: category, sortOrder: categoryIndex + 1, noteChips },
        });
        for (const item of items) {
          const optionGroupIds = groupIdsOf.get(item.name) ?? [];
          yield* createCatalogEntry({
            ...entry,
            kind: "items",
            id: newId(),
            fields: { ...item, categoryId, active: true, optionGroupIds },
          });
        }
      }
      for (const [areaIndex, { area, tables }] of DEMO_FLOOR.entries()) {
        const areaId = newId();
        yield* createCatalogEntry({
          ...entry,
          kind: "areas",
          id: areaId,
          fields: { name: area, sortOrder: areaIndex + 1 },
        });
        for (const [tableIndex, name] of tables.entries()) {
          yield* createCatalogEntry({
            ...entry,
            kind: "tables",
            id: newId(),
            fields: { areaId, name, sortOrder: tableIndex + 1 },
          });
        }
      }
      for (const { categories, ...printer } of DEMO_PRINTERS) {
        yield* createPrinter({
          ...entry,
          id: newId(),
          fields: {
            ...printer,
            kind: "kitchen",
            categoryIds: categories.flatMap((name) => categoryIds.get(name) ?? []),
            width: 80,
            active: false,
          },
        });
      }
      for (const user of users) {
        yield* createUser({
          id: newId(),
          tenantId,
          username: user.username,
          name: user.name,
          role: user.role,
          passwordHash: user.passwordHash,
          pinHash: user.pinHash,
          active: true,
          storeIds: [storeId],
          now: at,
        });
      }
      return true;
    })(),
  );
}
