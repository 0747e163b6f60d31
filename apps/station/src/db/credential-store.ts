import type { CredentialEntry } from "@quay/protocol";
import type { StationDatabase } from "./open-database.js";

/** The store's users as last pulled from the server: what offline login checks against. */
export class CredentialStore {
  private readonly byUsername;
  private readonly byUserId;
  private readonly all;
  private readonly clear;
  private readonly insert;
  private readonly listeners: ((userIds: readonly string[]) => void)[] = [];

  constructor(private readonly db: StationDatabase) {
    this.byUsername = db.prepare<[string], { body: string }>(
      "SELECT body FROM credentials WHERE username = ? COLLATE NOCASE",
    );
    this.byUserId = db.prepare<[string], { body: string }>("SELECT body FROM credentials WHERE user_id = ?");
    this.all = db.prepare<[], { body: string }>("SELECT body FROM credentials");
    this.clear = db.prepare("DELETE FROM credentials");
    this.insert = db.prepare<[string, string, string]>(
      "INSERT INTO credentials(user_id, username, body) VALUES (?, ?, ?)",
    );
  }

  findByUsername(username: string): CredentialEntry | null {
    const row = this.byUsername.get(username);
    return row ? (JSON.parse(row.body) as CredentialEntry) : null;
  }

  findByUserId(userId: string): CredentialEntry | null {
    const row = this.byUserId.get(userId);
    return row ? (JSON.parse(row.body) as CredentialEntry) : null;
  }

  list(): CredentialEntry[] {
    return this.all.all().map((row) => JSON.parse(row.body) as CredentialEntry);
  }

  count(): number {
    return this.all.all().length;
  }

  /**
   * Replaces the whole cache (the server sends every user of the store when any changed), and
   * tells the listeners which users lost or changed what a session rests on: their password, role
   * or being active (inside the same transaction, so a session never outlives the change).
   */
  replaceAll(entries: readonly CredentialEntry[]): void {
    this.db.transaction(() => {
      const before = new Map(this.list().map((entry) => [entry.userId, entry]));
      this.clear.run();
      for (const entry of entries) this.insert.run(entry.userId, entry.username, JSON.stringify(entry));
      const after = new Map(entries.map((entry) => [entry.userId, entry]));
      const changed = [...before.values()]
        .filter((old) => {
          const now = after.get(old.userId);
          return !now?.active || now.role !== old.role || now.passwordHash !== old.passwordHash;
        })
        .map((entry) => entry.userId);
      if (changed.length > 0) for (const listener of this.listeners) listener(changed);
    })();
  }

  /** Calls `listener` with the ids of users whose sessions must end (see `replaceAll`). */
  onUsersChanged(listener: (userIds: readonly string[]) => void): void {
    this.listeners.push(listener);
  }
}
