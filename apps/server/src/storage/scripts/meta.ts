import { get, run, type Script } from "../sql-script.js";

/**
 * A server-wide value kept in the database, the same across restarts and server instances:
 * `fresh` is stored the first time and the stored value answered ever after.
 */
function* keptValue(key: string, fresh: string): Script<string> {
  yield* run("INSERT INTO server_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING", [key, fresh]);
  const row = yield* get<{ value: string }>("SELECT value FROM server_meta WHERE key = ?", [key]);
  if (!row) throw new Error(`${key} missing after insert`);
  return row.value;
}

/** The secret session tokens are signed with. */
export function tokenSecret(fresh: string): Script<string> {
  return keptValue("token_secret", fresh);
}

/** The Ed25519 private key (PKCS#8 PEM) hub passes are signed with. */
export function hubPassKey(fresh: string): Script<string> {
  return keptValue("hub_pass_key", fresh);
}
