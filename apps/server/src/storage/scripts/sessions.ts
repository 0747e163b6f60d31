import { get, run, type Script } from "../sql-script.js";
import type { SessionKind, SessionRecord } from "./records.js";

interface SessionRow {
  id: string;
  tenant_id: string;
  kind: string;
  subject_id: string;
  expires_at: number;
  revoked_at: string | null;
}

export function* createSession(session: Omit<SessionRecord, "revoked"> & { now: string }): Script<void> {
  yield* run(
    "INSERT INTO sessions (id, tenant_id, kind, subject_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
    [session.id, session.tenantId, session.kind, session.subjectId, session.now, session.expiresAt],
  );
}

export function* getSession(id: string): Script<SessionRecord | undefined> {
  const row = yield* get<SessionRow>(
    "SELECT id, tenant_id, kind, subject_id, expires_at, revoked_at FROM sessions WHERE id = ?",
    [id],
  );
  return (
    row && {
      id: row.id,
      tenantId: row.tenant_id,
      kind: row.kind as SessionKind,
      subjectId: row.subject_id,
      expiresAt: row.expires_at,
      revoked: row.revoked_at !== null,
    }
  );
}

export function* revokeSession(id: string, now: string): Script<void> {
  yield* run("UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", [now, id]);
}

/** Revokes every session of a user or a station (deactivated, or registered anew). */
export function* revokeSessionsOf(kind: SessionKind, subjectId: string, now: string): Script<void> {
  yield* run("UPDATE sessions SET revoked_at = ? WHERE kind = ? AND subject_id = ? AND revoked_at IS NULL", [
    now,
    kind,
    subjectId,
  ]);
}
