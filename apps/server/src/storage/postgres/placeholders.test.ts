import { describe, expect, it } from "vitest";
import { multiRowInsert, toPostgresPlaceholders } from "./placeholders.js";

describe("PostgreSQL placeholders", () => {
  it("numbers question marks outside quoted text", () => {
    expect(toPostgresPlaceholders("SELECT ? , '?' , ? FROM t WHERE a = ?")).toBe(
      "SELECT $1 , '?' , $2 FROM t WHERE a = $3",
    );
  });

  it("spreads a single-row insert over many rows and keeps the tail", () => {
    const { sql, width } = multiRowInsert(
      "INSERT INTO t (a, b) VALUES (?, ?) ON CONFLICT (a) DO NOTHING RETURNING a",
      3,
    );
    expect(width).toBe(2);
    expect(sql).toBe(
      "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4), ($5, $6) ON CONFLICT (a) DO NOTHING RETURNING a",
    );
  });
});
