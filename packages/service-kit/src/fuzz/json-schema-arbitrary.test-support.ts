/**
 * Test support, not shipped code: fast-check arbitraries for the values a JSON Schema describes,
 * so the fuzzer can send bodies and queries a route's own schema (zod, through
 * `z.toJSONSchema`) would accept, and go past validation to the code behind it.
 */
import fc from "fast-check";
import { z } from "zod";

/** The part of JSON Schema that zod writes for the services' schemas. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly default?: unknown;
}

/**
 * Values a service knows, to send where a schema names a field: its real ids, usernames, PINs.
 * `name` is the property (or, for an array's items, the array's property) the value goes in.
 */
export type FieldValues = (name: string, schema: JsonSchema) => fc.Arbitrary<unknown> | undefined;

/** A zod schema's input as JSON Schema; anything zod cannot write (a transform) accepts any value. */
export function jsonSchemaOf(schema: unknown): JsonSchema | undefined {
  if (!(schema instanceof z.ZodType)) return undefined;
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

const LONGEST_STRING = 40;
const LONGEST_ARRAY = 4;

/** Words a till sees: Vietnamese with its diacritics, which the services must keep intact. */
const SHOP_WORDS = [
  "Cà phê sữa đá",
  "Bạc xỉu",
  "Bàn 5",
  "khách đổi món",
  "Nguyễn Thị Ánh",
  "ít đường",
  "Tầng 2",
];
/** Valid text of the kinds that break storage and display code. */
const ODD_TEXT = [
  "a\u0000b",
  "\u0000",
  "Cà phê\u0000",
  "x\u0001y",
  "\u202eTẾT",
  "e\u0301\u0301",
  "👩‍👩‍👧‍👦🇻🇳",
  "\u200b",
  "０１２",
  "'; --",
];
const DAY_MS = 86_400_000;
/** Moments around the test clocks (late 2026), so reports and days have something to find. */
const instant = fc.integer({ min: Date.UTC(2026, 9, 1), max: Date.UTC(2027, 0, 31) });

/** Arbitrary values that `schema` describes (mostly valid; a `pattern` it cannot honour is ignored). */
export function arbitraryFor(
  schema: JsonSchema,
  fields: FieldValues = () => undefined,
  name = "",
): fc.Arbitrary<unknown> {
  const known = name ? fields(name, schema) : undefined;
  if (known) return known;
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((choice) => arbitraryFor(choice, fields, name)));
  if (schema.allOf?.[0]) return arbitraryFor(schema.allOf[0], fields, name);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object":
      return objectFor(schema, fields);
    case "array":
      return fc.array(arbitraryFor(schema.items ?? {}, fields, name), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? LONGEST_ARRAY, LONGEST_ARRAY)),
      });
    case "string":
      return stringFor(schema);
    case "integer":
      return fc.integer(bounds(schema, true));
    case "number":
      return fc.oneof(fc.integer(bounds(schema, true)), fc.double({ ...bounds(schema, false), noNaN: true }));
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectFor(schema: JsonSchema, fields: FieldValues): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(properties)) shape[key] = arbitraryFor(property, fields, key);
  return fc.record(shape, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
}

function bounds(schema: JsonSchema, integer: boolean): { min: number; max: number } {
  const step = integer ? 1 : Number.EPSILON;
  const low = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + step : schema.minimum;
  const high = schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - step : schema.maximum;
  const min = Math.max(low ?? -1_000_000, Number.MIN_SAFE_INTEGER);
  const max = Math.min(high ?? 1_000_000_000, Number.MAX_SAFE_INTEGER);
  return integer
    ? { min: Math.ceil(min), max: Math.floor(Math.max(min, max)) }
    : { min, max: Math.max(min, max) };
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  switch (schema.format) {
    case "uuid":
      return fc.uuid();
    case "date-time":
      return instant.map((ms) => new Date(ms).toISOString());
    case "date":
      return instant.map((ms) => new Date(Math.floor(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10));
  }
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern));
    } catch {
      // fast-check reads most regular expressions, not all: fall back to plain text.
    }
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? LONGEST_STRING, LONGEST_STRING));
  const fitting = (words: readonly string[]) =>
    words.filter((word) => word.length >= minLength && word.length <= maxLength);
  const shopWords = fitting(SHOP_WORDS);
  const oddText = fitting(ODD_TEXT);
  return fc.oneof(
    {
      weight: shopWords.length > 0 ? 3 : 0,
      arbitrary: fc.constantFrom(...(shopWords.length ? shopWords : [""])),
    },
    { weight: 3, arbitrary: fc.string({ minLength, maxLength, unit: "grapheme" }) },
    // Text a schema lets through that storage may not: U+0000, controls, bidi, joiners, emoji.
    { weight: oddText.length > 0 ? 2 : 0, arbitrary: fc.constantFrom(...(oddText.length ? oddText : [""])) },
  );
}
