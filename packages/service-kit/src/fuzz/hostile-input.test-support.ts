/**
 * Test support, not shipped code: what a careless or hostile client sends instead of a valid
 * value, and ways to break a valid JSON body (its structure, its text, its bytes).
 */
import fc from "fast-check";

/** Text that breaks naive code: control characters, invisible and combining marks, RTL, emoji. */
export const hostileText = fc.constantFrom(
  "",
  " ",
  "   \t\n",
  "\u0000",
  "a\u0000b",
  "\u0007\u001b[31m",
  "\u200b\u200d\ufeff",
  "\u202eTẾT",
  "e\u0301\u0301\u0301",
  "👩‍👩‍👧‍👦🇻🇳",
  "\ud800",
  "x\udfffy",
  "０１２３",
  "١٢٣",
  "1e3",
  "NaN",
  "-0",
  "null",
  "true",
  "'; DROP TABLE orders; --",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "%00%2e%2e%2f",
  "__proto__",
  "constructor",
  "x".repeat(10_000),
  "đ".repeat(5_000),
);

/** Numbers at and past every boundary money, quantities, counts and JSON have. */
export const hostileNumber = fc.constantFrom(
  0,
  -0,
  -1,
  0.5,
  1.000000001,
  -1e-300,
  9_999,
  10_000,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 32,
  1e9,
  1e12,
  1e12 + 1,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
);

/** A value of any JSON type, often one a schema does not expect where it stands. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileNumber },
  { weight: 3, arbitrary: hostileText },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, [], {}, [[]], [null], { "": null }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 1,
    arbitrary: fc.constant(JSON.parse('{"__proto__":{"admin":true},"constructor":{"prototype":{}}}')),
  },
);

type Path = readonly (string | number)[];

/** Every place in `value` a mutation can reach: the root, and each member of its objects and arrays. */
function pathsIn(value: unknown, path: Path = []): Path[] {
  const found: Path[] = [path];
  if (Array.isArray(value)) {
    for (const [index, child] of value.entries()) found.push(...pathsIn(child, [...path, index]));
  } else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) found.push(...pathsIn(child, [...path, key]));
  }
  return found;
}

/** `value` with what stands at `path` changed by `change` (undefined: removed). */
function updateAt(value: unknown, path: Path, change: (current: unknown) => unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return change(value);
  if (Array.isArray(value) && typeof head === "number") {
    const copy = [...value];
    const next = updateAt(copy[head], rest, change);
    if (next === undefined) copy.splice(head, 1);
    else copy[head] = next;
    return copy;
  }
  if (value !== null && typeof value === "object" && typeof head === "string") {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const next = updateAt(copy[head], rest, change);
    if (next === undefined) delete copy[head];
    else copy[head] = next;
    return copy;
  }
  return value;
}

/** Names a client might add: the services' own field names, and ones that poison objects. */
const extraKey = fc.constantFrom(
  "id",
  "storeId",
  "tenantId",
  "role",
  "status",
  "total",
  "paid",
  "__proto__",
  "x",
);

/**
 * One mistake in an otherwise valid value: a member replaced by a value of another type, one
 * dropped, one added, a number sent as text or text as a number.
 */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.nat(), fc.nat({ max: 4 }), hostileValue, extraKey)
    .map(([value, pick, how, replacement, key]) => {
      const paths = pathsIn(value);
      const path = paths[pick % paths.length] ?? [];
      switch (how) {
        case 0:
          return updateAt(value, path, () => replacement);
        case 1:
          return path.length === 0 ? undefined : updateAt(value, path, () => undefined);
        case 2:
          return updateAt(value, path, (current) =>
            current !== null && typeof current === "object" && !Array.isArray(current)
              ? { ...current, [key]: replacement }
              : replacement,
          );
        case 3:
          return updateAt(value, path, (current) =>
            typeof current === "number"
              ? String(current)
              : typeof current === "string"
                ? Number(current)
                : [current],
          );
        default:
          return updateAt(value, path, (current) =>
            Array.isArray(current) ? [...current, ...current] : null,
          );
      }
    });
}

/** Byte sequences no UTF-8 decoder may accept: a lone lead byte, 0xFF, an overlong '/', an encoded surrogate. */
const INVALID_UTF8 = [
  Buffer.from([0xc3]),
  Buffer.from([0xff]),
  Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xf4, 0x90, 0x80, 0x80]),
  Buffer.from([0xe0, 0xa4]),
];

/** A JSON text broken on the wire: truncated, with junk around it, invalid UTF-8 inside, or no JSON at all. */
export function brokenJson(text: string): fc.Arbitrary<Buffer> {
  const bytes = Buffer.from(text, "utf8");
  const quote = text.indexOf('"');
  return fc.oneof(
    fc.nat({ max: Math.max(0, bytes.length - 1) }).map((end) => bytes.subarray(0, end)),
    fc.constantFrom(...INVALID_UTF8).map((bad) =>
      // Inside the first string, so that a lenient decoder would let it through as U+FFFD.
      quote >= 0
        ? Buffer.concat([bytes.subarray(0, quote + 1), bad, bytes.subarray(quote + 1)])
        : Buffer.concat([Buffer.from('{"name":"'), bad, Buffer.from('"}')]),
    ),
    fc
      .constantFrom(`${text}}`, `${text},`, `[${text}`, `${text}\u0000`, `\ufeff${text}`)
      .map((t) => Buffer.from(t)),
    fc
      .constantFrom(
        "",
        " ",
        "null",
        "[]",
        '""',
        "0",
        "a=1&b=2",
        "{'a':1}",
        '{"a":1,}',
        "NaN",
        "[".repeat(50_000),
      )
      .map((t) => Buffer.from(t)),
  );
}

/** Content types a body might be sent with; the services read JSON only (415 otherwise). */
export const otherContentType = fc.constantFrom(
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/json; charset=latin1",
  "application/JSON",
  "application/vnd.api+json",
  "application/json; charset=utf-8",
  "",
);

/** Path segments that no route expects: encodings broken or doubled, traversal, very long. */
export const hostileSegment = fc.constantFrom(
  "%E0%A4%A",
  "%ZZ",
  "%",
  "%00",
  "%2e%2e",
  "..",
  "%2F",
  "%C0%AF",
  "\u00e9",
  "%F0%9F%98%80",
  "a".repeat(101),
  "0".repeat(5_000),
  "",
  " ",
  "null",
  "12345",
);
