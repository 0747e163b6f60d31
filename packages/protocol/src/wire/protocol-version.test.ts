import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as protocol from "./index.js";

/**
 * Fingerprints of every schema of the sync wire (`wire/index.ts`), per protocol version; the HTTP
 * API (`api/`) is left out: it may change without locking a station out. When this test fails you
 * changed the wire: bump PROTOCOL_VERSION in version.ts, add a line to its history, and add the
 * new fingerprint here.
 */
const FINGERPRINTS: Record<number, string> = {
  1: "db1ec6df5c4d1b79ca4a6f06fde10b9c4588490a2045d7f19a52e7b6b9ab85fe",
  2: "7fc435ce274b754147dd8e01aef7017f31049cb896108966888eb7462b46ed49",
  3: "505726aad3e8086b4bdebe62e79858eff480f3da8179b4dd1bb869e23354269e",
  4: "be949f096fbf7f16739263dc96bc4ed398c0c69844ed7b502ef4c7b5a6b3edbe",
  5: "ced72684a7226afbf75d8e82fbe6914ea1461f13a897605c09777838bd30d415",
  6: "5ca1db9328a9eef046d5e17924d885c9dda8dab2fdaaf364383bb8b79b2a0bed",
  7: "1f0e2b6617dfd15e12522497a193e45b944f645c23fc8a9937d549507572cc26",
  8: "bf0a5ed0a2814ce34f6cbab7d9e1995aa39d224e9042a74468bcae454e7df424",
  9: "bc98ea046e5a412457e8880183fd2ca5b861c96aa3e7619356160e98a763ef8e",
  11: "0bfe7b952460af48d96abfe92536f0a89a242f8f452af360db09aea340882718",
  12: "82579f69aa6c090d7c23d592d98d29a814b46bdf0d48630583d8dbc0f8aee6ca",
  13: "541d5bf4ef060ce46d79001a3af8eee7c9557ed79288381d071d4b49aa16b4b2",
  14: "bf0a0f23c5dfa3edd77f992bb2eddbb251751fdeaae011da224a14769099a4a1",
  15: "2fa1f3ef3890a26cfb7e9fd454a0ed08359b979df7accff375b82a586886ca67",
  16: "3a431186cec3536956a9b6ee8ef44e5f7e97025d34312ba39a409caeb600074a",
};

function fingerprint(): string {
  const schemas = Object.entries(protocol as Record<string, unknown>)
    .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, schema]) => [name, z.toJSONSchema(schema, { unrepresentable: "any", io: "input" })]);
  return createHash("sha256").update(JSON.stringify(schemas)).digest("hex");
}

describe("protocol version", () => {
  it("changes whenever a schema changes", () => {
    expect(FINGERPRINTS[protocol.PROTOCOL_VERSION], "schemas changed: bump PROTOCOL_VERSION").toBe(
      fingerprint(),
    );
  });
});
