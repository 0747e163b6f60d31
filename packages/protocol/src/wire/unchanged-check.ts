import { _, Ajv2020, type KeywordCxt } from "ajv/dist/2020.js";
import { z } from "zod";

/**
 * A check compiled from a zod schema, for the largest messages: true only when the schema would
 * return the input unchanged (deep-equal: no text to trim, no time to normalise, no unknown key,
 * nothing missing a default), so the caller may take the input as the parsed value without
 * running the schema. False means "ask the schema" (which also words the errors), never "invalid".
 */
export type UnchangedCheck<T> = (input: unknown) => input is T;

/** JSON Schema keyword for a string's `.overwrite()` (`.trim()`…): the string is one it leaves as is. */
const UNCHANGED_BY = "x-unchanged-by";

/**
 * Compiles `schema` with Ajv from its own JSON Schema (`z.toJSONSchema`, output side), so the
 * check and the schema are one definition. Where the JSON Schema says less than zod, the check is
 * made stricter, never looser: an `.overwrite()` (`.trim()`…) takes only text it leaves as it is,
 * and what JSON Schema cannot say (a refinement, a format without a pattern) refuses to compile.
 * (Lengths agree: zod and Ajv both count code points.)
 */
export function compileUnchangedCheck<S extends z.ZodType>(schema: S): UnchangedCheck<z.output<S>> {
  const overwrites: ((value: unknown) => unknown)[] = [];
  const jsonSchema = z.toJSONSchema(schema, {
    io: "output",
    unrepresentable: "throw",
    override: ({ zodSchema, jsonSchema: json }) => {
      const def = zodSchema._zod.def as { type: string; checks?: { _zod: { def: CheckDef } }[] };
      const unchangedBy: number[] = [];
      for (const check of def.checks ?? []) {
        const checkDef = check._zod.def;
        if (checkDef.check === "custom") {
          throw new Error("a refinement has no JSON Schema: the check would take what zod refuses");
        }
        if (checkDef.check !== "overwrite" || !checkDef.tx) continue;
        if (def.type !== "string") throw new Error(`an overwrite of a ${def.type} cannot be compiled`);
        unchangedBy.push(overwrites.push(checkDef.tx) - 1);
      }
      if (unchangedBy.length > 0) Object.assign(json, { [UNCHANGED_BY]: unchangedBy });
      // A discriminated union: Ajv checks the one branch its `kind` names, not all of them.
      const discriminator = (zodSchema._zod.def as { discriminator?: unknown }).discriminator;
      if (def.type === "union" && typeof discriminator === "string" && Array.isArray(json.oneOf)) {
        Object.assign(json, { type: "object", discriminator: { propertyName: discriminator } });
      }
    },
  });

  const ajv = new Ajv2020({
    // Anything Ajv would only warn about is an error here: nothing may pass unnoticed.
    strict: true,
    discriminator: true,
    // zod tests its patterns without the `u` flag.
    unicodeRegExp: false,
    // Formats are zod's `pattern`s (exact); a format without one would be checked by nobody.
    validateFormats: false,
  });
  // Lengths in code points, as zod and Ajv count them, but counted only when the UTF-16 length
  // leaves a doubt (a code point is one or two units), as zod does: most text is never walked.
  ajv.removeKeyword("maxLength");
  ajv.addKeyword({
    keyword: "maxLength",
    type: "string",
    schemaType: "number",
    code: (cxt: KeywordCxt) => {
      const { data, schema: max } = cxt;
      const codePoints = cxt.gen.scopeValue("func", { ref: codePointLength });
      cxt.fail(_`${data}.length > ${max} && ${codePoints}(${data}) > ${max}`);
    },
  });
  ajv.removeKeyword("minLength");
  ajv.addKeyword({
    keyword: "minLength",
    type: "string",
    schemaType: "number",
    code: (cxt: KeywordCxt) => {
      const { data, schema: min } = cxt;
      const codePoints = cxt.gen.scopeValue("func", { ref: codePointLength });
      cxt.fail(
        _`${data}.length < ${min} || (${data}.length < 2 * ${min} && ${codePoints}(${data}) < ${min})`,
      );
    },
  });
  ajv.addKeyword({
    keyword: UNCHANGED_BY,
    type: "string",
    schemaType: "array",
    code: (cxt: KeywordCxt) => {
      for (const index of cxt.schema as number[]) {
        const overwrite = cxt.gen.scopeValue("func", { ref: overwrites[index] });
        cxt.fail(_`${overwrite}(${cxt.data}) !== ${cxt.data}`);
      }
    },
  });
  assertPatterned(jsonSchema);
  return ajv.compile(jsonSchema) as unknown as UnchangedCheck<z.output<S>>;
}

/** Code points in `text`, a lone surrogate counting as one (as zod and Ajv count them). */
function codePointLength(text: string): number {
  let count = text.length;
  for (let index = 0; index < text.length - 1; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      count--;
      index++;
    }
  }
  return count;
}

interface CheckDef {
  check: string;
  tx?: (value: unknown) => unknown;
}

/** Every `format` in `json` comes with a `pattern` (zod writes both): the check needs no format of its own. */
function assertPatterned(json: unknown): void {
  if (typeof json !== "object" || json === null) return;
  if (Array.isArray(json)) {
    for (const item of json) assertPatterned(item);
    return;
  }
  const record = json as Record<string, unknown>;
  if (typeof record.format === "string" && typeof record.pattern !== "string") {
    throw new Error(`format ${record.format} without a pattern: the check would take what zod refuses`);
  }
  for (const value of Object.values(record)) assertPatterned(value);
}
