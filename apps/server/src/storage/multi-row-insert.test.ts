import { describe, expect, it } from "vitest";
import { multiRowInsert } from "./multi-row-insert.js";

describe("multi-row inserts", () => {
  const insert = "INSERT INTO t (a, b, c) VALUES (?, 0, ?) ON CONFLICT (a) DO NOTHING RETURNING a";

  it("repeats the tuple and keeps its constants and the tail", () => {
    expect(multiRowInsert(insert, 2, "?")).toBe(
      "INSERT INTO t (a, b, c) VALUES (?, 0, ?), (?, 0, ?) ON CONFLICT (a) DO NOTHING RETURNING a",
    );
  });

  it("numbers the placeholders across the tuples for PostgreSQL", () => {
    expect(multiRowInsert(insert, 3, "$n")).toBe(
      "INSERT INTO t (a, b, c) VALUES ($1, 0, $2), ($3, 0, $4), ($5, 0, $6) ON CONFLICT (a) DO NOTHING RETURNING a",
    );
  });

  it("refuses a statement without a VALUES tuple", () => {
    expect(() => multiRowInsert("INSERT INTO t SELECT * FROM u", 2, "?")).toThrow(/single-row INSERT/);
  });
});
