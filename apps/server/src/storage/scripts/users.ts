import type { Role } from "@quay/protocol";
import { all, allIn, get, insertMany, run, type Script } from "../sql-script.js";
import type { CredentialEntry, UserRecord } from "./records.js";
import { recordStoreChange } from "./store-changes.js";

interface UserRow {
  id: string;
  tenant_id: string;
  username: string;
  name: string;
  role: string;
  password_hash: string;
  pin_hash: string | null;
  active: number;
}

const USER_COLUMNS = "id, tenant_id, username, name, role, password_hash, pin_hash, active";

/** Usernames are matched without regard to case or surrounding spaces. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** What a user signs in with, read the same for the back office's records and a station's cache. */
function signInFields(row: UserRow): Omit<CredentialEntry, "userId"> {
  return {
    username: row.username,
    name: row.name,
    role: row.role as Role,
    passwordHash: row.password_hash,
    pinHash: row.pin_hash,
    active: row.active === 1,
  };
}

function* withStores(rows: readonly UserRow[]): Script<UserRecord[]> {
  const links = yield* allIn<{ user_id: string; store_id: string }>(
    "SELECT user_id, store_id FROM user_stores WHERE user_id IN (?*)",
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    tenantId: row.tenant_id,
    ...signInFields(row),
    storeIds: links
      .filter((link) => link.user_id === row.id)
      .map((link) => link.store_id)
      .sort(),
  }));
}

export function* findUserByUsername(username: string): Script<UserRecord | undefined> {
  const row = yield* get<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE username = ?`, [
    normalizeUsername(username),
  ]);
  return row && (yield* withStores([row]))[0];
}

export function* getUser(id: string): Script<UserRecord | undefined> {
  const row = yield* get<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`, [id]);
  return row && (yield* withStores([row]))[0];
}

/** The tenant's users; with `storeIds`, only owners and users of those stores. */
export function* listUsers(tenantId: string, storeIds: readonly string[] | null): Script<UserRecord[]> {
  const rows = yield* all<UserRow>(
    `SELECT ${USER_COLUMNS} FROM users WHERE tenant_id = ? ORDER BY username`,
    [tenantId],
  );
  const users = yield* withStores(rows);
  if (storeIds === null) return users;
  return users.filter((user) => user.role === "owner" || user.storeIds.some((id) => storeIds.includes(id)));
}

/** Stores whose credential cache shows this user: every store of the tenant for an owner. */
function* storesSeeing(user: Pick<UserRecord, "tenantId" | "role" | "storeIds">): Script<string[]> {
  if (user.role !== "owner") return [...user.storeIds];
  const rows = yield* all<{ id: string }>("SELECT id FROM stores WHERE tenant_id = ?", [user.tenantId]);
  return rows.map((row) => row.id);
}

export type NewUser = Omit<UserRecord, "username"> & { username: string; now: string };

export function* createUser(user: NewUser): Script<UserRecord> {
  yield* run(`INSERT INTO users (${USER_COLUMNS}, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
    user.id,
    user.tenantId,
    normalizeUsername(user.username),
    user.name,
    user.role,
    user.passwordHash,
    user.pinHash,
    user.active ? 1 : 0,
    user.now,
  ]);
  yield* insertMany(
    "INSERT INTO user_stores (tenant_id, user_id, store_id) VALUES (?, ?, ?)",
    user.storeIds.map((storeId) => [user.tenantId, user.id, storeId]),
  );
  yield* recordStoreChange(yield* storesSeeing(user), { catalog: false, users: true });
  const created = yield* getUser(user.id);
  if (!created) throw new Error("user vanished while being created");
  return created;
}

export type UserPatch = Partial<
  Pick<UserRecord, "name" | "role" | "passwordHash" | "pinHash" | "active" | "storeIds">
>;

export function* updateUser(id: string, patch: UserPatch): Script<UserRecord | undefined> {
  const before = yield* getUser(id);
  if (!before) return undefined;
  const after = { ...before, ...patch };
  yield* run(
    "UPDATE users SET name = ?, role = ?, password_hash = ?, pin_hash = ?, active = ? WHERE id = ?",
    [after.name, after.role, after.passwordHash, after.pinHash, after.active ? 1 : 0, id],
  );
  if (patch.storeIds) {
    yield* run("DELETE FROM user_stores WHERE user_id = ?", [id]);
    yield* insertMany(
      "INSERT INTO user_stores (tenant_id, user_id, store_id) VALUES (?, ?, ?)",
      [...new Set(patch.storeIds)].map((storeId) => [before.tenantId, id, storeId]),
    );
  }
  const affected = new Set([...(yield* storesSeeing(before)), ...(yield* storesSeeing(after))]);
  yield* recordStoreChange([...affected], { catalog: false, users: true });
  return yield* getUser(id);
}

/** The credential cache a station of `storeId` keeps for offline login (inactive users included, to lock them out). */
export function* storeCredentials(storeId: string): Script<CredentialEntry[]> {
  const rows = yield* all<UserRow>(
    `SELECT ${USER_COLUMNS} FROM users u
     WHERE u.tenant_id = (SELECT tenant_id FROM stores WHERE id = ?)
       AND (u.role = 'owner' OR EXISTS (SELECT 1 FROM user_stores us WHERE us.user_id = u.id AND us.store_id = ?))`,
    [storeId, storeId],
  );
  rows.sort((a, b) => (a.username < b.username ? -1 : 1));
  return rows.map((row) => ({ userId: row.id, ...signInFields(row) }));
}
