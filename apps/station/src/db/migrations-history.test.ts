import { createHash } from "node:crypto";
import { expect, it } from "vitest";
import { MIGRATIONS } from "./migrations.js";

// Migrations are history: a shipped one must run the DDL it ran, also where it is written with
// a shape like `outboxTable`. Append a new migration's digest when it ships.
const SHIPPED = [
  "55c0a1816d28751d",
  "3cc2b105826ee1ae",
  "2ae968a8189e16aa",
  "08116530287020a5",
  "8dc4211bd17825e1",
  "1eece1a919b0a368",
  "321a7f79f5e4b3f2",
  "4667919dadaf8ce0",
  "dec80b872631af6c",
  "436eadb8b0396874",
  "fc6d8f1e16b84006",
  "33e37c5f9e931ef6",
  "e656555f975f9325",
];

const digest = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);

it("the station's shipped migrations run the same DDL as when they shipped", () => {
  expect(MIGRATIONS.slice(0, SHIPPED.length).map(digest)).toEqual(SHIPPED);
});
