import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type Dialect, schemaMigrations } from "./schema.js";

// Migrations are history: the DDL a shipped one runs must stay what it was, also where it is
// written with the shapes of table-shapes.ts. A shipped migration's text changes only on purpose
// (see schemaMigrations); then its digest here changes in the same commit. Migrations that are
// scripts, or empty on an engine, are left out.

const digest = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);

const ENGINES: readonly [string, Dialect][] = [
  [
    "SQLite",
    { bigint: "INTEGER", tableOptions: " STRICT", createServerSequence: "-- seq", makeTablesStrict: "" },
  ],
  [
    "PostgreSQL",
    { bigint: "BIGINT", tableOptions: "", createServerSequence: "-- seq", makeTablesStrict: "" },
  ],
];

/** The digests of the shipped migrations written as text, by engine and version. */
const SHIPPED: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  SQLite: {
    1: "6e47f4329801a439",
    2: "10721b27f3835e60",
    3: "736960c814174890",
    4: "3d3f5c0caae196d1",
    6: "d4db7e37114c3b46",
    7: "d3711667cb37f6c4",
    8: "cd7a1044c53aab62",
    9: "31b8c008a254f1cc",
    11: "b2728bde1e4867bc",
    12: "08f778172a5d40d7",
    13: "38af27a71d8c930c",
    14: "6f7006406a5a4015",
  },
  PostgreSQL: {
    1: "6241da32b7974257",
    2: "10721b27f3835e60",
    3: "46cdac66bbaf63a8",
    4: "3d3f5c0caae196d1",
    6: "ebb331eab3be18a0",
    7: "d3711667cb37f6c4",
    8: "cd7a1044c53aab62",
    9: "31b8c008a254f1cc",
    11: "b2728bde1e4867bc",
    12: "8f63b8b713d9591e",
    13: "38af27a71d8c930c",
    14: "98297a2fc495ed8a",
  },
};

describe("the server's shipped migrations", () => {
  it.each(ENGINES)("run the same DDL on %s as when they shipped", (engine, dialect) => {
    const written = Object.fromEntries(
      schemaMigrations(dialect)
        .filter((migration) => typeof migration.steps === "string" && migration.steps !== "")
        .map((migration) => [migration.version, digest(String(migration.steps))]),
    );
    expect(written).toMatchObject(SHIPPED[engine] ?? {});
  });
});
