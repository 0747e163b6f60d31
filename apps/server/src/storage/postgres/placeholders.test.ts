import { describe, expect, it } from "vitest";
import { toPostgresPlaceholders } from "./placeholders.js";

describe("PostgreSQL placeholders", () => {
  it("numbers question marks outside quoted text", () => {
    expect(toPostgresPlaceholders("SELECT ? , '?' , ? FROM t WHERE a = ?")).toBe(
      "SELECT $1 , '?' , $2 FROM t WHERE a = $3",
    );
  });
});
