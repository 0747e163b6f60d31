/**
 * Test support, not shipped code: the bodies the contract fuzzer sends a route — valid, one
 * mistake off, of another type, broken JSON, another content type, and the target's own made ones.
 */
import fc from "fast-check";
import type { DeclaredRoute } from "../route-access.js";
import type { FuzzBody } from "./fuzz-target.test-support.js";
import { brokenJson, hostileValue, mutated, otherContentType } from "./hostile-input.test-support.js";
import { arbitraryFor, type FieldValues, type JsonSchema } from "./json-schema-arbitrary.test-support.js";

const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** A body as it goes on the wire, with the headers it goes with. */
export interface SentBody {
  readonly payload?: Buffer;
  readonly headers: Record<string, string>;
  readonly changesNothing: boolean;
  readonly label: string;
}

const asJson = (value: unknown, label: string, changesNothing = false): SentBody =>
  value === undefined
    ? { headers: {}, changesNothing, label: `${label} (no body)` }
    : {
        payload: Buffer.from(JSON.stringify(value)),
        headers: { "content-type": "application/json" },
        changesNothing,
        label,
      };

export function bodyFor(
  route: DeclaredRoute,
  name: string,
  schema: JsonSchema | undefined,
  fields: FieldValues,
  special: fc.Arbitrary<FuzzBody> | undefined,
): fc.Arbitrary<SentBody> {
  const none = fc.constant<SentBody>({ headers: {}, changesNothing: false, label: "no body" });
  if (!schema) {
    const stray = fc.oneof(
      hostileValue.map((value) => asJson(value, "a stray body")),
      brokenJson("{}").map((bytes) => raw(bytes, "a broken stray body")),
    );
    return BODY_METHODS.has(route.method)
      ? fc.oneof({ weight: 7, arbitrary: none }, { weight: 3, arbitrary: stray })
      : fc.oneof({ weight: 19, arbitrary: none }, { weight: 1, arbitrary: stray });
  }
  const valid = arbitraryFor(schema, fields);
  const choices: fc.WeightedArbitrary<SentBody>[] = [
    { weight: 12, arbitrary: valid.map((value) => asJson(value, "a valid body")) },
    { weight: 5, arbitrary: mutated(valid).map((value) => asJson(value, "a body with one mistake")) },
    { weight: 1, arbitrary: hostileValue.map((value) => asJson(value, "a body of another type")) },
    {
      weight: 2,
      arbitrary: valid
        .chain((value) => brokenJson(JSON.stringify(value) ?? "{}"))
        .map((bytes) => raw(bytes, "broken JSON")),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, otherContentType).map(([value, type]) => ({
        payload: Buffer.from(JSON.stringify(value) ?? ""),
        headers: type ? { "content-type": type } : {},
        changesNothing: false,
        label: `a valid body as ${type || "no content type"}`,
      })),
    },
  ];
  if (special) {
    choices.push({
      weight: 10,
      arbitrary: special.map((made) => asJson(made.value, made.label, made.changesNothing)),
    });
    choices.push({
      weight: 3,
      arbitrary: mutated(special.map((made) => made.value)).map((value) =>
        asJson(value, `${name}: a made body with one mistake`),
      ),
    });
  }
  return fc.oneof(...choices);
}

const raw = (payload: Buffer, label: string): SentBody => ({
  payload,
  headers: { "content-type": "application/json" },
  changesNothing: false,
  label,
});
